package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One of the user's files or folders to put into the layer.
 *
 * @param source      the file or folder on disk
 * @param destination its path inside the layer; {@code null} for {@code python/<name>}.
 *                    A destination ending in '/' is a folder to put it in, keeping its name.
 * @param exclude     paths inside a folder source ('/'-separated, relative to it) left out of the
 *                    layer, each with everything below it; sorted, without duplicates
 */
public record AddedPath(Path source, String destination, List<String> exclude) {

    public AddedPath {
        Objects.requireNonNull(source, "source");
        exclude = exclude == null ? List.of() : exclude.stream().map(AddedPath::excluded).distinct().sorted().toList();
    }

    public AddedPath(Path source, String destination) {
        this(source, destination, List.of());
    }

    /** The same source and exclusions at another place in the layer. */
    public AddedPath withDestination(String value) {
        return new AddedPath(source, value, exclude);
    }

    /** Whether a path relative to the source ('/'-separated) is left out: it or a folder above it is excluded. */
    public boolean excludes(String relative) {
        for (String e : exclude) {
            if (LayerPaths.isWithin(relative, e)) {
                return true;
            }
        }
        return false;
    }

    private static String excluded(String path) {
        try {
            return LayerPaths.normalize(path);
        } catch (LayerStudioException e) {
            throw new LayerStudioException("'" + path + "' cannot be left out of a folder: name a file or folder"
                    + " inside it, relative to it, such as 'sub/file.py'.", e);
        }
    }

    public static AddedPath of(Path source) {
        return new AddedPath(source, null);
    }

    /** Parses {@code SRC[=DEST]} as on the command line (split at the last '='). */
    public static AddedPath parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new LayerStudioException("--add needs a file or folder: --add SRC[=DEST].");
        }
        int eq = spec.lastIndexOf('=');
        if (eq < 0) {
            return new AddedPath(Path.of(spec), null);
        }
        String src = spec.substring(0, eq);
        String dest = spec.substring(eq + 1);
        if (src.isBlank()) {
            throw new LayerStudioException("'" + spec + "' names no file or folder before '='.");
        }
        return new AddedPath(Path.of(src), dest.isBlank() ? null : dest);
    }

    /** The path inside the layer this source goes to. */
    public String resolvedDestination() {
        Path name = source.toAbsolutePath().normalize().getFileName();
        String fileName = name == null ? "root" : name.toString();
        if (destination == null) {
            return LayerPaths.join("python", fileName);
        }
        String d = destination.replace('\\', '/');
        return d.endsWith("/") ? LayerPaths.join(d, fileName) : LayerPaths.normalize(d);
    }
}
