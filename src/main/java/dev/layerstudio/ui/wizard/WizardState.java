package dev.layerstudio.ui.wizard;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.Identity;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the steps share, passed to each step's view model through its constructor.
 * Steps read and write these properties; they never reach into each other.
 */
public final class WizardState {

    private final ObjectProperty<AwsSession> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<Identity> identity = new SimpleObjectProperty<>(this, "identity");

    public WizardState() {
        session.addListener((obs, old, now) -> {
            if (old != null && old != now) {
                old.close();
            }
        });
    }

    /** The open connection; replacing it closes the previous one. */
    public ObjectProperty<AwsSession> sessionProperty() {
        return session;
    }

    public ObjectProperty<Identity> identityProperty() {
        return identity;
    }

    /** Closes what the state holds open (at exit). */
    public void close() {
        session.set(null);
    }
}
