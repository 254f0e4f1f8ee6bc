package dev.layerstudio.ui.layer;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.model.DeletePlan;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.StatusLine;
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

    private final StatusLine status = new StatusLine();
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
            status.clear();
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
        StatusLine.Action checking = status.begin(String.format(text.getString("layer.delete.checking"), label));
        busy.set(true);
        start(BackgroundTask.of(p -> RegionSessions.in(session, version.region(),
                s -> layers.apply(s).prepareDelete(version.name(), version.version())))
                .onSuccess(plan -> {
                    if (session != state.sessionProperty().get()) {
                        return;
                    }
                    checking.say(plan.inUse() ? String.format(text.getString("layer.delete.stillUsed"), label,
                            users(plan), names(plan.usedBy())) : "");
                    confirmation.set(question(plan, label, session));
                }), checking);
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
        StatusLine.Action deleting = status.begin(String.format(text.getString("layer.delete.deleting"), label));
        start(BackgroundTask.of(p -> RegionSessions.in(session, plan.version().region(), s -> {
            layers.apply(s).delete(plan, true);
            return plan;
        })).onSuccess(done -> {
            if (session != state.sessionProperty().get()) {
                return;
            }
            deleting.say(String.format(text.getString(done.inUse() ? "layer.delete.doneUsed" : "layer.delete.done"),
                    label, users(done)));
            afterDelete.run();
        }), deleting);
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
            status.clear();
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
        status.show(String.format(text.getString("layer.copied"), arn));
    }

    /** "alpha-utils version 2": how a version is named in every sentence here. */
    String label(LayerVersionInfo version) {
        return String.format(text.getString("layer.versionLabel"), version.name(), version.version());
    }

    // ---- plumbing ----

    /** Runs {@code task} as {@code action}: its failure is said on the line while no newer action took it. */
    private <T> void start(BackgroundTask<T> task, StatusLine.Action action) {
        running = task;
        task.onError(Exception.class, action::fail).andFinally(() -> {
            if (running == task) {
                running = null;
                busy.set(false);
            }
        }).start(executor);
    }

    /** The last action's result or failure, in plain sentences (empty when there is nothing to say). */
    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    /** Whether {@link #statusProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return status.failedProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A question for the page to show; the page sets it back to null once shown. */
    public ObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }
}
