package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.asyncFx;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.ProjectSettings;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Contents with a project: installed, settled and slimmed as build --project does, its runtime kept. */
class ProjectContentsTest {

    @TempDir
    Path tmp;

    private final AppExecutor executor = new AppExecutor(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void theProjectsConflictPolicyAndSlimmingGiveTheZipTheCommandLineBuilds() throws Exception {
        Wheels wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("tinypkg", "1.0", Map.of("tinypkg/__init__.py", "X = 1\n", "tinypkg/core.py", "def run(): pass\n",
                "tinypkg/tests/test_core.py", "def test(): pass\n"));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("requirements.txt"), wheels.indexLines() + "tinypkg==1.0\n");
        Path mine = Files.createDirectories(repo.resolve("patch/tinypkg"));
        Files.writeString(mine.resolve("core.py"), "def run(): return 'mine'\n");
        LayerProject project = new LayerProject("deps", List.of("python3.12"), Architecture.X86_64,
                new LayerProject.Inputs(List.of("requirements.txt"), List.of(), List.of(), Layout.PYTHON,
                        InstallerChoice.PIP, null, false),
                List.of(new LayerProject.Code("patch/tinypkg", "python/tinypkg")), Set.of(SlimRule.TESTS),
                ConflictPolicy.PREFER_MINE, null, null);
        DefaultLayerBuilder builder = new DefaultLayerBuilder();
        WizardState state = new WizardState(executor::execute);
        ContentsViewModel vm = asyncFx(() -> new ContentsViewModel(state, builder, executor,
                ResourceBundle.getBundle("dev.layerstudio.ui.messages"))).get();

        asyncFx(() -> {
            state.projectProperty().set(new ProjectSettings(project, repo));
            state.layerProperty().set(LayerChoice.newLayer("deps"));
            state.requirementsProperty().set("-r " + repo.resolve("requirements.txt") + "\n");
            state.contentProperty().set(builder.add(LayerContent.empty(),
                    new AddedPath(mine, "python/tinypkg")));
            vm.install();
        }).get();
        waitFor(90, TimeUnit.SECONDS, () -> state.installationProperty().get() != null
                && !vm.installingProperty().get());

        LayerContent content = state.contentProperty().get();
        assertThat(content.conflicts()).isEmpty();
        assertThat(content.node("python/tinypkg/core.py").orElseThrow().source()).isInstanceOf(ContentSource.User.class);
        assertThat(content.contains("python/tinypkg/tests/test_core.py")).isFalse();
        assertThat(state.installationProperty().get().spec().installer()).isEqualTo(InstallerChoice.PIP);

        Path window = tmp.resolve("window.zip");
        builder.zip(content, window, ProgressListener.NONE);
        Path cli = tmp.resolve("cli.zip");
        builder.build(project.buildSpec(repo, cli), ProgressListener.NONE);
        assertThat(entries(window)).isEqualTo(entries(cli));
    }

    @Test
    void aReloadOfTheProjectsLayerKeepsTheProjectsRuntime() throws Exception {
        LayerProject project = new LayerProject("alpha", List.of("python3.11"), Architecture.ARM64, null, List.of(),
                Set.of(), null, null, null);
        WizardState state = new WizardState(executor::execute);
        asyncFx(() -> new ContentsViewModel(state, new DefaultLayerBuilder(), executor,
                ResourceBundle.getBundle("dev.layerstudio.ui.messages"))).get();
        LayerVersionRef ref = LayerVersionRef.parse("arn:aws:lambda:us-east-1:123456789012:layer:alpha:3");
        LayerInfo alpha = new LayerInfo("alpha", ref.layerArn(), "us-east-1", List.of(new LayerVersionInfo(ref, "",
                "", List.of("python3.13"), List.of("x86_64"), 10, null, null, null)));

        asyncFx(() -> {
            state.projectProperty().set(new ProjectSettings(project, tmp));
            state.layerProperty().set(LayerChoice.of(alpha));
        }).get();

        assertThat(state.runtimeProperty().get()).isEqualTo(Runtime.parse("python3.11"));
        assertThat(state.architectureProperty().get()).isEqualTo(Architecture.ARM64);
    }

    private static Map<String, Long> entries(Path zip) throws Exception {
        Map<String, Long> all = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> e = z.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                all.put(entry.getName(), entry.getCrc());
            }
        }
        return all;
    }
}
