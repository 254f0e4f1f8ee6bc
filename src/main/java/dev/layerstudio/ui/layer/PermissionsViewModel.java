package dev.layerstudio.ui.layer;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ShareTarget;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.StatusLine;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who one layer version is shared with, as the {@code share} command shows it: the grants of its
 * policy, a new grant to an account, an organization or everyone (checked by the engine's
 * {@link ShareTarget}, so a malformed id is refused with the same sentence, and the typed id is
 * kept), and revoking a grant by its statement id. Sharing with everyone and revoking are asked
 * once first.
 */
public final class PermissionsViewModel {

    private final WizardState state;
    private final Function<AwsSession, LayerService> layers;
    private final TaskExecutor executor;
    private final ResourceBundle text;

    private final ReadOnlyObjectWrapper<LayerVersionInfo> version = new ReadOnlyObjectWrapper<>(this, "version");
    private final ObservableList<LayerPermission> grants = FXCollections.observableArrayList();
    private final ObjectProperty<ShareTarget.Kind> kind = new SimpleObjectProperty<>(this, "kind",
            ShareTarget.Kind.ACCOUNT);
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StatusLine status = new StatusLine();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>(this, "confirmation");
    private final BooleanBinding needsId = Bindings.createBooleanBinding(
            () -> kind.get() != ShareTarget.Kind.EVERYONE, kind);
    private BackgroundTask<?> running;

    public PermissionsViewModel(WizardState state, Function<AwsSession, LayerService> layers, TaskExecutor executor,
                                ResourceBundle text) {
        this.state = state;
        this.layers = layers;
        this.executor = executor;
        this.text = text;
        state.sessionProperty().addListener((o, was, now) -> open(null));
        // what was said of the id typed goes with its kind; a share or revoke under way keeps its line
        kind.addListener((o, was, now) -> {
            if (!busy.get()) {
                status.clear();
            }
        });
    }

    /** Shows the grants of {@code v} (read in its own region); null forgets the version shown. */
    public void open(LayerVersionInfo v) {
        if (running != null) {
            running.cancel();
        }
        version.set(v);
        grants.clear();
        id.set("");
        confirmation.set(null);
        status.clear();
        if (v != null) {
            run(v, service -> { }, String.format(text.getString("layer.permissions.loading"), label(v)), () -> null);
        }
    }

    /** Reads the grants again. */
    public void reload() {
        LayerVersionInfo v = version.get();
        if (v != null && !busy.get()) {
            run(v, service -> { }, String.format(text.getString("layer.permissions.loading"), label(v)), () -> null);
        }
    }

    /**
     * Grants the chosen kind of target use of the version. A malformed account or organization id
     * is refused here with the engine's sentence, before anything is sent; sharing with everyone
     * asks first.
     */
    public void share() {
        LayerVersionInfo v = version.get();
        if (v == null || busy.get()) {
            return;
        }
        ShareTarget target;
        try {
            String typed = id.get() == null ? "" : id.get().trim();
            target = switch (kind.get()) {
                case ACCOUNT -> ShareTarget.account(typed);
                case ORGANIZATION -> ShareTarget.organization(typed);
                case EVERYONE -> ShareTarget.everyone();
            };
        } catch (RuntimeException e) {
            status.showError(UserMessage.sentence(e));
            return;
        }
        Runnable go = () -> run(v, service -> service.share(v.name(), v.version(), target),
                String.format(text.getString("layer.permissions.sharing"), label(v), describe(target)), () -> {
                    id.set("");
                    return String.format(text.getString("layer.permissions.shared"), label(v), describe(target));
                });
        if (target.kind() == ShareTarget.Kind.EVERYONE) {
            confirmation.set(new Confirmation(text.getString("layer.permissions.public.title"),
                    String.format(text.getString("layer.permissions.public.header"), label(v)),
                    List.of(text.getString("layer.permissions.public.line")), List.of(),
                    text.getString("layer.permissions.public.yes"), go));
        } else {
            go.run();
        }
    }

    /** Removes one grant, after the user confirms. */
    public void revoke(LayerPermission grant) {
        LayerVersionInfo v = version.get();
        if (v == null || grant == null || busy.get()) {
            return;
        }
        String who = describe(grant);
        confirmation.set(new Confirmation(text.getString("layer.permissions.revoke.title"),
                String.format(text.getString("layer.permissions.revoke.header"), who, label(v)),
                List.of(String.format(text.getString("layer.permissions.revoke.line"), grant.statementId())),
                List.of(text.getString("layer.permissions.revoke.note")),
                text.getString("layer.permissions.revoke.yes"),
                () -> run(v, service -> service.revoke(v.name(), v.version(), grant.statementId()),
                        String.format(text.getString("layer.permissions.revoking"), who),
                        () -> String.format(text.getString("layer.permissions.revoked"), who, label(v)))));
    }

    /** A grant in words: "Account 111122223333", "Organization o-…", "Everyone (public)". */
    public String describe(LayerPermission grant) {
        return grant.target() == null
                ? String.format(text.getString("layer.permissions.unknown"), grant.statementId())
                : describe(grant.target());
    }

    private String describe(ShareTarget target) {
        return switch (target.kind()) {
            case ACCOUNT -> String.format(text.getString("layer.permissions.account"), target.id());
            case ORGANIZATION -> String.format(text.getString("layer.permissions.organization"), target.id());
            case EVERYONE -> text.getString("layer.permissions.everyone");
        };
    }

    /** The version's name in sentences. */
    public String label(LayerVersionInfo v) {
        return String.format(text.getString("layer.versionLabel"), v.name(), v.version());
    }

    private interface Change {
        void apply(LayerService service);
    }

    /**
     * Runs {@code change} in the version's region, then reads the grants again and shows them;
     * {@code done} says what was done (null: only whether the version is shared). A result for a
     * version no longer shown is dropped.
     */
    private void run(LayerVersionInfo v, Change change, String doing, Supplier<String> done) {
        AwsSession session = state.sessionProperty().get();
        if (session == null) {
            status.showError(text.getString("layer.empty.notConnected"));
            return;
        }
        busy.set(true);
        StatusLine.Action action = status.begin(doing);
        BackgroundTask<List<LayerPermission>> task = BackgroundTask.of(p -> RegionSessions.in(session, v.region(),
                s -> {
                    LayerService service = layers.apply(s);
                    change.apply(service);
                    return service.permissions(v.name(), v.version());
                }));
        running = task;
        task.onSuccess(list -> {
            if (running != task || version.get() != v) {
                return;
            }
            grants.setAll(list);
            String said = done.get();
            action.say(said != null ? said
                    : list.isEmpty() ? String.format(text.getString("layer.permissions.none"), label(v)) : "");
        }).onError(Exception.class, action::fail).andFinally(() -> {
            if (running == task) {
                running = null;
                busy.set(false);
            }
        }).start(executor);
    }

    public ReadOnlyObjectProperty<LayerVersionInfo> versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** The version's grants, as last read. */
    public ObservableList<LayerPermission> grants() {
        return grants;
    }

    /** Share with an account, an organization or everyone. */
    public ObjectProperty<ShareTarget.Kind> kindProperty() {
        return kind;
    }

    /** The account or organization id typed. */
    public StringProperty idProperty() {
        return id;
    }

    /** Whether the chosen kind needs an id (everyone does not). */
    public BooleanBinding needsIdProperty() {
        return needsId;
    }

    /** What the last action said (read, shared, revoked, or why it failed); empty when nothing to say. */
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
