package dev.layerstudio.model;

import java.util.List;

/**
 * A plan over one or more functions: for each, the layer list before and after and its
 * flags. Computed by {@link AttachPlanner}; nothing is sent until it is applied.
 *
 * @param description what the plan does, for people ("upgrade mylayer to 7")
 * @param functions   one entry per function, changed or not
 * @param facts       what the plan was computed with; used again when a function must be re-planned
 */
public record AttachPlan(String description, List<FunctionPlan> functions, PlanFacts facts) {

    public AttachPlan {
        functions = List.copyOf(functions);
        facts = facts == null ? PlanFacts.none() : facts;
    }

    /** Entries whose list would change and may be updated. */
    public List<FunctionPlan> updates() {
        return functions.stream().filter(FunctionPlan::willUpdate).toList();
    }

    /** Entries kept unchanged by an error flag (including lists changed by someone else since). */
    public List<FunctionPlan> blocked() {
        return functions.stream().filter(FunctionPlan::blocked).toList();
    }

    /** Entries whose list is already what the change asks for. */
    public List<FunctionPlan> unchanged() {
        return functions.stream().filter(f -> !f.changed() && !f.blocked()).toList();
    }

    /** Entries that will be updated only after the user confirms their warnings. */
    public List<FunctionPlan> toConfirm() {
        return functions.stream().filter(f -> !f.toConfirm().isEmpty()).toList();
    }

    public boolean isEmpty() {
        return updates().isEmpty();
    }
}
