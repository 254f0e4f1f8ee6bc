package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.aws.Rollouts;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
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
    private final BooleanBinding canStart;
    private final BooleanBinding canContinue;
    private final BooleanBinding canRollBack;
    private final BooleanBinding canStop;
    private final WaveProgress running;
    private final RolloutTexts texts;
    private final WaveRun run;
    private final WaveSteps steps;
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
        this.steps = new WaveSteps(state, this::rollouts, executor, run, text, journal, planning, failed, this::say,
                this::refresh);
        this.previewer = new WavePreview(text, executor, this::say);
        this.selectors = previewer.selectors();
        this.preview = previewer.planProperty();
        ProjectWaves.follow(state, previewer, journal);
        // a project that plans its rollout in waves opens the Attach step on that rollout
        Runnable stageWhenPlanned = () -> {
            if (state.wavesProperty().get() != null && !state.wavesProperty().get().isEmpty()) {
                staged.set(true);
            }
        };
        stageWhenPlanned.run();
        state.wavesProperty().addListener((o, was, now) -> stageWhenPlanned.run());
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
            previewer.removeSelector(selector);
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
        steps.applyFirst(plan);
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
        steps.applyNext(j);
    }

    /** Puts back what the last applied wave changed (where nobody changed it since). */
    public void rollBackWave() {
        RolloutJournal j = journal.get();
        if (!canRollBack.get()) {
            return;
        }
        steps.rollBack(j);
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
        return steps.confirmationProperty();
    }
}
