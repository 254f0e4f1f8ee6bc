package dev.layerstudio.ui.layer;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.UsageReport;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Layer: the layers of the connected region with their versions; choose one to make
 * its next version, or name a new one. For the chosen version, which functions use it.
 * Valid once a layer is chosen or a new, free, well-formed name is given.
 */
public final class LayerViewModel {

    /** Whether the user makes a version of a listed layer or starts a new one. */
    public enum Mode { EXISTING, NEW }

    private final WizardState state;
    private final Function<AwsSession, LayerService> layers;
    private final Function<AwsSession, FunctionService> functions;
    private final TaskExecutor executor;
    private final ResourceBundle text;

    private final ObservableList<LayerInfo> all = FXCollections.observableArrayList();
    private final ObservableList<LayerInfo> allView = FXCollections.unmodifiableObservableList(all);
    private final ReadOnlyObjectWrapper<List<LayerInfo>> shown = new ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.EXISTING);
    private final ReadOnlyObjectWrapper<LayerRow> selected = new ReadOnlyObjectWrapper<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringBinding nameError;
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<LayerUse> usage = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper usageStatus = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;
    private final StringBinding choiceTitle;
    private final StringBinding choiceDetail;
    private BackgroundTask<List<LayerInfo>> listing;
    private BackgroundTask<UsageReport> usageTask;
    private String usageFor;
    private LayerVersionInfo showAfterReload;

    public LayerViewModel(WizardState state, Function<AwsSession, LayerService> layers,
                          Function<AwsSession, FunctionService> functions, TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.layers = layers;
        this.functions = functions;
        this.executor = executor;
        this.text = text;
        nameError = Bindings.createStringBinding(() -> checkName(newName.get()).orElse(""), newName, all);
        valid = Bindings.isNotNull(state.layerProperty());
        choiceTitle = Bindings.createStringBinding(() -> describe(state.layerProperty().get(), true),
                state.layerProperty());
        choiceDetail = Bindings.createStringBinding(() -> describe(state.layerProperty().get(), false),
                state.layerProperty());
        search.addListener((o, a, b) -> rebuild());
        newName.addListener((o, a, b) -> useNewName());
        all.addListener((javafx.collections.ListChangeListener<LayerInfo>) c -> {
            if (mode.get() == Mode.NEW) {
                useNewName();
            }
        });
        state.sessionProperty().addListener((o, a, b) -> {
            state.layerProperty().set(null);
            selected.set(null);
            reload();
        });
        placeholder.set(text.getString("layer.empty.notConnected"));
        // "Used by" always belongs to the row shown: a row with another version (after a reload) loads its own
        selected.addListener((o, was, row) -> {
            LayerVersionInfo v = row == null ? null : row.version();
            if (row != null && !java.util.Objects.equals(v == null ? null : v.arn(), usageFor)) {
                loadUsage(v);
            }
        });
        // a version just published shows here at once, with its usage, without Refresh
        state.publishedProperty().addListener((o, was, now) -> {
            AwsSession session = state.sessionProperty().get();
            if (now != null && now.version() != null && session != null && now.region().equals(session.region())) {
                showAfterReload = now.version();
                reload();
            }
        });
    }

    // ---- listing ----

    /** Lists the layers of the session's region again (in the background); the chosen row stays chosen. */
    public void reload() {
        if (listing != null) {
            listing.cancel();
        }
        AwsSession session = state.sessionProperty().get();
        if (session == null) {
            all.clear();
            rebuild();
            placeholder.set(text.getString("layer.empty.notConnected"));
            return;
        }
        loading.set(true);
        status.set("");
        placeholder.set(String.format(text.getString("layer.loading"), session.region()));
        BackgroundTask<List<LayerInfo>> task = BackgroundTask.of(p -> layers.apply(session).listLayers());
        listing = task;
        task.onSuccess(list -> {
            if (session != state.sessionProperty().get()) {
                return;
            }
            all.setAll(list);
            rebuild();
            placeholder.set(String.format(text.getString("layer.empty.none"), session.region()));
            keepChoice();
            showPublished();
        }).onError(Exception.class, e -> {
            UserMessage m = UserMessage.of(e);
            all.clear();
            rebuild();
            placeholder.set(m.summary());
            status.set(m.sentence());
        }).andFinally(() -> {
            if (listing == task) {
                loading.set(false);
                listing = null;
            }
        }).start(executor);
    }

    /** After a reload, the chosen layer's fresh listing replaces the old one (or it is gone). */
    private void keepChoice() {
        LayerChoice choice = state.layerProperty().get();
        if (choice == null || choice.isNew()) {
            return;
        }
        Optional<LayerInfo> fresh = all.stream().filter(l -> l.name().equals(choice.name())).findFirst();
        LayerRow row = selected.get();
        if (fresh.isEmpty()) {
            state.layerProperty().set(null);
            selected.set(null);
            return;
        }
        LayerInfo l = fresh.get();
        state.layerProperty().set(LayerChoice.of(l));
        if (row instanceof LayerRow.Version v) {
            selected.set(l.version(v.version().version()).<LayerRow>map(x -> new LayerRow.Version(l, x))
                    .orElse(new LayerRow.Layer(l)));
        } else {
            selected.set(new LayerRow.Layer(l));
        }
    }

    /** After a publish: the new version's row is the one shown (its card and its usage). */
    private void showPublished() {
        LayerVersionInfo v = showAfterReload;
        showAfterReload = null;
        if (v == null) {
            return;
        }
        all.stream().filter(l -> l.name().equals(v.name())).findFirst()
                .flatMap(l -> l.version(v.version()).map(x -> new LayerRow.Version(l, x)))
                .ifPresent(row -> {
                    selected.set(row);
                    loadUsage(row.version());
                });
    }

    /** Whether the row shown is the version the wizard published (shown even while a new name is typed). */
    public boolean showsPublished() {
        LayerRow row = selected.get();
        var published = state.publishedProperty().get();
        return row instanceof LayerRow.Version v && published != null && published.version() != null
                && v.version().arn().equals(published.version().arn());
    }

    /** Looks up again who uses the version shown (after an attach, say). */
    public void refreshUsage() {
        LayerRow row = selected.get();
        if (row != null) {
            loadUsage(row.version());
        }
    }

    private void rebuild() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        shown.set(all.stream().filter(l -> q.isEmpty() || matches(l, q)).toList());
    }

    private static boolean matches(LayerInfo l, String q) {
        if (l.name().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return l.latest().map(v -> v.description().toLowerCase(Locale.ROOT).contains(q)
                || v.compatibleRuntimes().stream().anyMatch(r -> r.contains(q))
                || v.compatibleArchitectures().stream().anyMatch(a -> a.contains(q))).orElse(false);
    }

    // ---- choosing ----

    /** The user picked a row: its layer gets the next version; its version's users are looked up. */
    public void select(LayerRow row) {
        if (row == null) {
            return;
        }
        mode.set(Mode.EXISTING);
        selected.set(row);
        state.layerProperty().set(LayerChoice.of(row.layer()));
    }

    /**
     * The user wants a new layer: the typed name becomes the choice when it is valid. The name of
     * a layer listed here chooses that layer (its next version) instead. The details of a row
     * chosen before are no longer shown (unless it is the version just published).
     */
    public void useNewName() {
        String name = newName.get() == null ? "" : newName.get().strip();
        Optional<LayerInfo> existing = all.stream().filter(l -> l.name().equals(name)).findFirst();
        if (existing.isPresent()) {
            select(new LayerRow.Layer(existing.get()));
            return;
        }
        mode.set(Mode.NEW);
        if (!showsPublished()) {
            selected.set(null);
        }
        state.layerProperty().set(!name.isEmpty() && checkName(name).isEmpty() ? LayerChoice.newLayer(name) : null);
    }

    /** What is wrong with a new layer's name, in a plain sentence; empty when it is fine or not typed yet. */
    Optional<String> checkName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = LayerVersionRef.validateName(name);
        if (problem.isPresent()) {
            return problem;
        }
        return Optional.empty();
    }

    private String describe(LayerChoice choice, boolean title) {
        if (choice == null) {
            return text.getString(title ? "layer.choice.none" : "layer.choice.none.detail");
        }
        if (choice.isNew()) {
            return title ? String.format(text.getString("layer.choice.new"), choice.name())
                    : text.getString("layer.choice.new.detail");
        }
        if (title) {
            return String.format(text.getString("layer.choice.existing"), choice.name());
        }
        return choice.latest().map(v -> String.format(text.getString("layer.choice.existing.detail"), v.version()))
                .orElse(text.getString("layer.choice.existing.noVersions"));
    }

    // ---- usage ----

    private void loadUsage(LayerVersionInfo version) {
        if (usageTask != null) {
            usageTask.cancel();
        }
        usage.clear();
        usageFor = version == null ? null : version.arn();
        AwsSession session = state.sessionProperty().get();
        if (version == null || session == null) {
            usageStatus.set(version == null ? text.getString("layer.usage.noVersion") : "");
            return;
        }
        usageStatus.set(text.getString("layer.usage.loading"));
        BackgroundTask<UsageReport> task = BackgroundTask.of(p -> functions.apply(session)
                .usage(version.arn(), List.of()));
        usageTask = task;
        task.onSuccess(report -> {
            if (usageTask != task) {
                return;
            }
            List<LayerUse> uses = report.usesOf(version.ref());
            usage.setAll(uses);
            usageStatus.set(uses.isEmpty()
                    ? String.format(text.getString("layer.usage.none"), report.functionsScanned())
                    : String.format(text.getString(uses.size() == 1 ? "layer.usage.one" : "layer.usage.many"),
                    uses.size(), report.functionsScanned()));
        }).onError(Exception.class, e -> {
            if (usageTask == task) {
                usageStatus.set(UserMessage.sentence(e));
            }
        }).andFinally(() -> {
            if (usageTask == task) {
                usageTask = null;
            }
        }).start(executor);
    }

    // ---- properties ----

    /** The layers the search lets through, in order (the page shows each with its versions). */
    public ReadOnlyObjectProperty<List<LayerInfo>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyObjectProperty<LayerRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** What the empty table says: loading, nothing here, no connection, or what went wrong. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** A failure to list, in plain words (empty when all is well). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<LayerUse> usage() {
        return usage;
    }

    public ReadOnlyStringProperty usageStatusProperty() {
        return usageStatus.getReadOnlyProperty();
    }

    /** The layers as listed (all of them, not only those the search shows). */
    public ObservableList<LayerInfo> layers() {
        return allView;
    }

    public WizardState state() {
        return state;
    }

    /** One line naming what will be published: "New version of my-layer", "New layer my-layer". */
    public StringBinding choiceTitleProperty() {
        return choiceTitle;
    }

    public StringBinding choiceDetailProperty() {
        return choiceDetail;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
