package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;

/**
 * An upgrade split into waves, before anything is applied.
 *
 * @param target         the version functions move to
 * @param selectors      the waves as they were asked for (tags, patterns, lists)
 * @param fromVersion    only functions on this version (0: any other version)
 * @param waves          in the order they are applied; the last one may be {@link Wave#REST}
 * @param emptySelectors selectors that chose no function to change (shown, not made into waves)
 */
public record RolloutPlan(LayerVersionRef target, List<String> selectors, long fromVersion, List<Wave> waves,
                          List<String> emptySelectors) {

    public RolloutPlan {
        Objects.requireNonNull(target, "target");
        selectors = List.copyOf(selectors);
        waves = List.copyOf(waves);
        emptySelectors = List.copyOf(emptySelectors);
    }

    public String description() {
        return "upgrade " + target.name() + (fromVersion > 0 ? " from " + fromVersion : "") + " to "
                + target.version() + " in " + waves.size() + " wave" + (waves.size() == 1 ? "" : "s");
    }
}
