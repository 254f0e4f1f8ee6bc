package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;

/**
 * The plan for one function: its layer list before and after, and what to look out for.
 *
 * @param function           the function as read when the plan was computed (its RevisionId guards the update)
 * @param change             the change the plan applies
 * @param before             the layer list now
 * @param after              the layer list the function will have
 * @param flags              warnings and errors; any error keeps this function unchanged
 * @param unzippedTotalBytes function code plus layers, unzipped, when every size is known; else null
 */
public record FunctionPlan(FunctionInfo function, PlanChange change, List<String> before, List<String> after,
                           List<PlanFlag> flags, Long unzippedTotalBytes) {

    public FunctionPlan {
        Objects.requireNonNull(function, "function");
        before = List.copyOf(before);
        after = List.copyOf(after);
        flags = List.copyOf(flags);
    }

    public String functionName() {
        return function.name();
    }

    /** Whether applying would send a different list. */
    public boolean changed() {
        return !before.equals(after);
    }

    /** Whether an error flag keeps this function from being updated. */
    public boolean blocked() {
        return flags.stream().anyMatch(PlanFlag::blocking);
    }

    /** What the compatibility verdict comes to for this function. */
    public CompatibilityVerdict.Level verdict() {
        return CompatibilityVerdict.of(this);
    }

    /** Whether a flag keeps this function unchanged that the user may choose to override. */
    public boolean overridable() {
        return blocked() && flags.stream().filter(PlanFlag::blocking).allMatch(PlanFlag::overridable);
    }

    /** Warnings the user must confirm before this function is updated. */
    public List<PlanFlag> toConfirm() {
        return willUpdate() ? flags.stream().filter(PlanFlag::needsConfirmation).toList() : List.of();
    }

    /** Whether the function's list is no longer the one the change expected. */
    public boolean conflict() {
        return flags.stream().anyMatch(f -> f.kind() == PlanFlag.Kind.CHANGED_SINCE);
    }

    /** Whether applying would send an update. */
    public boolean willUpdate() {
        return changed() && !blocked();
    }

    /** Layers in the new list that were not in the old one. */
    public List<String> added() {
        return after.stream().filter(a -> !before.contains(a)).toList();
    }

    /** Layers of the old list that the new one no longer has. */
    public List<String> removed() {
        return before.stream().filter(b -> !after.contains(b)).toList();
    }
}
