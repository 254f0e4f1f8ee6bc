package dev.layerstudio.ui.shell;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.sandbox.SandboxHost;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The banner that says the window works against the local sandbox, not an AWS account,
 * and resets the sandbox to its sample content on request. Shown whenever the open
 * session talks to the running sandbox, however it was connected.
 */
public final class SandboxBanner {

    private final WizardState state;
    private final SandboxHost sandbox;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public SandboxBanner(WizardState state, SandboxHost sandbox, TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.sandbox = sandbox;
        this.executor = executor;
        this.text = text;
        state.sessionProperty().addListener((o, old, now) -> update(now));
        update(state.sessionProperty().get());
    }

    private void update(AwsSession session) {
        boolean isSandbox = sandbox.serves(session);
        shown.set(isSandbox);
        detail.set(isSandbox ? String.format(text.getString("sandbox.banner.detail"),
                session.endpoint().orElseThrow(), session.region()) : "");
        if (!isSandbox) {
            status.set("");
        }
    }

    /**
     * Empties the sandbox and seeds it again, then opens a fresh session in the same
     * region, so every step reads the restored content.
     */
    public void reset() {
        AwsSession current = state.sessionProperty().get();
        if (!sandbox.serves(current) || busy.get()) {
            return;
        }
        String region = current.region();
        busy.set(true);
        status.set(text.getString("sandbox.resetting"));
        BackgroundTask.of(p -> {
            sandbox.reset(p);
            return sandbox.current().orElseThrow().session(region);
        }).onSuccess(fresh -> {
            state.sessionProperty().set(fresh);
            status.set(text.getString("sandbox.reset.done"));
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> busy.set(false))
                .start(executor);
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Where the sandbox answers and the region in use. */
    public StringProperty detailProperty() {
        return detail;
    }

    /** What the last reset did, or why it failed. */
    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
