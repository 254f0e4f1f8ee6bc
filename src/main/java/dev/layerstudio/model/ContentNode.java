package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;

/**
 * One path inside a layer ({@code python/requests/api.py}, {@code python/mylib}) and
 * where it comes from.
 *
 * <p>A file normally has one source; two or more mean that several sources claim the
 * same path, a conflict the user settles with {@link LayerContent#resolve}. A folder
 * has at most one source, and none when it exists only because something was put
 * below it (such as {@code python/}).
 *
 * @param path      the path inside the layer, '/'-separated, no leading or trailing slash
 * @param directory whether this is a folder
 * @param sources   where it comes from, first claim first
 */
public record ContentNode(String path, boolean directory, List<ContentSource> sources) {

    public ContentNode {
        path = LayerPaths.normalize(path);
        sources = List.copyOf(sources);
        if (!directory && sources.isEmpty()) {
            throw new IllegalArgumentException("A file needs a source: " + path);
        }
    }

    public static ContentNode file(String path, ContentSource source) {
        return new ContentNode(path, false, List.of(Objects.requireNonNull(source, "source")));
    }

    public static ContentNode folder(String path, ContentSource source) {
        return new ContentNode(path, true, source == null ? List.of() : List.of(source));
    }

    /** A folder with no source of its own. */
    public static ContentNode folder(String path) {
        return new ContentNode(path, true, List.of());
    }

    /** The first (for a resolved node: the only) source, or {@code null} for a folder of no source. */
    public ContentSource source() {
        return sources.isEmpty() ? null : sources.get(0);
    }

    /** Whether two or more sources claim this file. */
    public boolean isConflict() {
        return sources.size() > 1;
    }

    /** Bytes of the file (of its first source when in conflict); 0 for folders. */
    public long size() {
        return directory || sources.isEmpty() ? 0 : sources.get(0).size();
    }

    /** The last segment of the path. */
    public String name() {
        return LayerPaths.name(path);
    }

    /** The path of the folder holding this node; "" at the top. */
    public String parent() {
        return LayerPaths.parent(path);
    }

    /** Whether this node comes from the user rather than from pip or uv. */
    public boolean isUser() {
        ContentSource s = source();
        return s != null && s.isUser();
    }

    /** The name inside a zip: the path, with a trailing '/' for folders. */
    public String entryName() {
        return directory ? path + "/" : path;
    }

    ContentNode withPath(String newPath) {
        return new ContentNode(newPath, directory, sources);
    }
}
