package dev.layerstudio.project;

import java.nio.file.Path;

/** Paths as a project file keeps them: relative to the file's folder, with forward slashes. */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    /**
     * {@code path} (relative to the working folder, or absolute) as seen from {@code dir}; a path
     * on another root (another drive) stays absolute.
     */
    public static String relative(Path dir, Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path base = dir.toAbsolutePath().normalize();
        if (abs.getRoot() == null || !abs.getRoot().equals(base.getRoot())) {
            return abs.toString();
        }
        String rel = base.relativize(abs).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }
}
