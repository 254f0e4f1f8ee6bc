package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.ui.common.StatusLine;
import dev.layerstudio.ui.common.Texts;
import dev.layerstudio.ui.task.BackgroundTask;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ObservableList;

/**
 * Apply and Undo of the Attach step, each one background task: sends every stack that changes
 * (or puts back what the last apply changed), a few functions at a time, marks each stack with
 * its progress and outcome, and says how many functions changed. The page is busy meanwhile.
 */
final class ApplyRun {

    private interface Applying {
        List<ApplyResult> apply(FunctionService functions);
    }

    private final AttachServices services;
    private final ResourceBundle text;
    private final Texts texts;
    private final ObservableList<StackPlan> plans;
    private final StatusLine status;
    private final BooleanProperty busy;
    private final Runnable after;
    private final ApplyProgress progress;

    /** @param after runs when an apply or undo ended, however it ended, once the page is no longer busy */
    ApplyRun(AttachServices services, ResourceBundle text, ObservableList<StackPlan> plans, StatusLine status,
             BooleanProperty busy, Runnable after) {
        this.services = services;
        this.text = text;
        this.texts = new Texts(text);
        this.plans = plans;
        this.status = status;
        this.busy = busy;
        this.after = after;
        this.progress = new ApplyProgress(text);
    }

    /**
     * Sends the stacks as planned; a function re-planned after a 412 keeps the user's attach-anyway choice.
     *
     * @param lastPlan the plan the stacks were made from (its description and facts), or null
     * @param applied  takes the per-function results before the page says how it went
     */
    void apply(AttachPlan lastPlan, AwsSession session, Consumer<List<ApplyResult>> applied) {
        Set<String> anyway = plans.stream().filter(p -> p.attachAnywayProperty().get()).map(StackPlan::functionName)
                .collect(Collectors.toSet());
        AttachPlan plan = new AttachPlan(lastPlan == null ? "attach" : lastPlan.description(),
                plans.stream().map(p -> p.planProperty().get()).toList(),
                lastPlan == null ? null : lastPlan.facts().withAllowIncompatible(anyway));
        run(fs -> fs.apply(plan, progress.listener()), false, session, list -> {
            applied.accept(list);
            return texts.text("attach.appliedCount", count(list), list.size());
        });
    }

    /**
     * Puts back the stacks {@code done} changed (where nobody changed them since).
     *
     * @param undone takes the per-function results before the page says how it went
     */
    void undo(List<ApplyResult> done, AwsSession session, Consumer<List<ApplyResult>> undone) {
        run(fs -> fs.apply(fs.undoPlan(done), progress.listener()), true, session, list -> {
            undone.accept(list);
            return texts.text("attach.undoneCount", count(list));
        });
    }

    private void run(Applying work, boolean undo, AwsSession session,
                     Function<List<ApplyResult>, String> ended) {
        if (session == null) {
            return;
        }
        StatusLine.Action action = status.begin();
        busy.set(true);
        progress.reset();
        plans.forEach(p -> p.statusProperty().set(p.planProperty().get().willUpdate() || undo
                ? text.getString("attach.waiting") : ""));
        BackgroundTask<List<ApplyResult>> task = BackgroundTask.of(p -> {
            progress.reportTo(p);
            return work.apply(services.functions().apply(session));
        });
        task.messageProperty().addListener((o, a, b) -> progress.show(plans));
        task.onSuccess(list -> {
            progress.show(plans);
            for (ApplyResult r : list) {
                plans.stream().filter(p -> p.functionName().equals(r.functionName())).findFirst()
                        .ifPresent(p -> p.statusProperty().set(progress.outcome(r, undo)));
            }
            action.say(ended.apply(list));
        }).onError(Exception.class, action::fail)
                .andFinally(() -> {
                    busy.set(false);
                    after.run();
                })
                .start(services.executor());
    }

    /** How many functions were updated. */
    private static long count(List<ApplyResult> list) {
        return list.stream().filter(r -> r.outcome() == ApplyResult.Outcome.UPDATED).count();
    }
}
