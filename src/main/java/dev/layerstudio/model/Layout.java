package dev.layerstudio.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where installed packages go inside a layer. Python on Lambda finds both {@code python/}
 * and {@code python/lib/python3.X/site-packages/}.
 */
public enum Layout {
    /** {@code python/}: the usual layout, the same for every runtime. */
    PYTHON("python"),
    /** {@code python/lib/python3.X/site-packages/}: tied to one runtime's version. */
    SITE_PACKAGES("site-packages");

    private final String id;

    Layout(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The folder inside the layer that installed packages go into, such as {@code python}. */
    public String root(Runtime runtime) {
        return this == PYTHON ? "python" : runtime.sitePackagesPath();
    }

    public static Optional<Layout> fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equalsIgnoreCase(id)).findFirst();
    }

    public static Layout parse(String id) {
        return fromId(id).orElseThrow(() -> new LayerStudioException(
                "Unknown layout '" + id + "'. Choose python or site-packages."));
    }

    @Override
    public String toString() {
        return id;
    }
}
