package dev.layerstudio.model;

import java.util.List;

/**
 * A layer version about to be deleted, with the functions that still use it. Functions
 * keep working on a deleted version, but it can no longer be added to any function, and its
 * number is never reused.
 *
 * @param version  the version
 * @param usedBy   functions (in the version's region) that have it in their list
 * @param complete whether every function could be read; if not, the list may be short
 */
public record DeletePlan(LayerVersionInfo version, List<LayerUse> usedBy, boolean complete) {

    public DeletePlan {
        usedBy = List.copyOf(usedBy);
    }

    public boolean inUse() {
        return !usedBy.isEmpty();
    }
}
