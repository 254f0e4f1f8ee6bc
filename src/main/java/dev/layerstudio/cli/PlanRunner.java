package dev.layerstudio.cli;

import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a plan, applies it unless it is a dry run, prints each function's result. */
final class PlanRunner {

    private PlanRunner() {
    }

    /**
     * @param explicit whether the user named the functions (then a blocked one fails the run; an
     *                 upgrade of whatever uses a layer reports blocked functions and goes on)
     */
    static int run(Output out, FunctionService functions, AttachPlan asPlanned, boolean dryRun,
                   ChangeOptions change, boolean explicit) {
        AttachPlan plan = change.apply(asPlanned);
        Views.printPlan(out, plan);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dryRun", dryRun);
        doc.put("plan", Views.plan(plan));
        int blockedExit = explicit && !plan.blocked().isEmpty() ? FailureHandler.FAILED : 0;
        if (dryRun || plan.updates().isEmpty()) {
            out.line(dryRun ? "Dry run: nothing was changed." : "Nothing to change.");
            out.document(doc);
            return blockedExit;
        }
        if (!change.confirmed(out, plan)) {
            doc.put("confirmed", false);
            out.document(doc);
            return FailureHandler.FAILED;
        }
        out.note("Applying to " + plan.updates().size() + " function(s)...");
        List<ApplyResult> results = functions.apply(plan, new ApplyListener() {
            @Override
            public void message(FunctionPlan p, String message) {
                out.note("  " + message);
            }

            @Override
            public void finished(ApplyResult r) {
                out.note("  " + r.outcome().name().toLowerCase(Locale.ROOT) + ": " + r.functionName());
            }
        });
        out.line("Results:");
        Views.printResults(out, results);
        long updated = results.stream().filter(r -> r.outcome() == ApplyResult.Outcome.UPDATED).count();
        long notOk = results.stream().filter(r -> !r.ok()
                && (explicit || r.outcome() != ApplyResult.Outcome.BLOCKED)).count();
        long leftAlone = explicit ? 0 : results.stream().filter(r -> r.outcome() == ApplyResult.Outcome.BLOCKED)
                .count();
        out.line("%d updated, %d not as planned%s.", updated, notOk,
                leftAlone == 0 ? "" : ", " + leftAlone + " left alone as incompatible");
        doc.put("results", results.stream().map(Views::result).toList());
        doc.put("undo", functions.undoPlan(results).functions().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", p.functionName());
            m.put("region", p.function().region());
            m.put("restore", p.after());
            return m;
        }).toList());
        out.document(doc);
        return notOk == 0 ? blockedExit : FailureHandler.FAILED;
    }
}
