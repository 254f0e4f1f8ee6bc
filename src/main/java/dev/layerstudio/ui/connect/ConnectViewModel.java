package dev.layerstudio.ui.connect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.Regions;
import dev.layerstudio.model.Identity;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.net.URI;
import java.net.URISyntaxException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Connect: a profile, a region and an optional endpoint, checked with GetCallerIdentity. */
public final class ConnectViewModel {

    private final WizardState state;
    private final Connector connector;
    private final AppExecutor executor;

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("us-east-1");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Identity> identity = new SimpleObjectProperty<>();
    private final BooleanBinding valid;

    public ConnectViewModel(WizardState state, Connector connector, AppExecutor executor) {
        this.state = state;
        this.connector = connector;
        this.executor = executor;
        this.valid = Bindings.isNotNull(identity);
        profile.addListener((o, a, b) -> disconnect());
        region.addListener((o, a, b) -> disconnect());
        endpoint.addListener((o, a, b) -> disconnect());
    }

    /** Reads the profile names and regions; cheap, but reads files, so it runs in the background. */
    public void load() {
        BackgroundTask.of(p -> new Choices(connector.profileNames(), Regions.lambdaRegions()))
                .onSuccess(c -> {
                    profiles.setAll(c.profiles());
                    regions.setAll(c.regions());
                    if (profile.get().isEmpty() && !c.profiles().isEmpty()) {
                        profile.set(c.profiles().get(0));
                    }
                })
                .onError(RuntimeException.class, e -> status.set("Could not read the AWS config files: "
                        + e.getMessage()))
                .start(executor);
    }

    private record Choices(java.util.List<String> profiles, java.util.List<String> regions) {
    }

    public void connect() {
        URI uri;
        try {
            uri = parseEndpoint(endpoint.get());
        } catch (LayerStudioException e) {
            status.set(e.getMessage());
            return;
        }
        String p = profile.get();
        String r = region.get();
        busy.set(true);
        status.set("Connecting…");
        BackgroundTask.of(progress -> {
            AwsSession session = connector.connect(p, r, uri);
            try {
                return new Connected(session, session.whoAmI());
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }).onSuccess(c -> {
            state.sessionProperty().set(c.session());
            state.identityProperty().set(c.identity());
            identity.set(c.identity());
            status.set("Connected as " + c.identity().arn());
        }).onError(LayerStudioException.class, e -> status.set(e.getMessage()
                + (e.hint() == null ? "" : " " + e.hint())))
                .onError(RuntimeException.class, e -> status.set("Could not connect: " + e.getMessage()))
                .andFinally(() -> busy.set(false))
                .start(executor);
    }

    private record Connected(AwsSession session, Identity identity) {
    }

    static URI parseEndpoint(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new LayerStudioException("The endpoint URL must look like http://127.0.0.1:4566.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new LayerStudioException("The endpoint URL must look like http://127.0.0.1:4566.", e);
        }
    }

    private void disconnect() {
        if (identity.get() != null) {
            identity.set(null);
            state.identityProperty().set(null);
            state.sessionProperty().set(null);
            status.set("");
        }
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public ObservableList<String> regions() {
        return regions;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Identity> identityProperty() {
        return identity;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
