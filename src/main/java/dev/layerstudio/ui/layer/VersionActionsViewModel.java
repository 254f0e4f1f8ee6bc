package dev.layerstudio.ui.layer;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.model.DeletePlan;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the Layer page can do with one published version besides choosing its layer: delete it
 * (guarded as the {@code delete} command guards it: the engine's {@link DeletePlan} shows who
 * still uses it, and only a confirmed plan is deleted), look at it in Inspect, and say that its
 * ARN was copied. Works in the version's own region, so rows of other regions work too.
 */
public final class VersionActionsViewModel {

    private final WizardState state;
    private final Function<AwsSession, LayerService> layers;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final Runnable afterDelete;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>(this, "confirmation");
    private BackgroundTask<?> running;

    /**
     * @param afterDelete what to read again once a version is gone (the page's lists)
     */
    public VersionActionsViewModel(WizardState state, Function<AwsSession, LayerService> layers,
                                   TaskExecutor executor, ResourceBundle text, Runnable afterDelete) {
        this.state = state;
        this.layers = layers;
        this.executor = executor;
        this.text = text;
        this.afterDelete = afterDelete;
        state.sessionProperty().addListener((o, was, now) -> {
            if (running != null) {
                running.cancel();
            }
            confirmation.set(null);
            say("", false);
        });
    }

    // ---- delete ----

    /**
     * Reads who uses the version (the engine's delete plan, in the version's region), then asks:
     * the question names the version and every function that still uses it. Nothing is deleted
     * unless the user confirms.
     */
    public void delete(LayerVersionInfo version) {
        AwsSession session = state.sessionProperty().get();
        if (version == null || session == null || busy.get()) {
            return;
        }
        String label = label(version);
        say(String.format(text.getString("layer.delete.checking"), label), false);
        busy.set(true);
        start(BackgroundTask.of(p -> RegionSessions.in(session, version.region(),
                s -> layers.apply(s).prepareDelete(version.name(), version.version())))
                .onSuccess(plan -> {
                    if (session != state.sessionProperty().get()) {
                        return;
                    }
                    say(plan.inUse() ? String.format(text.getString("layer.delete.stillUsed"), label,
                            users(plan), names(plan.usedBy())) : "", false);
                    confirmation.set(question(plan, label, session));
                }));
    }

    private Confirmation question(DeletePlan plan, String label, AwsSession session) {
        List<String> lines = new ArrayList<>();
        for (LayerUse u : plan.usedBy()) {
            lines.add(String.format(text.getString("layer.delete.user"), u.functionName(), u.position(),
                    u.layerCount()));
        }
        if (!plan.complete()) {
            lines.add(text.getString("layer.delete.incomplete"));
        }
        List<String> notes = new ArrayList<>();
        if (!plan.inUse()) {
            notes.add(String.format(text.getString("layer.delete.unused"), plan.version().region()));
        }
        notes.add(text.getString("layer.delete.consequence"));
        String header = String.format(text.getString(plan.inUse() ? "layer.delete.headerUsed" : "layer.delete.header"),
                label, plan.version().region(), users(plan));
        String yes = plan.inUse() ? String.format(text.getString("layer.delete.yesUsed"), users(plan))
                : String.format(text.getString("layer.delete.yes"), plan.version().version());
        return new Confirmation(text.getString("layer.delete.title"), header, lines, notes, yes,
                () -> confirmed(plan, label, session));
    }

    private void confirmed(DeletePlan plan, String label, AwsSession session) {
        if (session != state.sessionProperty().get() || busy.get()) {
            return;
        }
        busy.set(true);
        say(String.format(text.getString("layer.delete.deleting"), label), false);
        start(BackgroundTask.of(p -> RegionSessions.in(session, plan.version().region(), s -> {
            layers.apply(s).delete(plan, true);
            return plan;
        })).onSuccess(done -> {
            if (session != state.sessionProperty().get()) {
                return;
            }
            say(String.format(text.getString(done.inUse() ? "layer.delete.doneUsed" : "layer.delete.done"), label,
                    users(done)), false);
            afterDelete.run();
        }));
    }

    private String users(DeletePlan plan) {
        int n = plan.usedBy().size();
        return String.format(text.getString(n == 1 ? "layer.delete.functions.one" : "layer.delete.functions.many"),
                n);
    }

    private static String names(List<LayerUse> uses) {
        return String.join(", ", uses.stream().map(LayerUse::functionName).distinct().toList());
    }

    // ---- inspect, copy ----

    /** Asks the window to open the version in Inspect. */
    public void inspect(LayerVersionInfo version) {
        if (version != null) {
            say("", false);
            state.inspectRequestProperty().set(version.arn());
        }
    }

    /** What Copy ARN puts on the clipboard for a row: the version's ARN, or the layer's for a layer without one. */
    public static String arnOf(LayerRow row) {
        if (row == null) {
            return null;
        }
        if (row instanceof LayerRow.Version v) {
            return v.version().arn();
        }
        return row.version() != null ? row.version().arn() : row.layer().layerArn();
    }

    /** The page put {@code arn} on the clipboard: says so. */
    public void copied(String arn) {
        say(String.format(text.getString("layer.copied"), arn), false);
    }

    /** "alpha-utils version 2": how a version is named in every sentence here. */
    String label(LayerVersionInfo version) {
        return String.format(text.getString("layer.versionLabel"), version.name(), version.version());
    }

    // ---- plumbing ----

    private <T> void start(BackgroundTask<T> task) {
        running = task;
        task.onError(Exception.class, e -> {
            if (running == task) {
                say(UserMessage.sentence(e), true);
            }
        }).andFinally(() -> {
            if (running == task) {
                running = null;
                busy.set(false);
            }
        }).start(executor);
    }

    private void say(String sentence, boolean error) {
        status.set(sentence);
        failed.set(error);
    }

    /** The last action's result or failure, in plain sentences (empty when there is nothing to say). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether {@link #statusProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A question for the page to show; the page sets it back to null once shown. */
    public ObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }
}
