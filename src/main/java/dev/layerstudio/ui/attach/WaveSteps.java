package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Rollouts;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.model.Wave;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The steps of a staged rollout, each one {@link WaveRun}: the first wave (the rollout recorded
 * first), the next wave (planned afresh against the functions as they are now), and rolling the
 * last applied wave back. A wave with warnings is applied only once the user confirms them. The
 * journal each step leaves becomes the rollout's, and how it ended is said on its status line.
 */
final class WaveSteps {

    /** A step run in the background: apply a wave or roll one back, with a listener for n updates. */
    private interface Run {
        RolloutJournal run(Rollouts rollouts, IntFunction<ApplyListener> listenerFor);
    }

    private final WizardState state;
    private final Function<AwsSession, Rollouts> rollouts;
    private final TaskExecutor executor;
    private final WaveRun run;
    private final ResourceBundle text;
    private final RolloutTexts texts;
    private final ObjectProperty<RolloutJournal> journal;
    private final BooleanProperty planning;
    private final BooleanProperty failed;
    private final WavePreview.Say say;
    private final Runnable changed;
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>(this, "confirmation");

    /**
     * @param journal  the rollout under way, set to what each step leaves
     * @param planning true while the next wave is planned
     * @param failed   whether the status line reports a failure (a step starts with none)
     * @param say      writes the status line: the sentence and whether it reports a failure
     * @param changed  called when the functions' lines change
     */
    WaveSteps(WizardState state, Function<AwsSession, Rollouts> rollouts, TaskExecutor executor, WaveRun run, ResourceBundle text,
              ObjectProperty<RolloutJournal> journal, BooleanProperty planning, BooleanProperty failed,
              WavePreview.Say say, Runnable changed) {
        this.state = state;
        this.rollouts = rollouts;
        this.executor = executor;
        this.run = run;
        this.text = text;
        this.texts = new RolloutTexts(text);
        this.journal = journal;
        this.planning = planning;
        this.failed = failed;
        this.say = say;
        this.changed = changed;
    }

    /** Records the rollout of {@code plan} and applies its first wave (confirmed first when it has warnings). */
    void applyFirst(RolloutPlan plan) {
        Wave first = plan.waves().get(0);
        askThen(first, () -> run(RolloutJournal.idOf(plan.target()), first.number(), first.functionNames(),
                (r, listenerFor) -> r.applyWave(r.start(plan), first, listenerFor.apply(first.plan().updates().size())),
                done -> waveDone(done, first.number())));
    }

    /** Plans the next wave of {@code j} against the functions as they are now, then applies it. */
    void applyNext(RolloutJournal j) {
        AwsSession session = state.sessionProperty().get();
        WaveRecord next = j.next().orElseThrow();
        planning.set(true);
        BackgroundTask.of(p -> rollouts.apply(session).nextWave(j).orElseThrow())
                .onSuccess(wave -> askThen(wave, () -> run(j.id(), next.number(), next.functions(),
                        (r, listenerFor) -> r.applyWave(j, wave, listenerFor.apply(wave.plan().updates().size())),
                        done -> waveDone(done, next.number()))))
                .onError(Exception.class, e -> say.say(UserMessage.sentence(e), true))
                .andFinally(() -> planning.set(false))
                .start(executor);
    }

    /** Puts back what the last applied wave of {@code j} changed (where nobody changed it since). */
    void rollBack(RolloutJournal j) {
        WaveRecord last = j.lastApplied().orElseThrow();
        run(j.id(), last.number(), last.functions(), (r, listenerFor) -> {
            AttachPlan undo = r.rollbackPlan(j).orElseThrow();
            return r.rollbackWave(j, undo, listenerFor.apply(undo.updates().size()));
        }, done -> say(texts.rolledBack(done, last.number())));
    }

    /** Runs {@code apply} at once when the wave needs no confirmation, else once the user confirms. */
    private void askThen(Wave wave, Runnable apply) {
        Confirmation question = texts.confirmation(wave, apply);
        if (question == null) {
            apply.run();
        } else {
            confirmation.set(question);
        }
    }

    private void run(String id, int wave, List<String> functions, Run work, Consumer<RolloutJournal> done) {
        AwsSession session = state.sessionProperty().get();
        if (session == null) {
            return;
        }
        failed.set(false);
        run.start(id, wave, functions, Optional.ofNullable(journal.get()),
                listenerFor -> work.run(rollouts.apply(session), listenerFor), changed, new WaveRun.Ended() {
                    @Override
                    public void done(RolloutJournal after) {
                        journal.set(after);
                        done.accept(after);
                    }

                    @Override
                    public void failed(Optional<RolloutJournal> left, Exception error) {
                        left.ifPresent(journal::set);
                        say.say(UserMessage.sentence(error), true);
                    }

                    @Override
                    public void cancelled(Optional<RolloutJournal> left) {
                        left.ifPresent(journal::set);
                        say.say(text.getString("rollout.cancelled") + " " + left.map(texts::next).orElse(""), true);
                    }
                });
    }

    private void waveDone(RolloutJournal after, int number) {
        say(texts.waveDone(after, number));
    }

    private void say(RolloutTexts.Said said) {
        say.say(said.message(), said.error());
    }

    /** A question for the user before a wave is applied (warnings to confirm); the page shows it. */
    ObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }
}
