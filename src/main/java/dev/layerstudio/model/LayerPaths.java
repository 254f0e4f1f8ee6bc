package dev.layerstudio.model;

/** Paths inside a layer: '/'-separated, relative, no "." or ".." segments. */
public final class LayerPaths {

    private LayerPaths() {
    }

    /**
     * Normalises a path inside a layer: backslashes become '/', leading "./" and '/',
     * repeated and trailing slashes go. Fails on "..", "." and empty paths.
     */
    public static String normalize(String path) {
        if (path == null) {
            throw new LayerStudioException("A path inside the layer is required.");
        }
        String p = path.replace('\\', '/').trim();
        StringBuilder out = new StringBuilder(p.length());
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new LayerStudioException("'" + path + "' leaves the layer: paths inside a layer may not use '..'.");
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        if (out.length() == 0) {
            throw new LayerStudioException("'" + path + "' is not a path inside the layer.");
        }
        return out.toString();
    }

    /** The last segment. */
    public static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Everything before the last segment; "" at the top. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code folder/name}, or {@code name} when folder is "". */
    public static String join(String folder, String name) {
        return folder == null || folder.isEmpty() ? normalize(name) : normalize(folder + "/" + name);
    }

    /** Whether {@code path} is {@code folder} itself or lies below it. */
    public static boolean isWithin(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder + "/");
    }

    /** Checks a single name (for a rename): not empty, no slash, not "." or "..". */
    public static String checkName(String name) {
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..")
                || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new LayerStudioException("'" + name + "' is not a valid name: use no slashes, and not '.' or '..'.");
        }
        return name;
    }
}
