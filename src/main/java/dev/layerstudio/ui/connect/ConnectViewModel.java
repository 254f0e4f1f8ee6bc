package dev.layerstudio.ui.connect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.DeviceAuthorization;
import dev.layerstudio.model.Identity;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoSessionInfo;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.SandboxHost;
import dev.layerstudio.sandbox.SandboxSeed;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Connect: choose a profile or an SSO account and role, a region and an optional
 * endpoint; sign in to IAM Identity Center with a device code; check the connection
 * with GetCallerIdentity. Or choose the local sandbox, which is started (and seeded)
 * in the background the first time. Valid once connected.
 */
public final class ConnectViewModel {

    private final WizardState state;
    private final Connector connector;
    private final SandboxHost sandbox;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final ConnectTree tree = new ConnectTree();

    private final ObjectProperty<ConnectTree.Row> root = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectTarget> selected = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Identity> identity = new SimpleObjectProperty<>();
    private final BooleanBinding valid = Bindings.isNotNull(identity);
    private final BooleanBinding canConnect;
    private final BooleanBinding sandboxSelected = Bindings.createBooleanBinding(
            () -> selected.get() instanceof ConnectTarget.Sandbox, selected);
    private final StringBinding endpointError;
    private final DeviceSignIn signIn;

    public ConnectViewModel(WizardState state, Connector connector, SandboxHost sandbox, TaskExecutor executor,
                            ResourceBundle text) {
        this.state = state;
        this.connector = connector;
        this.sandbox = sandbox;
        this.executor = executor;
        this.text = text;
        this.signIn = new DeviceSignIn(connector, executor, text, status, busy, this::load);
        canConnect = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && (sandboxSelected.get() || selected.get().spec("us-east-1", null) != null)
                && region.get() != null && !region.get().isBlank(),
                busy, selected, region, sandboxSelected);
        tree.setSandbox(text.getString("connect.sandbox.group"), new ConnectTarget.Sandbox(
                text.getString("connect.sandbox"), text.getString("connect.sandbox.detail")));
        rebuild();
        endpointError = Bindings.createStringBinding(() -> {
            try {
                parseEndpoint(endpoint.get());
                return "";
            } catch (LayerStudioException e) {
                return e.getMessage();
            }
        }, endpoint);
        selected.addListener((o, a, b) -> onSelected(b));
        search.addListener((o, a, b) -> rebuild());
        region.addListener((o, a, b) -> disconnect());
        endpoint.addListener((o, a, b) -> disconnect());
    }

    /** Reads the profiles and sign-ins (files, so in the background), then the accounts of each sign-in. */
    public void load() {
        busy.set(true);
        BackgroundTask.of(p -> {
            List<ProfileInfo> profiles = connector.profiles();
            List<ConnectTarget.SsoSession> sessions = connector.ssoSessions().stream()
                    .map(s -> new ConnectTarget.SsoSession(s, connector.sso().signedInUntil(s).orElse(null)))
                    .toList();
            return new Loaded(profiles, sessions, connector.catalog().fileProblems());
        }).onSuccess(l -> {
            tree.setProfiles(l.profiles());
            tree.setSessions(l.sessions());
            rebuild();
            if (selected.get() == null) {
                // the first usable profile; with none, the sandbox, so a newcomer can start at once
                selected.set(l.profiles().stream().filter(p -> p.problem() == null).findFirst()
                        .<ConnectTarget>map(ConnectTarget.Profile::new).orElse(tree.sandbox()));
            }
            status.set(l.problems().isEmpty() ? "" : String.join(" ", l.problems()));
            l.sessions().stream().filter(ConnectTarget.SsoSession::signedIn).forEach(s -> loadAccounts(s.info()));
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> busy.set(false))
                .start(executor);
    }

    private record Loaded(List<ProfileInfo> profiles, List<ConnectTarget.SsoSession> sessions,
                          List<String> problems) {
    }

    /** The accounts one sign-in can reach (all pages). */
    public void loadAccounts(SsoSessionInfo session) {
        BackgroundTask.of(p -> connector.sso().accounts(session))
                .onSuccess(list -> {
                    tree.setAccounts(session.name(), list);
                    rebuild();
                })
                .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .start(executor);
    }

    /** The roles of one account, loaded the first time its row is opened. */
    public void loadRoles(SsoSessionInfo session, SsoAccount account) {
        if (tree.hasRoles(session.name(), account.accountId())) {
            return;
        }
        BackgroundTask.of(p -> connector.sso().roles(session, account.accountId()))
                .onSuccess(list -> {
                    tree.setRoles(session.name(), account.accountId(), list);
                    rebuild();
                })
                .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .start(executor);
    }

    /**
     * Device-code sign-in: registers, shows the code (through {@link #deviceCodeProperty()}),
     * then waits for the user to approve it in the browser.
     */
    public void signIn(SsoSessionInfo session) {
        signIn.start(session);
    }

    public void cancelSignIn() {
        signIn.cancel();
    }

    /** Whether connecting now would drop a plan or a rollout open on the Attach step (the page asks first). */
    public boolean changesOpen() {
        return state.sessionProperty().get() != null && state.changesOpen();
    }

    public void connect() {
        if (sandboxSelected.get()) {
            connectSandbox();
            return;
        }
        ConnectionSpec spec;
        try {
            spec = spec();
        } catch (LayerStudioException e) {
            status.set(e.getMessage());
            return;
        }
        if (spec == null) {
            return;
        }
        busy.set(true);
        status.set(text.getString("connect.connecting"));
        BackgroundTask.of(p -> {
            AwsSession session = connector.connect(spec);
            try {
                Identity me = session.whoAmI();
                connector.rememberRegion(spec, spec.region());
                return new Connected(session, me);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }).unlessChanged(this::asked, c -> dropped(c.session()))
                .onSuccess(c -> {
            state.sessionProperty().set(c.session());
            state.identityProperty().set(c.identity());
            identity.set(c.identity());
            status.set(String.format(text.getString("connect.connectedAs"), c.identity().arn()));
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> busy.set(false))
                .start(executor);
    }

    private record Connected(AwsSession session, Identity identity) {
    }

    /** A connection made for a choice the user has changed since: closed, never installed. */
    private void dropped(AwsSession session) {
        status.set("");
        executor.execute(session::close);
    }

    /** What a connection is made for: the chosen row, region and endpoint as typed. */
    private List<Object> asked() {
        return java.util.Arrays.asList(selected.get(), region.get(), endpoint.get());
    }

    /** Starts the sandbox when it does not run yet (its progress in the status line), then connects to it. */
    private void connectSandbox() {
        String r = region.get().trim();
        busy.set(true);
        status.set(text.getString("connect.sandbox.starting"));
        BackgroundTask<SandboxConnection> task = BackgroundTask.of(p -> {
            Sandbox s = sandbox.start(p);
            AwsSession session = s.session(r);
            try {
                return new SandboxConnection(new Connected(session, session.whoAmI()), s.endpoint());
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        });
        task.messageProperty().addListener((o, a, message) -> {
            if (busy.get() && message != null && !message.isBlank()) {
                status.set(message);
            }
        });
        task.unlessChanged(this::asked, c -> dropped(c.connected().session()))
                .onSuccess(c -> {
            state.sessionProperty().set(c.connected().session());
            state.identityProperty().set(c.connected().identity());
            identity.set(c.connected().identity());
            status.set(String.format(text.getString("connect.sandbox.connected"), c.endpoint()));
        }).onCancelled(() -> status.set(""))
                .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> busy.set(false))
                .start(executor);
    }

    private record SandboxConnection(Connected connected, URI endpoint) {
    }

    /** What the chosen row, region and endpoint describe; null while incomplete. */
    ConnectionSpec spec() {
        ConnectTarget t = selected.get();
        String r = region.get();
        if (t == null || r == null || r.isBlank()) {
            return null;
        }
        return t.spec(r.trim(), parseEndpoint(endpoint.get()));
    }

    private void onSelected(ConnectTarget target) {
        disconnect();
        if (target instanceof ConnectTarget.Account a) {
            loadRoles(a.session(), a.account());
        }
        if (target instanceof ConnectTarget.Sandbox) {
            String current = region.get();
            regions.setAll(SandboxSeed.REGIONS);
            region.set(SandboxSeed.REGIONS.contains(current) ? current : SandboxSeed.PRIMARY_REGION);
            return;
        }
        ConnectionSpec probe = target == null ? null : target.spec("us-east-1", null);
        if (probe == null) {
            return;
        }
        String profile = probe.profile();
        BackgroundTask.of(p -> new RegionChoice(connector.regions(profile), connector.preferredRegion(probe)))
                .onSuccess(c -> {
                    regions.setAll(c.regions());
                    region.set(c.preferred());
                })
                .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .start(executor);
    }

    private record RegionChoice(List<String> regions, String preferred) {
    }

    private void rebuild() {
        root.set(tree.build(search.get(), text.getString("connect.profiles")));
    }

    /** The endpoint typed, or null when none; a sentence saying how it should look when it is not a URL. */
    URI parseEndpoint(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(typed.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new LayerStudioException(text.getString("connect.endpoint.invalid"));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new LayerStudioException(text.getString("connect.endpoint.invalid"), e);
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

    /** The rows to show, for the search typed (the page makes its tree of them). */
    public ObjectProperty<ConnectTree.Row> rootProperty() {
        return root;
    }

    public ObjectProperty<ConnectTarget> selectedProperty() {
        return selected;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<String> regions() {
        return regions;
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

    public ObjectProperty<DeviceAuthorization> deviceCodeProperty() {
        return signIn.deviceCodeProperty();
    }

    /** Why the endpoint URL is not usable, or empty. */
    public StringBinding endpointErrorProperty() {
        return endpointError;
    }

    /** Whether the local sandbox is the chosen row (it brings its own endpoint). */
    public BooleanBinding sandboxSelectedProperty() {
        return sandboxSelected;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
