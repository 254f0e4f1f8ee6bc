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

    static int run(Output out, FunctionService functions, AttachPlan plan, boolean dryRun) {
        Views.printPlan(out, plan);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dryRun", dryRun);
        doc.put("plan", Views.plan(plan));
        if (dryRun || plan.updates().isEmpty()) {
            out.line(dryRun ? "Dry run: nothing was changed." : "Nothing to change.");
            out.document(doc);
            return plan.blocked().isEmpty() ? 0 : FailureHandler.FAILED;
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
        long notOk = results.stream().filter(r -> !r.ok()).count();
        out.line("%d updated, %d not as planned.", updated, notOk);
        doc.put("results", results.stream().map(Views::result).toList());
        doc.put("undo", functions.undoPlan(results).functions().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", p.functionName());
            m.put("region", p.function().region());
            m.put("restore", p.after());
            return m;
        }).toList());
        out.document(doc);
        return notOk == 0 ? 0 : FailureHandler.FAILED;
    }
}
