package dev.layerstudio.model;

/**
 * A package that differs between two layers.
 *
 * @param oldVersion null when added (or own code)
 * @param newVersion null when removed (or own code)
 * @param deltaBytes new minus old unzipped bytes
 */
public record PackageChange(String name, ChangeKind change, String oldVersion, String newVersion, long oldBytes,
                            long newBytes, long deltaBytes) {
}
