package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.aws.Rollouts;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
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
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The staged rollout of the published version, in the Attach step: the user lists waves
 * (a tag {@code KEY=VALUE}, a name pattern, or names), sees which functions on an earlier
 * version of the layer fall in which wave, applies wave 1 and then continues, rolls the
 * last wave back, or stops. Every wave goes through {@link Rollouts} - the same guarded
 * apply and undo as any plan - and the journal it keeps is how a rollout left half done is
 * found and resumed when the step opens again.
 */
public final class RolloutViewModel {

    /** A step of a rollout run in the background: apply a wave or roll one back, with a listener for n updates. */
    private interface Run {
        RolloutJournal run(Rollouts rollouts, IntFunction<ApplyListener> listenerFor);
    }

    private final WizardState state;
    private final Function<AwsSession, FunctionService> functions;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final RolloutJournals journals;

    private final BooleanProperty staged = new SimpleBooleanProperty(this, "staged", false);
    private final WavePreview previewer;
    private final ObservableList<String> selectors;
    private final ObjectProperty<RolloutPlan> preview;
    private final ObjectProperty<RolloutJournal> journal = new SimpleObjectProperty<>(this, "journal");
    private final ObjectProperty<RolloutJournal> offered = new SimpleObjectProperty<>(this, "offered");
    private final ObservableList<WaveView> waves = FXCollections.observableArrayList();
    private final ObservableList<String> emptySelectors = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed", false);
    private final BooleanProperty planning = new SimpleBooleanProperty(this, "planning", false);
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>(this, "confirmation");
    private final BooleanBinding canStart;
    private final BooleanBinding canContinue;
    private final BooleanBinding canRollBack;
    private final BooleanBinding canStop;
    private final WaveProgress running;
    private final RolloutTexts texts;
    private final WaveRun run;
    private final BooleanProperty busy;

    private PublishResult loadedFor;

    /**
     * @param functions the function service of a connection
     * @param executor  where waves are planned, applied and rolled back
     * @param journals  where each rollout's place is kept
     */
    public RolloutViewModel(WizardState state, Function<AwsSession, FunctionService> functions, TaskExecutor executor,
                            ResourceBundle text, RolloutJournals journals) {
        this.state = state;
        this.functions = functions;
        this.executor = executor;
        this.text = text;
        this.journals = journals;
        this.running = new WaveProgress(text);
        this.texts = new RolloutTexts(text);
        this.run = new WaveRun(executor, journals, running);
        this.busy = run.busyProperty();
        this.previewer = new WavePreview(text, executor, this::say);
        this.selectors = previewer.selectors();
        this.preview = previewer.planProperty();
        previewer.planningProperty().addListener((o, a, b) -> planning.set(b));
        selectors.addListener((ListChangeListener<String>) c -> preview());
        preview.addListener((o, a, b) -> refresh());
        state.rolloutOpenProperty().bind(journal.isNotNull().or(preview.isNotNull()));
        // a rollout belongs to its connection; one under way stays in its journal, offered again there
        state.sessionProperty().addListener((o, was, now) -> {
            if (was != null && was != now && !busy.get()) {
                journal.set(null);
                offered.set(null);
                previewer.clear();
                loadedFor = null;
            }
        });
        journal.addListener((o, a, b) -> refresh());
        canStart = Bindings.createBooleanBinding(() -> !busy.get() && !planning.get() && journal.get() == null
                        && offered.get() == null && preview.get() != null && !preview.get().waves().isEmpty(),
                busy, planning, journal, offered, preview);
        canContinue = Bindings.createBooleanBinding(() -> !busy.get() && !planning.get() && journal.get() != null
                && journal.get().next().isPresent(), busy, planning, journal);
        canRollBack = Bindings.createBooleanBinding(() -> !busy.get() && journal.get() != null
                && journal.get().lastApplied().isPresent(), busy, journal);
        canStop = Bindings.createBooleanBinding(() -> !busy.get() && journal.get() != null, busy, journal);
    }

    /** Each time the page is shown: for a newly published version, starts afresh and looks for a rollout left. */
    public void onShow() {
        PublishResult published = state.publishedProperty().get();
        if (published == null || published == loadedFor || published.version() == null) {
            return;
        }
        loadedFor = published;
        journal.set(null);
        offered.set(null);
        previewer.clear();
        status.set("");
        preview();
        lookForLeftRollout();
    }

    private void lookForLeftRollout() {
        AwsSession session = state.sessionProperty().get();
        LayerVersionInfo v = version();
        if (session == null || v == null) {
            return;
        }
        BackgroundTask.of(p -> rollouts(session).find(v.layerArn(), v.version()))
                .onSuccess(found -> found.filter(RolloutJournal::underWay).ifPresent(j -> {
                    offered.set(j);
                    staged.set(true);
                }))
                .onError(Exception.class, e -> say(UserMessage.sentence(e), true))
                .start(executor);
    }

    // ---- waves ----

    /** Adds the wave typed in the input (a tag, a name pattern, or names), then shows the waves again. */
    public void addSelector() {
        previewer.addSelector();
    }

    public void removeSelector(String selector) {
        if (journal.get() == null) {
            selectors.remove(selector);
        }
    }

    /** Splits the upgrade to the published version into the waves listed (nothing is changed). */
    public void preview() {
        if (journal.get() == null) {
            previewer.plan(state.sessionProperty().get(), version(), this::rollouts);
        }
    }

    // ---- the rollout ----

    /**
     * Records the rollout and applies its first wave; when the wave has warnings (or its functions'
     * content could not be read), only after the user confirms them once. Blocked functions are
     * skipped: the applier never sends them.
     */
    public void applyFirstWave() {
        RolloutPlan plan = preview.get();
        if (!canStart.get()) {
            return;
        }
        Wave first = plan.waves().get(0);
        askThen(first, () -> run(RolloutJournal.idOf(plan.target()), first.number(), first.functionNames(),
                (r, listenerFor) -> r.applyWave(r.start(plan), first, listenerFor.apply(first.plan().updates().size())),
                done -> waveDone(done, first.number())));
    }

    /**
     * Applies the next wave of the rollout, planned afresh against the functions as they are now
     * (and confirmed first when that plan has warnings).
     */
    public void continueRollout() {
        RolloutJournal j = journal.get();
        AwsSession session = state.sessionProperty().get();
        if (!canContinue.get() || session == null) {
            return;
        }
        WaveRecord next = j.next().orElseThrow();
        planning.set(true);
        BackgroundTask.of(p -> rollouts(session).nextWave(j).orElseThrow())
                .onSuccess(wave -> askThen(wave, () -> run(j.id(), next.number(), next.functions(),
                        (r, listenerFor) -> r.applyWave(j, wave, listenerFor.apply(wave.plan().updates().size())),
                        done -> waveDone(done, next.number()))))
                .onError(Exception.class, e -> say(UserMessage.sentence(e), true))
                .andFinally(() -> planning.set(false))
                .start(executor);
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

    /** Puts back what the last applied wave changed (where nobody changed it since). */
    public void rollBackWave() {
        RolloutJournal j = journal.get();
        if (!canRollBack.get()) {
            return;
        }
        WaveRecord last = j.lastApplied().orElseThrow();
        run(j.id(), last.number(), last.functions(), (r, listenerFor) -> {
            AttachPlan undo = r.rollbackPlan(j).orElseThrow();
            return r.rollbackWave(j, undo, listenerFor.apply(undo.updates().size()));
        }, done -> say(texts.rolledBack(done, last.number())));
    }

    /** Leaves the rollout where it stands: the journal keeps the place, and the step offers to resume it. */
    public void stop() {
        RolloutJournal j = journal.get();
        if (!canStop.get()) {
            return;
        }
        previewer.clear();
        journal.set(null);
        selectors.clear(); // the waves' chips go with the waves: Resume brings both back from the journal
        offered.set(j.underWay() ? j : null);
        say(String.format(text.getString("rollout.stopped"), Rollouts.progress(j), journals.fileOf(j.id()),
                j.target().name(), j.toVersion()), false);
    }

    /** Takes up the rollout found in the journal. */
    public void resume() {
        RolloutJournal j = offered.get();
        if (j == null || busy.get()) {
            return;
        }
        offered.set(null);
        journal.set(j);
        selectors.setAll(j.selectors());
        staged.set(true);
        say(String.format(text.getString("rollout.resumed"), Rollouts.progress(j)) + " " + texts.next(j), false);
    }

    /** Stops the running wave: updates already sent finish, the rest are left as they were. */
    public void cancel() {
        if (run.cancel()) {
            say(text.getString("rollout.cancelling"), false);
        }
    }

    private void run(String id, int wave, List<String> functions, Run work, Consumer<RolloutJournal> done) {
        AwsSession session = state.sessionProperty().get();
        if (session == null) {
            return;
        }
        failed.set(false);
        run.start(id, wave, functions, Optional.ofNullable(journal.get()),
                listenerFor -> work.run(rollouts(session), listenerFor), this::refresh, new WaveRun.Ended() {
                    @Override
                    public void done(RolloutJournal after) {
                        journal.set(after);
                        done.accept(after);
                    }

                    @Override
                    public void failed(Optional<RolloutJournal> left, Exception error) {
                        left.ifPresent(journal::set);
                        say(UserMessage.sentence(error), true);
                    }

                    @Override
                    public void cancelled(Optional<RolloutJournal> left) {
                        left.ifPresent(journal::set);
                        say(text.getString("rollout.cancelled") + " " + left.map(texts::next).orElse(""), true);
                    }
                });
    }

    private void waveDone(RolloutJournal after, int number) {
        say(texts.waveDone(after, number));
    }

    private void refresh() {
        RolloutPlan plan = journal.get() == null ? preview.get() : null;
        waves.setAll(WaveView.shown(journal.get(), plan, running, text));
        emptySelectors.setAll(plan != null && running.wave() == 0 ? plan.emptySelectors() : List.of());
    }

    private Rollouts rollouts(AwsSession session) {
        return new Rollouts(functions.apply(session), journals);
    }

    private LayerVersionInfo version() {
        PublishResult p = state.publishedProperty().get();
        return p == null ? null : p.version();
    }

    private void say(String message, boolean error) {
        status.set(message);
        failed.set(error);
    }

    private void say(RolloutTexts.Said said) {
        say(said.message(), said.error());
    }


    // ---- properties ----

    /** Whether the Attach step shows the staged rollout instead of the attach plan. */
    public BooleanProperty stagedProperty() {
        return staged;
    }

    /** The waves as written, in order. */
    public ObservableList<String> selectors() {
        return selectors;
    }

    public StringProperty selectorInputProperty() {
        return previewer.selectorInputProperty();
    }

    /** The waves to show: planned, or as the journal of the rollout under way records them. */
    public ObservableList<WaveView> waves() {
        return waves;
    }

    /** Waves asked for that choose no function to change. */
    public ObservableList<String> emptySelectors() {
        return emptySelectors;
    }

    /** The rollout under way on this page, if one started or was resumed. */
    public ObjectProperty<RolloutJournal> journalProperty() {
        return journal;
    }

    /** A rollout of this version left half done (found in the journal), offered for resuming. */
    public ObjectProperty<RolloutJournal> offeredProperty() {
        return offered;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Whether the status reports a failure (or functions not updated as planned). */
    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty planningProperty() {
        return planning;
    }

    /** A wave is being applied or rolled back. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty cancellingProperty() {
        return run.cancellingProperty();
    }

    /** Functions finished of the running wave, 0 to 1 (-1: not known yet). */
    public DoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canContinueProperty() {
        return canContinue;
    }

    public BooleanBinding canRollBackProperty() {
        return canRollBack;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** A question for the user before a wave is applied (warnings to confirm); the page shows it. */
    public ObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }
}
