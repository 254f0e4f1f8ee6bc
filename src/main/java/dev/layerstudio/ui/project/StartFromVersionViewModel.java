package dev.layerstudio.ui.project;

import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishedStart;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.project.ProjectStart;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Start from version N" on the Layer step: the engine's start from a published version (as
 * {@code project from-version}) into a folder the user chooses, in the background with progress
 * and cancel: the packages pinned in {@code requirements.txt}, the user's own files extracted
 * into {@code layer-code/}, the project file written; then the project is opened, which fills
 * Contents.
 */
public final class StartFromVersionViewModel {

    private final WizardState state;
    private final Inspector inspector;
    private final Function<LayerVersionInfo, LayerSource> locate;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private Consumer<Path> opener = p -> { };

    private final ObservableList<LayerVersionInfo> versions = FXCollections.observableArrayList();
    private final ObjectProperty<LayerVersionInfo> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final BooleanBinding available;
    private BackgroundTask<Started> task;

    /**
     * @param locate where a version's content is read from (the session's download link; a zip in tests);
     *               called off the JavaFX thread
     */
    public StartFromVersionViewModel(WizardState state, Inspector inspector,
                                     Function<LayerVersionInfo, LayerSource> locate, TaskExecutor executor,
                                     ResourceBundle text) {
        this.state = state;
        this.inspector = inspector;
        this.locate = locate;
        this.executor = executor;
        this.text = text;
        state.layerProperty().addListener((o, was, now) -> showVersions(now));
        showVersions(state.layerProperty().get());
        available = Bindings.isNotEmpty(versions);
    }

    /** Where a written project goes: the window opens it (asking first about unsaved changes). */
    public void onProjectWritten(Consumer<Path> value) {
        opener = value;
    }

    private void showVersions(LayerChoice choice) {
        LayerInfo layer = choice == null ? null : choice.existing();
        List<LayerVersionInfo> all = layer == null ? List.of() : layer.versions().stream()
                .sorted((a, b) -> Long.compare(b.version(), a.version())).toList();
        versions.setAll(all);
        chosen.set(all.isEmpty() ? null : all.get(0));
    }

    /** What starting wrote. */
    private record Started(Path file, PublishedStart start) {
    }

    /** Starts the chosen version's project in {@code dir} (new, or without a project in it). */
    public void start(Path dir) {
        LayerVersionInfo v = chosen.get();
        if (v == null || running.get()) {
            return;
        }
        Runtime fallback = state.runtimeProperty().get();
        failed.set(false);
        status.set("");
        running.set(true);
        BackgroundTask<Started> t = BackgroundTask.of(p -> {
            ProjectStart.checkFree(dir);
            LayerSource source = locate.apply(v);
            PublishedStart start = inspector.startFrom(source, dir.resolve(PublishedStart.CODE_FOLDER), p);
            List<String> runtimes = v.compatibleRuntimes().stream().filter(r -> Runtime.fromId(r).isPresent()).toList();
            if (runtimes.isEmpty()) {
                runtimes = List.of(fallback.id());
            }
            Architecture arch = v.compatibleArchitectures().stream().map(Architecture::fromId)
                    .flatMap(java.util.Optional::stream).findFirst().orElse(Architecture.X86_64);
            LayerProject project = start.project(v.name(), runtimes, arch,
                    new LayerProject.Publish(v.description(), v.license(), null, List.of()));
            return new Started(ProjectStart.write(dir, start, project, source.label()), start);
        });
        task = t;
        progress.bind(t.progressProperty());
        message.bind(t.messageProperty());
        t.onSuccess(done -> {
            PublishedStart s = done.start();
            status.set(String.format(text.getString("startFrom.done"), v.version(), s.pins().size(),
                    s.ownFiles().size(), done.file().getParent()) + s.notes().stream().map(n -> " " + n)
                    .reduce("", String::concat));
            opener.accept(done.file());
        }).onCancelled(() -> status.set(text.getString("startFrom.cancelled")))
                .onError(Exception.class, e -> {
                    failed.set(true);
                    status.set(UserMessage.sentence(e));
                }).andFinally(() -> {
                    progress.unbind();
                    message.unbind();
                    message.set("");
                    running.set(false);
                    task = null;
                }).start(executor);
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    /** The chosen layer's versions, newest first (empty for a new layer). */
    public ObservableList<LayerVersionInfo> versions() {
        return versions;
    }

    public ObjectProperty<LayerVersionInfo> chosenProperty() {
        return chosen;
    }

    /** True when the chosen layer has a version to start from. */
    public BooleanBinding availableProperty() {
        return available;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the start wrote, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
