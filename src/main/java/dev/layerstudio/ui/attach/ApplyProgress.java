package dev.layerstudio.ui.attach;

import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.ProgressListener;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How an apply goes, per function: the applier reports on worker threads into a map; the page
 * samples it on the JavaFX thread (through the task's message) into each stack's status line.
 */
final class ApplyProgress {

    private final ResourceBundle text;
    private final Map<String, String> byFunction = new ConcurrentHashMap<>();
    private volatile ProgressListener current = ProgressListener.NONE;

    ApplyProgress(ResourceBundle text) {
        this.text = text;
    }

    /** Starts over for a new apply that reports through {@code task}. */
    void reset() {
        byFunction.clear();
        current = ProgressListener.NONE;
    }

    void reportTo(ProgressListener task) {
        current = task;
    }

    /** Hears the applier on worker threads. */
    ApplyListener listener() {
        return new ApplyListener() {
            @Override
            public void started(FunctionPlan plan) {
                byFunction.put(plan.functionName(), text.getString("attach.updating"));
                current.message(plan.functionName());
            }

            @Override
            public void message(FunctionPlan plan, String message) {
                byFunction.put(plan.functionName(), message);
                current.message(plan.functionName() + ": " + message);
            }

            @Override
            public void finished(ApplyResult result) {
                byFunction.put(result.functionName(), result.message());
                current.message(result.functionName() + " " + result.outcome());
            }
        };
    }

    /** Copies what each function reported into its stack's status (JavaFX thread). */
    void show(List<StackPlan> plans) {
        plans.forEach(p -> {
            String s = byFunction.get(p.functionName());
            if (s != null) {
                p.statusProperty().set(s);
            }
        });
    }

    /**
     * The status line for a function's result: "Updated.", "Not changed: ..."; for an undo, a
     * function updated back says "Put back as it was." (not "Updated", which reads as the apply).
     */
    String outcome(ApplyResult r, boolean undo) {
        if (undo && r.outcome() == ApplyResult.Outcome.UPDATED) {
            return text.getString("attach.outcome.putBack");
        }
        return outcome(r);
    }

    /** The status line for a function's result: "Updated.", "Not changed: ...". */
    String outcome(ApplyResult r) {
        String key = switch (r.outcome()) {
            case UPDATED -> "attach.outcome.updated";
            case UNCHANGED -> "attach.outcome.unchanged";
            case BLOCKED -> "attach.outcome.blocked";
            case CONFLICT -> "attach.outcome.conflict";
            case FAILED -> "attach.outcome.failed";
            case CANCELLED -> "attach.outcome.cancelled";
        };
        return text.getString(key) + " " + r.message();
    }
}
