package dev.layerstudio.ui.attach;

import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What the Attach page's stacks come to before Apply: what to confirm, what is left alone, how many change. */
final class PlanReview {

    private PlanReview() {
    }

    /**
     * One line per point to confirm ("orders: ..."): the warnings of every function that will be
     * updated, and the incompatibilities the user chose to attach anyway.
     */
    static List<String> toConfirm(List<StackPlan> plans) {
        List<String> out = new ArrayList<>();
        for (StackPlan p : plans) {
            p.toConfirm().forEach(m -> out.add(p.functionName() + ": " + m));
        }
        return out;
    }

    /** The functions the verdict (or Lambda's limits) keeps unchanged, with why ("orders: ..."). */
    static List<String> leftAlone(List<StackPlan> plans) {
        List<String> out = new ArrayList<>();
        for (StackPlan p : plans) {
            FunctionPlan fp = p.planProperty().get();
            if (fp.changed() && fp.blocked()) {
                out.add(p.functionName() + ": " + fp.flags().stream().filter(PlanFlag::blocking)
                        .map(PlanFlag::message).collect(Collectors.joining(" ")));
            }
        }
        return out;
    }

    /** How many functions Apply would update. */
    static long updates(List<StackPlan> plans) {
        return plans.stream().filter(p -> p.planProperty().get().willUpdate()).count();
    }

    /** The bundle key saying why Apply has nothing to send. */
    static String nothingToApplyKey(List<StackPlan> plans) {
        if (plans.isEmpty()) {
            return "attach.hint.choose";
        }
        return plans.stream().anyMatch(p -> p.planProperty().get().blocked()) ? "attach.hint.blocked"
                : "attach.hint.same";
    }
}
