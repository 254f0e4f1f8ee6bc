package dev.layerstudio.ui.project;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.Layout;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.ProjectSettings;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's project: Open, Save, Save As, whether there are unsaved changes, and the recovery
 * copy written a few seconds after each change. The wizard's state is the truth; the project is
 * made from it with {@link ProjectMapping} whenever it is needed, so going Back and Next loses
 * nothing and a saved file holds exactly what the steps show.
 */
public final class ProjectViewModel {

    /** Runs the autosave once things have been quiet for a few seconds. */
    public interface Debouncer {
        /** (Re)starts the wait; {@code action} runs when it ends without another call. */
        void restart(Runnable action);

        void cancel();
    }

    /** The services the project needs. */
    public record Services(LayerBuilder builder, Function<AwsSession, LayerService> layers, TaskExecutor executor,
                           RecentProjects recent, ProjectRecovery recovery, Debouncer autosave, Clock clock) {
    }

    private final WizardState state;
    private final Services services;
    private final ResourceBundle text;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyIntegerWrapper opened = new ReadOnlyIntegerWrapper(this, "opened", 0);
    private final StringBinding title;
    /** The project as last opened or saved (paths absolute); {@code null} when never saved. */
    private LayerProject baseline;
    /** Code entries of the opened project whose source is not on disk: kept, so saving loses nothing. */
    private List<AddedPath> missingCode = List.of();
    /** The layer's name while no layer is chosen (after a new connection, before the Layer step). */
    private String layerName = "";
    private final RecoveryWriter recoveryWriter;
    private final CodeExclusions exclusions = new CodeExclusions();
    private boolean applying;

    public ProjectViewModel(WizardState state, Services services, ResourceBundle text) {
        this.state = state;
        this.services = services;
        this.text = text;
        this.recoveryWriter = new RecoveryWriter(services.recovery(), services.executor(), services.clock());
        title = Bindings.createStringBinding(this::makeTitle, file, dirty, state.layerProperty());
        List<ObservableValue<?>> watched = new ArrayList<>(List.of(state.layerProperty(), state.runtimeProperty(),
                state.architectureProperty(), state.requirementsProperty(), state.contentProperty(),
                state.projectProperty()));
        watched.addAll(LaterChoices.watched(state));
        for (ObservableValue<?> o : watched) {
            o.addListener((obs, was, now) -> changed());
        }
        state.layerProperty().addListener((o, was, now) -> {
            if (now != null) {
                layerName = now.name();
            }
        });
        baseline = current(null);
    }

    /**
     * From now on a new connection chooses the project's layer again (the Layer step forgets its
     * choice when the connection changes; call this after that step listens, so this runs after it).
     */
    public void followConnections() {
        state.sessionProperty().addListener((o, was, now) -> {
            if (now != null && state.layerProperty().get() == null && !layerName.isEmpty()
                    && state.projectProperty().get() != null) {
                chooseLayer(layerName);
            }
        });
    }

    // ---- the project as the wizard has it ----

    /** The project the wizard's state makes, with paths relative to {@code dir} (absolute for {@code null}). */
    public LayerProject current(Path dir) {
        ProjectSettings kept = state.projectProperty().get();
        LayerProject base = kept == null ? null : kept.project();
        Layout layout = base == null ? null : base.inputs().layout();
        List<Path> order = base == null ? List.of() : ProjectMapping.fromProject(base, kept.dir()).code().stream()
                .map(AddedPath::source).toList();
        LayerContent content = state.contentProperty().get();
        List<AddedPath> code = new ArrayList<>(ProjectMapping.codeOf(content, state.runtimeProperty().get(), layout,
                order, exclusions.of(content)));
        code.addAll(missingCode);
        LayerChoice choice = state.layerProperty().get();
        ProjectMapping.Fields fields = new ProjectMapping.Fields(choice != null ? choice.name() : layerName,
                state.runtimeProperty().get(), state.architectureProperty().get(), state.requirementsProperty().get(),
                code);
        return LaterChoices.onto(ProjectMapping.toProject(fields, base, dir), state);
    }

    private void changed() {
        if (applying) {
            return;
        }
        boolean now = !current(null).equals(baseline);
        dirty.set(now);
        if (now) {
            services.autosave().restart(this::autosave);
        } else {
            services.autosave().cancel();
            clearRecovery();
        }
    }

    /** Writes the recovery copy now (the debouncer calls this a few seconds after the last change). */
    public void autosave() {
        if (dirty.get()) {
            recoveryWriter.write(current(null), file.get());
        }
    }

    private void clearRecovery() {
        recoveryWriter.clear();
    }

    // ---- open ----

    /** Opens a project file (read and its code scanned in the background); the wizard then shows it. */
    public void open(Path projectFile) {
        if (busy.get()) {
            return;
        }
        start(String.format(text.getString("project.opening"), projectFile.getFileName()));
        BackgroundTask.of(p -> {
            ProjectFile.Read read = ProjectFile.read(projectFile);
            List<String> notes = new ArrayList<>();
            String unknown = read.unknownKeysSentence(projectFile);
            if (unknown != null) {
                notes.add(unknown);
            }
            Opened o = Opened.scan(services.builder(), text, read.project(), read.dir(),
                    projectFile.toAbsolutePath().normalize(), notes);
            services.recent().add(projectFile);
            return o;
        }).onSuccess(o -> {
            apply(o);
            baseline = current(null);
            dirty.set(false);
            clearRecovery();
            status.set(String.format(text.getString("project.opened"), o.file().getFileName()));
        }).onError(Exception.class, this::fail).andFinally(() -> busy.set(false)).start(services.executor());
    }

    /** Puts an opened or restored project into the wizard's state. */
    private void apply(Opened o) {
        applying = true;
        try {
            ProjectMapping.Fields fields = ProjectMapping.fromProject(o.project(), o.dir());
            missingCode = List.copyOf(o.missing());
            exclusions.forget();
            exclusions.keep(fields.code());
            state.projectProperty().set(new ProjectSettings(o.project(), o.dir()));
            layerName = fields.layerName();
            chooseLayer(fields.layerName());
            state.runtimeProperty().set(fields.runtime());
            state.architectureProperty().set(fields.architecture());
            state.requirementsProperty().set(fields.requirements());
            LaterChoices.fill(state, o.project());
            state.installationProperty().set(null);
            state.contentProperty().set(o.content().isEmpty() ? null : o.content());
            file.set(o.file());
            notice.set(String.join(" ", o.notes()));
        } finally {
            applying = false;
        }
        opened.set(opened.get() + 1);
    }

    private void chooseLayer(String name) {
        LayerByName.choose(state, services.layers(), services.executor(), name, status::set);
    }

    // ---- save ----

    /** Whether Save can write without asking where (the project has a file). */
    public boolean hasFile() {
        return file.get() != null;
    }

    /** Saves to the project's file; {@code then} runs once it is written. */
    public void save(Runnable then) {
        if (file.get() != null) {
            saveAs(file.get(), then);
        }
    }

    /** Saves to {@code target}, which becomes the project's file; {@code then} runs once it is written. */
    public void saveAs(Path target, Runnable then) {
        if (busy.get()) {
            return;
        }
        Path to = target.toAbsolutePath().normalize();
        Path dir = to.getParent();
        LayerProject project = current(dir);
        LayerProject absolute = current(null);
        start(String.format(text.getString("project.saving"), to.getFileName()));
        BackgroundTask.of(p -> {
            ProjectFile.write(project, to);
            services.recent().add(to);
            return to;
        }).onSuccess(saved -> {
            applying = true;
            try {
                state.projectProperty().set(new ProjectSettings(project, dir));
                file.set(saved);
            } finally {
                applying = false;
            }
            baseline = absolute;
            changed();
            notice.set("");
            status.set(String.format(text.getString("project.saved"), saved.getFileName()));
            if (then != null) {
                then.run();
            }
        }).onError(Exception.class, this::fail).andFinally(() -> busy.set(false)).start(services.executor());
    }

    // ---- new, restore, discard ----

    /** Forgets the project: the wizard starts a new layer (unsaved changes are the caller's to ask about). */
    public void startNew() {
        applying = true;
        try {
            missingCode = List.of();
            exclusions.forget();
            layerName = "";
            file.set(null);
            state.projectProperty().set(null);
            LaterChoices.clear(state);
            state.startAnother();
            state.requirementsProperty().set("");
            notice.set("");
            status.set("");
        } finally {
            applying = false;
        }
        baseline = current(null);
        changed();
    }

    /** The recovery copy a window left, read in the background; {@code found} gets it (or nothing). */
    public void findRecovery(java.util.function.Consumer<ProjectRecovery.Recovered> found) {
        BackgroundTask.of(p -> services.recovery().find().orElse(null))
                .onSuccess(r -> {
                    if (r != null) {
                        found.accept(r);
                    }
                })
                .onError(Exception.class, this::fail).start(services.executor());
    }

    /** Puts the recovered work back into the wizard; it stays unsaved until saved. */
    public void restore(ProjectRecovery.Recovered recovered) {
        if (busy.get()) {
            return;
        }
        start(text.getString("project.restoring"));
        Path dir = recovered.file() == null ? null : recovered.file().getParent();
        BackgroundTask.of(p -> Opened.scan(services.builder(), text, recovered.project(), null, recovered.file(),
                        new ArrayList<>()))
                .onSuccess(o -> {
                    apply(new Opened(o.project(), null, o.file(), o.content(), o.missing(), o.notes()));
                    if (dir != null) {
                        state.projectProperty().set(new ProjectSettings(o.project(), dir));
                    }
                    baseline = null;
                    changed();
                    status.set(text.getString("project.restored"));
                }).onError(Exception.class, this::fail).andFinally(() -> busy.set(false))
                .start(services.executor());
    }

    /** Drops the recovery copy (the user chose not to restore it, or discarded the changes). */
    public void discardRecovery() {
        services.autosave().cancel();
        clearRecovery();
    }

    /** At a clean close: nothing is left to recover. Runs here and now. */
    public void closed() {
        services.autosave().cancel();
        recoveryWriter.clearHere();
    }

    private void start(String message) {
        busy.set(true);
        status.set(message);
    }

    private void fail(Throwable e) {
        String sentence = UserMessage.sentence(e);
        status.set(sentence);
        notice.set(sentence);
    }

    /** The notice was read. */
    public void dismissNotice() {
        notice.set("");
    }

    private String makeTitle() {
        Path f = file.get();
        LayerChoice choice = state.layerProperty().get();
        String name = f != null ? String.format(text.getString("project.title.file"), f.getFileName(),
                f.getParent() == null ? "" : f.getParent().getFileName())
                : choice != null ? String.format(text.getString("project.title.layer"), choice.name())
                : text.getString("project.title.none");
        return (dirty.get() ? "• " : "") + name;
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** True when the wizard holds changes not in the project's file. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last open or save did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the opened file had that the window did not take (unknown keys, missing code), in sentences. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Counts projects opened or restored (the shell goes to the furthest step it may). */
    public ReadOnlyIntegerProperty openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The window's title: the project file (or layer), marked when there are unsaved changes. */
    public StringBinding titleProperty() {
        return title;
    }

    public RecentProjects recent() {
        return services.recent();
    }
}
