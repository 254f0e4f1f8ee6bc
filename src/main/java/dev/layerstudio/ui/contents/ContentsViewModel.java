package dev.layerstudio.ui.contents;

import dev.layerstudio.build.InputFiles;
import dev.layerstudio.build.Installation;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.build.PipOptions;
import dev.layerstudio.build.PinnedRequirements;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.ui.common.StatusLine;
import dev.layerstudio.ui.common.Texts;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.ProjectSettings;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Contents: the runtime and architecture, the requirements (checked as typed), pip or uv
 * in the background with progress, log and cancel, and the layer tree. Valid when the
 * tree has content, no conflicts, and nothing is still running.
 */
public final class ContentsViewModel {

    /** Lines of tool output kept for the log view; older ones scroll away. */
    static final int LOG_LIMIT = 5000;

    private final WizardState state;
    private final LayerBuilder builder;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final RequirementsCheck check;
    private final NodePackagesCheck nodeCheck;
    private final LayerTreeModel tree;

    private final StringProperty requirements;
    private final ObservableList<RequirementsCheck.Problem> problems = FXCollections.observableArrayList();
    private final StringBinding problemText;
    private final ReadOnlyBooleanWrapper installing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StatusLine status = new StatusLine();
    private final StringBinding staleWarning;
    private final BooleanBinding canInstall;
    private final BooleanBinding valid;
    private final RuntimeChoices runtimes;
    private final Texts texts;
    private final BooleanBinding canSavePins;
    private BackgroundTask<Installation> install;

    public ContentsViewModel(WizardState state, LayerBuilder builder, TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.builder = builder;
        this.executor = executor;
        this.text = text;
        this.texts = new Texts(text);
        this.requirements = state.requirementsProperty();
        this.check = new RequirementsCheck(text);
        this.nodeCheck = new NodePackagesCheck(text);
        this.tree = new LayerTreeModel(state, builder, executor, text);
        // what an install, a load or a save said is about the runtime, architecture and layer
        // chosen then; the page's two lines speak for one action at a time
        status.clearedBy(state.runtimeProperty(), state.architectureProperty(), state.layerProperty());
        StatusLine.link(status, tree.statusLine());
        requirements.addListener((o, a, now) -> recheck());
        state.runtimeProperty().addListener((o, a, now) -> recheck());
        problemText = Bindings.createStringBinding(() -> problems.stream().limit(3)
                .map(p -> String.format(text.getString("contents.req.problem"), p.line(), p.message()))
                .collect(Collectors.joining("\n")) + (problems.size() > 3
                ? "\n" + String.format(text.getString("contents.req.more"), problems.size() - 3) : ""), problems);
        canInstall = Bindings.createBooleanBinding(() -> !installing.get() && problems.isEmpty()
                && !requirementsOf(requirements.get(), state.runtimeProperty().get()).isEmpty(), installing, problems,
                requirements, state.runtimeProperty());
        staleWarning = Bindings.createStringBinding(this::stale, state.installationProperty(),
                state.runtimeProperty(), state.architectureProperty());
        canSavePins = Bindings.createBooleanBinding(() -> {
            Installation i = state.installationProperty().get();
            return !installing.get() && i != null && i.workDir() != null && !i.packages().isEmpty();
        }, state.installationProperty(), installing);
        BooleanBinding complete = tree.completeProperty();
        valid = complete.and(installing.not()).and(tree.addingProperty().not());
        this.runtimes = new RuntimeChoices(state, text);
    }

    // ---- runtime ----

    /** The lines typed, checked as pip (Python) or npm (Node.js) reads them, by the runtime's language. */
    private void recheck() {
        Runtime r = state.runtimeProperty().get();
        problems.setAll(r != null && r.isNode() ? nodeCheck.check(requirements.get()) : check.check(requirements.get()));
    }

    /** Whether the chosen runtime is a Node.js one: the page then takes npm packages and a package.json. */
    public boolean isNode() {
        Runtime r = state.runtimeProperty().get();
        return r != null && r.isNode();
    }

    /** The Python runtimes of the table, then the Node.js ones, each newest first. */
    public List<Runtime> runtimeChoices() {
        return runtimes.all();
    }

    /** "python3.9 · deprecated", "python3.10 · updates blocked", or the id alone. */
    public String runtimeLabel(Runtime r) {
        return runtimes.label(r);
    }

    /** A sentence on the chosen runtime when it is deprecated or newer than the table; empty otherwise. */
    public StringBinding runtimeNoteProperty() {
        return runtimes.noteProperty();
    }

    /** Judges deprecation on the clock's day (tests pass a fixed one). */
    public void useClock(Clock value) {
        runtimes.useClock(value);
    }

    // ---- requirements ----

    /** What a loaded file puts in the editor, and what it was read as. */
    private record Loaded(String text, String summary) {
    }

    /**
     * Reads an input file (in the background). A plain requirements file goes into the editor,
     * its relative paths made absolute; a lock file, pyproject.toml or a requirements file with
     * hashes is given whole, as {@code -r FILE}. The status says what was read.
     */
    public void loadRequirements(Path file) {
        StatusLine.Action action = status.begin(String.format(text.getString("contents.req.loading"),
                file.getFileName()));
        boolean node = isNode();
        BackgroundTask.of(p -> {
            if (node) {
                NodePackagesCheck.Input in = NodePackagesCheck.load(file);
                return new Loaded(in.text(), in.summary());
            }
            String summary = InputFiles.describe(file, List.of());
            String loaded = InputFiles.givenWhole(file) ? "-r " + file.toAbsolutePath() + "\n"
                    : absolutePaths(Files.readString(file, StandardCharsets.UTF_8), file.getParent());
            return new Loaded(loaded, summary);
        })
                .onSuccess(loaded -> {
                    requirements.set(loaded.text());
                    action.say(String.format(text.getString("contents.req.loaded"), loaded.summary()));
                })
                .onError(Exception.class, action::fail)
                .start(executor);
    }

    /** Options that name files or folders ({@code -r base.txt}, {@code --find-links wheels}), made absolute. */
    static String absolutePaths(String loaded, Path base) {
        if (base == null) {
            return loaded;
        }
        return loaded.lines().map(line -> {
            if (!line.strip().startsWith("-")) {
                return line;
            }
            PipOptions.Line parsed = PipOptions.parse(line);
            String option = parsed.option();
            String value = parsed.value();
            if (value == null || !parsed.known().map(PipOptions.Option::namesPath).orElse(false)) {
                return line;
            }
            if (value.contains("://") || Path.of(value).isAbsolute()
                    || (option.equals("-e") || option.equals("--editable")) && !value.startsWith(".")) {
                return line;
            }
            return option + " " + base.resolve(value).normalize();
        }).collect(Collectors.joining("\n", "", loaded.endsWith("\n") ? "\n" : ""));
    }

    /** The typed text as pip arguments: comments dropped, one requirement or option per line. */
    static Requirements requirementsOf(String typed) {
        return requirementsOf(typed, null);
    }

    /** For a Node.js runtime, {@code -r FILE} lines name the package.json; other lines are package specs. */
    static Requirements requirementsOf(String typed, Runtime runtime) {
        if (typed == null) {
            return Requirements.none();
        }
        List<String> lines = typed.lines().map(RequirementsCheck::withoutComment).map(String::strip).toList();
        return runtime != null && runtime.isNode() ? NodePackagesCheck.requirements(lines)
                : new Requirements(lines, List.of());
    }

    // ---- pins ----

    /** Whether there are installed packages whose versions can be saved. */
    public BooleanBinding canSavePinsProperty() {
        return canSavePins;
    }

    /** Writes the exact versions of the current installation to a requirements file (in the background). */
    public void savePins(Path file) {
        Installation i = state.installationProperty().get();
        if (i == null || i.packages().isEmpty()) {
            return;
        }
        List<String> lines = PinnedRequirements.lines(i.packages(),
                i.spec().runtime().id() + " " + i.spec().architecture().id());
        StatusLine.Action action = status.begin();
        BackgroundTask.of(p -> {
            PinnedRequirements.write(lines, file);
            return i.packages().size();
        })
                .onSuccess(n -> action.say(String.format(text.getString("contents.pins.saved"), n, file.getFileName())))
                .onError(Exception.class, action::fail)
                .start(executor);
    }

    // ---- install ----

    /** Installs the requirements for the runtime and architecture; the result replaces the installed part of the tree. */
    public void install() {
        if (!canInstall.get()) {
            return;
        }
        Requirements typed = requirementsOf(requirements.get(), state.runtimeProperty().get());
        ProjectSettings project = state.projectProperty().get();
        InstallSpec spec = project == null
                ? InstallSpec.of(state.runtimeProperty().get(), state.architectureProperty().get(), typed)
                : project.installSpec(state.runtimeProperty().get(), state.architectureProperty().get(), typed);
        log.clear();
        // the installer runs on this computer's Python; what it installs is for the chosen runtime
        log.add(String.format(text.getString("contents.log.target"), spec.runtime().id(),
                spec.architecture().id()));
        StatusLine.Action action = status.begin();
        installing.set(true);
        BackgroundTask<Installation> task = BackgroundTask.of(p -> {
            Installation done = builder.install(spec, p);
            done.content().fileCount(); // the tree's counts are made here, not in the frame that shows it
            return done;
        });
        install = task;
        progress.bind(task.progressProperty());
        progressMessage.bind(task.messageProperty());
        task.onLog(this::appendLog)
                .onSuccess(done -> {
                    state.installationProperty().set(done);
                    tree.replaceInstalled(done.content());
                    // the project's conflict policy; its slimming and any chosen in the window since (Inspect's fixes)
                    if (project != null || !state.slimming().isEmpty()) {
                        tree.settle(project == null ? ConflictPolicy.FAIL : project.project().prefer(),
                                state.slimming());
                    }
                    action.say(texts.text("contents.install.done", done.packages().size(), spec.runtime().id(),
                            spec.architecture().id(), Objects.requireNonNullElse(done.installer(), "—"))
                            + done.notes().stream().map(n -> " " + n).collect(Collectors.joining()));
                })
                .onCancelled(() -> action.say(text.getString("contents.install.cancelled")))
                .onError(Exception.class, action::fail)
                .andFinally(() -> {
                    progress.unbind();
                    progressMessage.unbind();
                    progressMessage.set("");
                    installing.set(false);
                    install = null;
                })
                .start(executor);
    }

    public void cancel() {
        if (install != null) {
            install.cancel();
        }
    }

    private void appendLog(String batch) {
        log.addAll(batch.lines().toList());
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }

    private String stale() {
        Installation i = state.installationProperty().get();
        if (i == null || i.workDir() == null) {
            return "";
        }
        InstallSpec s = i.spec();
        if (s.runtime().equals(state.runtimeProperty().get()) && s.architecture() == state.architectureProperty().get()) {
            return "";
        }
        return String.format(text.getString("contents.install.stale"), s.runtime().id(), s.architecture().id());
    }

    // ---- properties ----

    public LayerTreeModel tree() {
        return tree;
    }

    public WizardState state() {
        return state;
    }

    public ObjectProperty<Runtime> runtimeProperty() {
        return state.runtimeProperty();
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return state.architectureProperty();
    }

    public StringProperty requirementsProperty() {
        return requirements;
    }

    /** The lines pip would reject, as typed. */
    public ObservableList<RequirementsCheck.Problem> problems() {
        return problems;
    }

    /** The first problems as "Line 2: ..." lines; empty when every line is fine. */
    public StringBinding problemTextProperty() {
        return problemText;
    }

    public BooleanBinding canInstallProperty() {
        return canInstall;
    }

    public ReadOnlyBooleanProperty installingProperty() {
        return installing.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the installer has not said how far it is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** The installer's output, live. */
    public ObservableList<String> log() {
        return log;
    }

    /** What the last install or load did, or why it failed, in plain words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return status.failedProperty();
    }

    /** Set when the packages were installed for another runtime or architecture than the chosen one. */
    public StringBinding staleWarningProperty() {
        return staleWarning;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
