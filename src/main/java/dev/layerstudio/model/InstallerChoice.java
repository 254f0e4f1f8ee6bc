package dev.layerstudio.model;

import java.util.Arrays;
import java.util.Optional;

/** Which tool installs the requirements. */
public enum InstallerChoice {
    /** uv when it is on PATH, otherwise pip. */
    AUTO("auto"),
    /** {@code python -m pip install --target}. */
    PIP("pip"),
    /** {@code uv pip install --target}. */
    UV("uv");

    private final String id;

    InstallerChoice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<InstallerChoice> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equalsIgnoreCase(id)).findFirst();
    }

    public static InstallerChoice parse(String id) {
        return fromId(id).orElseThrow(() -> new LayerStudioException(
                "Unknown installer '" + id + "'. Choose auto, pip or uv."));
    }

    @Override
    public String toString() {
        return id;
    }
}
