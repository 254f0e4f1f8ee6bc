package dev.layerstudio.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.asyncFx;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.contents.ContentsViewModel;
import dev.layerstudio.ui.inspect.FindingFix;
import dev.layerstudio.ui.inspect.InspectServices;
import dev.layerstudio.ui.inspect.InspectViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Slimming chosen in the window is the project's: a one-click fix on Inspect, saved, gives the
 * same layer when the project is opened and built again, in the window and by {@code build --project}.
 */
class ProjectSlimmingTest {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @TempDir
    Path tmp;

    private final AppExecutor executor = new AppExecutor(2);
    private final DefaultLayerBuilder builder = new DefaultLayerBuilder();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    /** The wizard's steps over one state: the project, Contents and Inspect. */
    private record Window(WizardState state, ProjectViewModel project, ContentsViewModel contents,
                          InspectViewModel inspect) {
    }

    private Window window() throws Exception {
        return asyncFx(() -> {
            WizardState state = new WizardState(executor::execute);
            ProjectViewModel project = new ProjectViewModel(state, new ProjectViewModel.Services(builder, null,
                    new SameThreadTaskExecutor(), new RecentProjects(tmp.resolve("settings")),
                    new ProjectRecovery(tmp.resolve("settings")), new ProjectViewModelTest.ManualDebouncer(),
                    Clock.systemUTC()), TEXT);
            ContentsViewModel contents = new ContentsViewModel(state, builder, executor, TEXT);
            InspectViewModel inspect = new InspectViewModel(state, InspectServices.of(AppServices.with(executor,
                    new Connector(), uri -> { })), TEXT);
            return new Window(state, project, contents, inspect);
        }).get();
    }

    /** Opens the project and installs its requirements, as the Contents step does. */
    private static void openAndInstall(Window w, Path file) throws Exception {
        asyncFx(() -> w.project().open(file)).get();
        asyncFx(() -> w.contents().install()).get();
        waitFor(90, TimeUnit.SECONDS, () -> w.state().installationProperty().get() != null
                && !w.contents().installingProperty().get());
    }

    private static ZipResult inspected(Window w, ZipResult before) throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> w.state().zipProperty().get() != null
                && w.state().zipProperty().get() != before && w.state().reportProperty().get() != null
                && !w.inspect().busyProperty().get());
        return asyncFx(() -> w.state().zipProperty().get()).get();
    }

    @Test
    void aSlimmingFixIsSavedAndTheReopenedProjectBuildsTheSameSlimmedLayer() throws Exception {
        Wheels wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("tinypkg", "1.0", Map.of("tinypkg/__init__.py", "X = 1\n", "tinypkg/core.py", "def run(): pass\n",
                "tinypkg/tests/__init__.py", "", "tinypkg/tests/test_core.py", "def test(): pass\n"));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("requirements.txt"), wheels.indexLines() + "tinypkg==1.0\n");
        Path file = repo.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(new LayerProject("slim-deps", List.of("python3.12"), Architecture.X86_64,
                new LayerProject.Inputs(List.of("requirements.txt"), List.of(), List.of(), Layout.PYTHON,
                        InstallerChoice.PIP, null, false), List.of(), Set.of(), null, null, null), file);

        Window first = window();
        openAndInstall(first, file);
        asyncFx(() -> first.inspect().onShow()).get();
        ZipResult full = inspected(first, null);
        FindingFix tests = asyncFx(() -> first.inspect().findings().stream()
                .filter(i -> i.finding().code() == FindingCode.TEST_FILES).findFirst().orElseThrow().fix()).get();
        assertThat(tests).isNotNull();
        asyncFx(() -> first.inspect().applyFix(tests)).get();
        ZipResult slimmed = inspected(first, full);
        assertThat(slimmed.sha256Hex()).isNotEqualTo(full.sha256Hex());
        assertThat(first.state().contentProperty().get().contains("python/tinypkg/tests/test_core.py")).isFalse();
        assertThat(first.state().slimmingProperty().get()).containsExactly(SlimRule.TESTS);
        assertThat(first.project().dirtyProperty().get()).isTrue(); // the fix is an edit of the project

        asyncFx(() -> first.project().save(null)).get();
        assertThat(first.project().dirtyProperty().get()).isFalse();
        ProjectFile.Read read = ProjectFile.read(file);
        assertThat(read.project().slimming()).containsExactly(SlimRule.TESTS);

        // opened again in a new window and built: the slimmed layer, byte for byte
        Window second = window();
        openAndInstall(second, file);
        LayerContent rebuilt = asyncFx(() -> second.state().contentProperty().get()).get();
        assertThat(rebuilt.contains("python/tinypkg/tests/test_core.py")).isFalse();
        assertThat(builder.zip(rebuilt, tmp.resolve("again.zip"), ProgressListener.NONE).sha256Hex())
                .isEqualTo(slimmed.sha256Hex());
        assertThat(second.project().dirtyProperty().get()).isFalse();
        // and the command line's build --project of the saved file
        assertThat(builder.build(read.project().buildSpec(read.dir(), tmp.resolve("cli.zip")), ProgressListener.NONE)
                .zip().sha256Hex()).isEqualTo(slimmed.sha256Hex());
    }
}
