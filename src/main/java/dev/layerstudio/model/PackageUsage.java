package dev.layerstudio.model;

import java.util.List;

/**
 * What one package (or one folder of own code) costs in a layer.
 *
 * @param name     the distribution name, or the top-level folder or module of own code
 * @param version  the distribution's version, null for own code
 * @param root     the folder the package is installed into ({@code python/},
 *                 {@code python/lib/python3.12/site-packages/}) or, for own code outside it, the layer root
 * @param topLevel the importable top-level names it provides
 * @param bytes    unzipped bytes of its files
 * @param files    how many files
 */
public record PackageUsage(String name, String version, PackageKind kind, String root, List<String> topLevel,
                           long bytes, long zippedBytes, int files) {

    public PackageUsage {
        topLevel = topLevel == null ? List.of() : List.copyOf(topLevel);
    }
}
