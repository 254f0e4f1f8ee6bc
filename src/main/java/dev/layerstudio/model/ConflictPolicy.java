package dev.layerstudio.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happens when two sources claim the same file in a layer. By default that is an
 * error the user must settle; the other choices settle every conflict one way.
 */
public enum ConflictPolicy {
    /** A conflict stops the build and names both sources. */
    FAIL("fail"),
    /** The user's own file wins over an installed one (between two of the user's, the later added). */
    PREFER_MINE("mine"),
    /** The installed file wins over the user's (between two of the user's, the later added). */
    PREFER_INSTALLED("installed");

    private final String id;

    ConflictPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ConflictPolicy> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equalsIgnoreCase(id)).findFirst();
    }

    public static ConflictPolicy parse(String id) {
        return fromId(id).orElseThrow(() -> new LayerStudioException(
                "Unknown conflict choice '" + id + "'. Choose fail, mine or installed."));
    }

    @Override
    public String toString() {
        return id;
    }
}
