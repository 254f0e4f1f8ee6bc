package dev.layerstudio.ui.shell;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.JournalRecovery;
import dev.layerstudio.model.ApplyJournal;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanFlag;
import dev.layerstudio.model.Identity;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Offers to settle a change to functions that did not finish (the app or the machine
 * died part-way through an apply; see {@link ApplyJournals}). Once the window is
 * connected to the account the change was made in, the banner says what it was and how
 * far it got, and offers Finish (the functions not done get their new layers), Undo (the
 * ones done get their old layers back) or Later. Each function is read again first; one
 * that someone else changed meanwhile is left alone and said so.
 */
public final class RecoveryBanner {

    private final WizardState state;
    private final ApplyJournals journals;
    private final Function<AwsSession, FunctionService> functions;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final ObjectProperty<ApplyJournal> journal = new SimpleObjectProperty<>(this, "journal");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty dismissed = new SimpleBooleanProperty(false);
    private final BooleanBinding shown;
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>(this, "confirmation");

    public RecoveryBanner(WizardState state, ApplyJournals journals, Function<AwsSession, FunctionService> functions,
                          TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.journals = journals;
        this.functions = functions;
        this.executor = executor;
        this.text = text;
        title.set(text.getString("recovery.title"));
        shown = Bindings.createBooleanBinding(() -> !dismissed.get()
                && (journal.get() != null || !status.get().isEmpty()), journal, status, dismissed);
        state.identityProperty().addListener((o, old, now) -> look(now));
        look(state.identityProperty().get());
    }

    /** Looks, off the JavaFX thread, for an unfinished change made in {@code identity}'s account. */
    private void look(Identity identity) {
        journal.set(null);
        status.set("");
        dismissed.set(false);
        if (identity == null) {
            return;
        }
        BackgroundTask.of(p -> journals.unfinished().stream().filter(j -> inAccount(j, identity.accountId()))
                        .findFirst().orElse(null))
                .onSuccess(found -> {
                    if (identity.equals(state.identityProperty().get())) {
                        show(found);
                    }
                })
                .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .start(executor);
    }

    private void show(ApplyJournal found) {
        title.set(text.getString("recovery.title"));
        journal.set(found);
        detail.set(found == null ? "" : String.format(text.getString("recovery.detail"), found.description(),
                found.region(), DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withZone(ZoneId.systemDefault()).format(found.started()),
                found.doneCount(), found.entries().size()));
    }

    /** Whether the journal's functions are in {@code account} (an entry without an ARN cannot say; it counts). */
    static boolean inAccount(ApplyJournal journal, String account) {
        return journal.entries().stream().allMatch(e -> e.arn() == null
                || e.arn().split(":").length > 4 && e.arn().split(":")[4].equals(account));
    }

    /** Gives the functions not done their new layers. */
    public void finish() {
        settle(true);
    }

    /** Gives the functions done their old layers back. */
    public void undo() {
        settle(false);
    }

    /** Hides the banner until the next connection; the journal stays for later. */
    public void later() {
        dismissed.set(true);
    }

    /**
     * Plans the settling first (finishing is judged by the compatibility verdict, like any attach);
     * when that plan has warnings or functions it must leave alone, the user sees them and confirms
     * once; then the plan is applied.
     */
    private void settle(boolean forward) {
        ApplyJournal j = journal.get();
        AwsSession session = state.sessionProperty().get();
        if (j == null || session == null || busy.get()) {
            return;
        }
        busy.set(true);
        status.set(text.getString(forward ? "recovery.finishing" : "recovery.undoing"));
        JournalRecovery recovery = new JournalRecovery(journals, region -> functions.apply(session.inRegion(region)));
        BackgroundTask.of(p -> forward ? recovery.finishPlan(j) : recovery.undoPlan(j))
                .onSuccess(plans -> {
                    List<String> lines = pointsOf(plans, false);
                    List<String> notes = pointsOf(plans, true);
                    if (lines.isEmpty() && notes.isEmpty()) {
                        apply(recovery, j, plans, forward);
                        return;
                    }
                    busy.set(false);
                    status.set("");
                    confirmation.set(new Confirmation(text.getString("recovery.confirm.title"),
                            text.getString(forward ? "recovery.confirm.finish" : "recovery.confirm.undo"), lines, notes,
                            text.getString(forward ? "recovery.confirm.yesFinish" : "recovery.confirm.yesUndo"),
                            () -> {
                                busy.set(true);
                                status.set(text.getString(forward ? "recovery.finishing" : "recovery.undoing"));
                                apply(recovery, j, plans, forward);
                            }));
                })
                .onError(Exception.class, e -> {
                    busy.set(false);
                    status.set(UserMessage.sentence(e));
                })
                .start(executor);
    }

    /** What to confirm ("fn: warning"), or ({@code leftAlone}) what is left alone ("Left unchanged: fn: why"). */
    private List<String> pointsOf(Map<String, AttachPlan> plans, boolean leftAlone) {
        List<String> out = new java.util.ArrayList<>();
        for (AttachPlan plan : plans.values()) {
            for (FunctionPlan f : plan.functions()) {
                if (!leftAlone) {
                    f.toConfirm().forEach(flag -> out.add(f.functionName() + ": " + flag.message()));
                } else if (f.changed() && f.blocked()) {
                    out.add(text.getString("attach.confirm.leftAlone") + " " + f.functionName() + ": "
                            + f.flags().stream().filter(PlanFlag::blocking).map(PlanFlag::message)
                            .collect(java.util.stream.Collectors.joining(" ")));
                }
            }
        }
        return out;
    }

    private void apply(JournalRecovery recovery, ApplyJournal j, Map<String, AttachPlan> plans, boolean forward) {
        BackgroundTask.of(p -> recovery.settle(j, plans, ApplyListener.NONE))
                .onSuccess(results -> {
                    journal.set(null);
                    status.set(outcome(forward, results));
                }).onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> busy.set(false))
                .start(executor);
    }

    /** A question for the user before settling (warnings to confirm, functions left alone); the window shows it. */
    public ObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }

    private String outcome(boolean forward, List<ApplyResult> results) {
        long changed = results.stream().filter(r -> r.outcome() == ApplyResult.Outcome.UPDATED).count();
        long untouched = results.stream().filter(r -> !r.ok()).count();
        String done = String.format(text.getString(forward ? "recovery.finished" : "recovery.undone"), changed);
        return untouched == 0 ? done
                : done + " " + String.format(text.getString("recovery.leftAlone"), untouched,
                results.stream().filter(r -> !r.ok()).map(ApplyResult::functionName).toList());
    }

    /**
     * Shows what was done about something else a dead run left (such as a test in Lambda's
     * probe function, see {@link ProbeLeftoverSweep}) when no unfinished change is shown.
     */
    public void note(String noteTitle, String sentence) {
        if (journal.get() == null && !busy.get()) {
            title.set(noteTitle);
            status.set(sentence);
        }
    }

    /** The banner's heading. */
    public StringProperty titleProperty() {
        return title;
    }

    public BooleanBinding shownProperty() {
        return shown;
    }

    /** Whether a change is waiting for Finish or Undo (the buttons' state). */
    public ObjectProperty<ApplyJournal> journalProperty() {
        return journal;
    }

    /** What the unfinished change was and how far it got. */
    public StringProperty detailProperty() {
        return detail;
    }

    /** What Finish or Undo did, or why it failed. */
    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
