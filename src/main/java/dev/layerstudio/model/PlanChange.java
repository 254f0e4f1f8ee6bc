package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;

/**
 * One change to a function's layer list. Applied by {@link AttachPlanner} to whatever the
 * list is when the plan is computed (or recomputed after the function changed), so a
 * change never drops a layer it does not name.
 */
public sealed interface PlanChange {

    /** A short description for people: "attach L:3 (last)". */
    String describe();

    /**
     * Add a version of a layer, or replace the version of the same layer the function has.
     * With {@link LayerPosition#KEEP} a replacement keeps its place and a new layer goes last.
     */
    record Attach(LayerVersionRef version, LayerPosition position) implements PlanChange {
        public Attach {
            Objects.requireNonNull(version, "version");
            if (!version.isVersioned()) {
                throw new LayerStudioException("Functions use layer versions; '" + version.arn()
                        + "' has no version number.");
            }
            position = position == null ? LayerPosition.KEEP : position;
        }

        @Override
        public String describe() {
            return "attach " + version.name() + ":" + version.version() + " (" + position + ")";
        }
    }

    /** Remove a layer: any version when the reference is unversioned, else that version only. */
    record Detach(LayerVersionRef layer) implements PlanChange {
        public Detach {
            Objects.requireNonNull(layer, "layer");
        }

        @Override
        public String describe() {
            return "detach " + layer.name() + (layer.isVersioned() ? ":" + layer.version() : "");
        }
    }

    /** Move a layer (any version of it) to another place in the list. */
    record Move(LayerVersionRef layer, LayerPosition position) implements PlanChange {
        public Move {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String describe() {
            return "move " + layer.name() + " to " + position;
        }
    }

    /**
     * Replace the version of {@code to}'s layer with {@code to}, in place; only where the
     * function is on {@code fromVersion}, or on any other version when it is 0.
     */
    record Upgrade(LayerVersionRef to, long fromVersion) implements PlanChange {
        public Upgrade {
            Objects.requireNonNull(to, "to");
            if (!to.isVersioned()) {
                throw new LayerStudioException("An upgrade needs a target version.");
            }
        }

        @Override
        public String describe() {
            return "upgrade " + to.name() + (fromVersion > 0 ? " from " + fromVersion : "") + " to " + to.version();
        }
    }

    /**
     * Set the whole list (an edited stack, or an undo). When {@code expectedBefore} is not
     * null, the function must still have exactly that list; otherwise someone else changed
     * it and the change is refused rather than overwriting theirs.
     */
    record SetLayers(List<String> expectedBefore, List<String> layers) implements PlanChange {
        public SetLayers {
            expectedBefore = expectedBefore == null ? null : List.copyOf(expectedBefore);
            layers = List.copyOf(layers);
        }

        @Override
        public String describe() {
            return "set layers to " + layers.size() + " entr" + (layers.size() == 1 ? "y" : "ies");
        }
    }
}
