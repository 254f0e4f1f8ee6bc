package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with, or worth knowing about, a layer.
 *
 * @param path  the entry (or folder) it is about; the first of {@code paths} when there are several
 * @param paths every entry or folder it is about, so a fix can act on all of them
 * @param bytes unzipped bytes involved (what a fix would save, for slimming findings), 0 when not relevant
 */
public record Finding(FindingCode code, Severity severity, String message, String path, List<String> paths,
                      long bytes) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        paths = paths == null ? List.of() : List.copyOf(paths);
        if (path == null && !paths.isEmpty()) {
            path = paths.get(0);
        }
    }

    /** A finding with the code's own severity about several paths. */
    public static Finding of(FindingCode code, String message, List<String> paths, long bytes) {
        return new Finding(code, code.severity(), message, null, paths, bytes);
    }

    /** A finding with the code's own severity about one path (or none). */
    public static Finding of(FindingCode code, String message, String path) {
        return new Finding(code, code.severity(), message, path, path == null ? List.of() : List.of(path), 0);
    }
}
