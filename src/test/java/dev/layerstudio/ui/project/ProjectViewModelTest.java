package dev.layerstudio.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open, save, the unsaved mark and the recovery copy, without a window. */
class ProjectViewModelTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path settings;
    private final ManualDebouncer debouncer = new ManualDebouncer();
    private final ResourceBundle text = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    /** Runs the autosave when the test says the few seconds are over. */
    static final class ManualDebouncer implements ProjectViewModel.Debouncer {
        Runnable pending;

        @Override
        public void restart(Runnable action) {
            pending = action;
        }

        @Override
        public void cancel() {
            pending = null;
        }

        void elapse() {
            Runnable r = pending;
            pending = null;
            if (r != null) {
                r.run();
            }
        }
    }

    @BeforeEach
    void files() throws Exception {
        repo = tmp.resolve("repo");
        settings = tmp.resolve("settings");
        Files.createDirectories(repo.resolve("src/mylib"));
        Files.writeString(repo.resolve("src/mylib/__init__.py"), "X = 1\n");
        Files.writeString(repo.resolve("requirements.txt"), "requests==2.32.3\n");
    }

    private ProjectViewModel model(WizardState state) {
        return new ProjectViewModel(state, new ProjectViewModel.Services(new DefaultLayerBuilder(), null,
                new SameThreadTaskExecutor(), new RecentProjects(settings), new ProjectRecovery(settings), debouncer,
                Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneOffset.UTC)), text);
    }

    private static LayerProject project() {
        return new LayerProject("deps", List.of("python3.11"), Architecture.ARM64,
                new LayerProject.Inputs(List.of("requirements.txt"), List.of("boto3>=1.34"), List.of(), Layout.PYTHON,
                        InstallerChoice.PIP, null, false),
                List.of(new LayerProject.Code("src/mylib", null)), EnumSet.of(SlimRule.TESTS),
                ConflictPolicy.PREFER_MINE, new LayerProject.Publish("Deps", "MIT", null, List.of()),
                new LayerProject.Targets(List.of("api-*"), List.of()));
    }

    @Test
    void openingFillsTheWizardAndNothingIsUnsaved() throws Exception {
        Path file = repo.resolve(ProjectFile.DEFAULT_NAME);
        Files.writeString(file, ProjectFile.toText(project()) + "\n[layer2]\nx = 1\n");
        WizardState state = new WizardState(Runnable::run);
        ProjectViewModel vm = model(state);

        vm.open(file);

        assertThat(state.layerProperty().get().name()).isEqualTo("deps");
        assertThat(state.layerProperty().get().isNew()).isTrue();
        assertThat(state.runtimeProperty().get()).isEqualTo(Runtime.parse("python3.11"));
        assertThat(state.architectureProperty().get()).isEqualTo(Architecture.ARM64);
        assertThat(state.requirementsProperty().get()).isEqualTo("-r " + repo.resolve("requirements.txt")
                + "\nboto3>=1.34\n");
        assertThat(state.contentProperty().get().contains("python/mylib/__init__.py")).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).startsWith("layer-studio.toml (repo)").doesNotContain("•");
        assertThat(vm.noticeProperty().get()).contains("layer2");
        assertThat(vm.current(repo)).isEqualTo(project());
        assertThat(new RecentProjects(settings).list()).extracting(RecentProjects.Entry::file)
                .containsExactly(file.toAbsolutePath().normalize());
    }

    @Test
    void thePublishOptionsComeFromTheProjectAndAnEditOnPublishIsSavedBack() throws Exception {
        Path file = repo.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(project(), file);
        WizardState state = new WizardState(Runnable::run);
        ProjectViewModel vm = model(state);
        vm.open(file);
        assertThat(state.publishOptionsProperty().get()).isEqualTo(project().publish());

        LayerProject.Publish edited = new LayerProject.Publish("Deps for the API", "MIT", "team-layers",
                List.of("us-east-1", "eu-west-1"));
        state.publishOptionsProperty().set(edited); // as the Publish step keeps its edits
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.save(() -> { });
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(ProjectFile.read(file).project().publish()).isEqualTo(edited);
    }

    @Test
    void anEditIsMarkedCopiedForRecoveryAfterTheQuietTimeAndGoneOnceSaved() throws Exception {
        Path file = repo.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(project(), file);
        WizardState state = new WizardState(Runnable::run);
        ProjectViewModel vm = model(state);
        vm.open(file);
        ProjectRecovery recovery = new ProjectRecovery(settings);

        state.requirementsProperty().set(state.requirementsProperty().get() + "numpy==2.1.0\n");

        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).startsWith("• ");
        assertThat(recovery.find()).isEmpty(); // not before the quiet time
        debouncer.elapse();
        ProjectRecovery.Recovered copy = recovery.find().orElseThrow();
        assertThat(copy.file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(copy.project()).isEqualTo(vm.current(null));
        assertThat(copy.project().inputs().packages()).containsExactly("boto3>=1.34", "numpy==2.1.0");

        vm.save(null);

        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(recovery.find()).isEmpty();
        assertThat(ProjectFile.read(file).project().inputs().packages()).containsExactly("boto3>=1.34",
                "numpy==2.1.0");
        assertThat(ProjectFile.read(file).project().slimming()).containsExactly(SlimRule.TESTS);
        assertThat(ProjectFile.read(file).project().targets().functions()).containsExactly("api-*");
    }

    @Test
    void workLeftByAKilledWindowIsRestoredIntoTheNextOne() throws Exception {
        WizardState first = new WizardState(Runnable::run);
        ProjectViewModel killed = model(first);
        first.layerProperty().set(dev.layerstudio.ui.wizard.LayerChoice.newLayer("fresh"));
        first.requirementsProperty().set("-r " + repo.resolve("requirements.txt") + "\n");
        first.contentProperty().set(new DefaultLayerBuilder().add(dev.layerstudio.model.LayerContent.empty(),
                new dev.layerstudio.model.AddedPath(repo.resolve("src/mylib"), null)));
        debouncer.elapse();
        LayerProject before = killed.current(null);

        WizardState second = new WizardState(Runnable::run);
        ProjectViewModel next = model(second);
        AtomicReference<ProjectRecovery.Recovered> found = new AtomicReference<>();
        next.findRecovery(found::set);
        assertThat(found.get()).isNotNull();
        assertThat(found.get().file()).isNull();
        next.restore(found.get());

        assertThat(second.layerProperty().get().name()).isEqualTo("fresh");
        assertThat(second.requirementsProperty().get()).isEqualTo("-r " + repo.resolve("requirements.txt") + "\n");
        assertThat(second.contentProperty().get().contains("python/mylib/__init__.py")).isTrue();
        assertThat(next.current(null)).isEqualTo(before);
        assertThat(next.dirtyProperty().get()).isTrue(); // unsaved until saved

        Path file = repo.resolve("fresh.toml");
        next.saveAs(file, null);
        assertThat(ProjectFile.read(file).project().code()).containsExactly(new LayerProject.Code("src/mylib", null));
        assertThat(new ProjectRecovery(settings).find()).isEmpty();
    }

    @Test
    void aCodeFolderThatIsGoneIsSaidAndKept() throws Exception {
        Path file = repo.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(project().withCode(List.of(new LayerProject.Code("src/mylib", null),
                new LayerProject.Code("gone/tool.py", "bin/tool.py"))), file);
        WizardState state = new WizardState(Runnable::run);
        ProjectViewModel vm = model(state);

        vm.open(file);

        assertThat(vm.noticeProperty().get()).contains("gone").contains("does not exist");
        assertThat(vm.current(repo).code()).containsExactly(new LayerProject.Code("src/mylib", null),
                new LayerProject.Code("gone/tool.py", "bin/tool.py"));
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aFileThatIsNotAProjectIsSaidAndTheWizardKeepsItsState() throws Exception {
        Path file = Files.writeString(repo.resolve("other.toml"), "[tool.poetry]\nname = 'x'\n");
        WizardState state = new WizardState(Runnable::run);
        ProjectViewModel vm = model(state);
        state.requirementsProperty().set("requests\n");

        vm.open(file);

        assertThat(vm.noticeProperty().get()).contains("not a Layer Studio project file");
        assertThat(state.requirementsProperty().get()).isEqualTo("requests\n");
        assertThat(vm.fileProperty().get()).isNull();
    }
}
