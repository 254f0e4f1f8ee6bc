package dev.layerstudio.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where installed packages go inside a layer. Python on Lambda finds both {@code python/}
 * and {@code python/lib/python3.X/site-packages/}; Node.js finds {@code nodejs/node_modules/}
 * and {@code nodejs/nodeNN/node_modules/} (NODE_PATH).
 */
public enum Layout {
    /** {@code python/}: the usual layout, the same for every runtime. */
    PYTHON("python"),
    /** {@code python/lib/python3.X/site-packages/}: tied to one runtime's version. */
    SITE_PACKAGES("site-packages"),
    /** {@code nodejs/node_modules/}: the usual Node.js layout, read by every Node.js runtime. */
    NODE_MODULES("node_modules"),
    /** {@code nodejs/node20/node_modules/}: read only by the runtime of that major version. */
    NODE_VERSIONED("nodeNN");

    private final String id;

    Layout(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The folder inside the layer that installed packages go into, such as {@code python}. */
    public String root(Runtime runtime) {
        return switch (this) {
            case PYTHON -> "python";
            case SITE_PACKAGES -> runtime.sitePackagesPath();
            case NODE_MODULES -> runtime.nodeModulesPath(false);
            case NODE_VERSIONED -> runtime.nodeModulesPath(true);
        };
    }

    /** Whether the runtime's language reads this layout. */
    public boolean fits(Runtime runtime) {
        boolean node = this == NODE_MODULES || this == NODE_VERSIONED;
        return node == runtime.isNode();
    }

    /** The usual layout for the runtime's language. */
    public static Layout defaultFor(Runtime runtime) {
        return runtime.isNode() ? NODE_MODULES : PYTHON;
    }

    public static Optional<Layout> fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equalsIgnoreCase(id)).findFirst();
    }

    public static Layout parse(String id) {
        return fromId(id).orElseThrow(() -> new LayerStudioException(
                "Unknown layout '" + id + "'. Choose python or site-packages (Python), node_modules or nodeNN (Node.js)."));
    }

    @Override
    public String toString() {
        return id;
    }
}
