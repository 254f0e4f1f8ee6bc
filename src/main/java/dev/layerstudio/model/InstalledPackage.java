package dev.layerstudio.model;

/**
 * A distribution that pip or uv installed into a layer.
 *
 * @param requested whether the user asked for it (rather than it coming as a dependency)
 */
public record InstalledPackage(String name, String version, boolean requested) {

    @Override
    public String toString() {
        return name + " " + version;
    }
}
