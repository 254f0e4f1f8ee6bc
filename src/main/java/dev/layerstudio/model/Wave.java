package dev.layerstudio.model;

import java.util.List;

/**
 * One wave of a staged upgrade: the functions one selector chose, as an ordinary plan.
 *
 * @param number     1, 2, 3 ... in the order the waves are applied
 * @param label      the selector as written ({@code env=dev}, {@code api-*}), or {@link #REST}
 * @param plan       the upgrade of this wave's functions, applied and undone like any plan
 * @param skipped    functions recorded for this wave that are no longer on the version being replaced (or are
 *                   gone); they are left alone
 */
public record Wave(int number, String label, AttachPlan plan, List<String> skipped) {

    /** The label of the last wave, which holds every function no selector chose. */
    public static final String REST = "the rest";

    public Wave {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public List<String> functionNames() {
        return plan.functions().stream().map(FunctionPlan::functionName).toList();
    }
}
