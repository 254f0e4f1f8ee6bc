package dev.layerstudio.ui.connect;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SsoDeviceLogin;
import dev.layerstudio.model.DeviceAuthorization;
import dev.layerstudio.model.SsoSessionInfo;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The Connect step's device-code sign-in to IAM Identity Center: registers, shows the code
 * (through {@link #deviceCodeProperty()}), then waits in the background for the user to approve
 * it in the browser. The page is busy until it ends; waiting can be cancelled.
 */
final class DeviceSignIn {

    private final Connector connector;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final StringProperty status;
    private final BooleanProperty busy;
    private final Runnable signedIn;
    private final ObjectProperty<DeviceAuthorization> deviceCode = new SimpleObjectProperty<>();
    private BackgroundTask<?> waiting;

    /**
     * @param status   the page's status line: what the sign-in does, how it ended
     * @param signedIn runs once the user approved the code
     */
    DeviceSignIn(Connector connector, TaskExecutor executor, ResourceBundle text, StringProperty status,
                 BooleanProperty busy, Runnable signedIn) {
        this.connector = connector;
        this.executor = executor;
        this.text = text;
        this.status = status;
        this.busy = busy;
        this.signedIn = signedIn;
    }

    void start(SsoSessionInfo session) {
        busy.set(true);
        status.set(text.getString("connect.signingIn"));
        BackgroundTask<SsoDeviceLogin.Pending> start = BackgroundTask.of(p -> connector.deviceLogin().start(session));
        start.onSuccess(pending -> {
            deviceCode.set(pending.authorization());
            waiting = BackgroundTask.of(p -> connector.deviceLogin().await(pending))
                    .onSuccess(until -> {
                        status.set(String.format(text.getString("connect.signedIn"), session.name()));
                        signedIn.run();
                    })
                    .onCancelled(() -> status.set(text.getString("connect.signInCancelled")))
                    .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                    .andFinally(() -> {
                        deviceCode.set(null);
                        busy.set(false);
                        waiting = null;
                    })
                    .start(executor);
        }).onError(Exception.class, e -> {
            status.set(UserMessage.sentence(e));
            busy.set(false);
        }).start(executor);
    }

    void cancel() {
        if (waiting != null) {
            waiting.cancel();
        }
    }

    /** The code to approve while the sign-in waits for it, else null. */
    ObjectProperty<DeviceAuthorization> deviceCodeProperty() {
        return deviceCode;
    }
}
