package dev.layerstudio.model;

import java.util.List;

/**
 * What changed from one layer to another.
 *
 * @param packages packages added, removed, or changed in version or size, largest change first
 * @param files    files added, removed, or changed (by CRC-32), in path order
 */
public record LayerDiff(String oldSource, String newSource, long oldZippedBytes, long newZippedBytes,
                        long oldUnzippedBytes, long newUnzippedBytes, List<PackageChange> packages,
                        List<FileChange> files) {

    public LayerDiff {
        packages = List.copyOf(packages);
        files = List.copyOf(files);
    }

    public long zippedDelta() {
        return newZippedBytes - oldZippedBytes;
    }

    public long unzippedDelta() {
        return newUnzippedBytes - oldUnzippedBytes;
    }

    public List<PackageChange> packages(ChangeKind kind) {
        return packages.stream().filter(p -> p.change() == kind).toList();
    }

    public List<FileChange> files(ChangeKind kind) {
        return files.stream().filter(f -> f.change() == kind).toList();
    }

    public boolean identical() {
        return packages.isEmpty() && files.isEmpty();
    }
}
