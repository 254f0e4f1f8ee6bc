package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.asyncFx;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ContentsViewModelTest {

    @TempDir
    Path tmp;

    private final AppExecutor executor = new AppExecutor(2);
    private WizardState state;
    private ContentsViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void model() throws Exception {
        state = new WizardState(executor::execute);
        vm = asyncFx(() -> new ContentsViewModel(state, new DefaultLayerBuilder(), executor,
                ResourceBundle.getBundle("dev.layerstudio.ui.messages"))).get();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void runtimeAndArchitectureFollowTheChosenLayersLatestVersion() throws Exception {
        LayerVersionRef ref = LayerVersionRef.parse("arn:aws:lambda:us-east-1:123456789012:layer:alpha:3");
        LayerVersionInfo v3 = new LayerVersionInfo(ref, "", "", List.of("python3.10", "python3.11", "nodejs20.x"),
                List.of("arm64"), 10, null, null, null);
        LayerInfo alpha = new LayerInfo("alpha", ref.layerArn(), "us-east-1", List.of(v3));
        asyncFx(() -> state.layerProperty().set(LayerChoice.of(alpha))).get();
        assertThat(state.runtimeProperty().get()).isEqualTo(Runtime.parse("python3.11"));
        assertThat(state.architectureProperty().get()).isEqualTo(Architecture.ARM64);

        asyncFx(() -> state.layerProperty().set(LayerChoice.newLayer("fresh"))).get();
        assertThat(state.runtimeProperty().get()).isEqualTo(Runtime.parse("python3.12"));
        assertThat(state.architectureProperty().get()).isEqualTo(Architecture.X86_64);
    }

    @Test
    void deprecatedRuntimesAreMarkedAndTheChosenOneExplained() throws Exception {
        asyncFx(() -> vm.useClock(java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T10:00:00Z"),
                java.time.ZoneOffset.UTC))).get();
        assertThat(vm.runtimeChoices()).extracting(Runtime::id).startsWith("python3.14", "python3.13")
                .containsSubsequence("python3.10", "python3.9", "nodejs24.x", "nodejs22.x", "nodejs20.x")
                .endsWith("nodejs18.x");
        assertThat(vm.runtimeLabel(Runtime.parse("nodejs18.x"))).isEqualTo("nodejs18.x (updates blocked)");
        // nodejs20.x: deprecated 2026-04-30, updates blocked from 2026-09-30
        assertThat(vm.runtimeLabel(Runtime.parse("nodejs20.x"))).isEqualTo("nodejs20.x (updates blocked)");
        assertThat(vm.runtimeLabel(Runtime.parse("nodejs22.x"))).isEqualTo("nodejs22.x");
        assertThat(vm.runtimeLabel(Runtime.parse("python3.14"))).isEqualTo("python3.14");
        assertThat(vm.runtimeLabel(Runtime.parse("python3.9"))).isEqualTo("python3.9 (updates blocked)");
        assertThat(vm.runtimeNoteProperty().get()).isEmpty();
        asyncFx(() -> state.runtimeProperty().set(Runtime.parse("python3.9"))).get();
        assertThat(vm.runtimeNoteProperty().get()).startsWith("python3.9 is deprecated (since 2025-12-15)");

        asyncFx(() -> vm.useClock(java.time.Clock.fixed(java.time.Instant.parse("2025-12-01T10:00:00Z"),
                java.time.ZoneOffset.UTC))).get();
        assertThat(vm.runtimeLabel(Runtime.parse("python3.9"))).isEqualTo("python3.9");
        assertThat(vm.runtimeNoteProperty().get()).isEmpty();
    }

    @Test
    void aNodeRuntimeTakesNpmPackagesAndAPackageJson() throws Exception {
        asyncFx(() -> state.runtimeProperty().set(Runtime.parse("nodejs22.x"))).get();
        assertThat(vm.isNode()).isTrue();
        asyncFx(() -> vm.requirementsProperty().set("sharp@0.34.4\n@aws-sdk/client-s3\nlodash@^4  # utilities\n")).get();
        assertThat(vm.problemTextProperty().get()).isEmpty();
        assertThat(vm.canInstallProperty().get()).isTrue();
        asyncFx(() -> vm.requirementsProperty().set("sharp==0.34.4\n")).get();
        assertThat(vm.canInstallProperty().get()).isFalse();
        assertThat(vm.problemTextProperty().get()).contains("Line 1:", "sharp@0.34.4");
        // the same text is a fine pip requirement: switching to Python re-checks it
        asyncFx(() -> state.runtimeProperty().set(Runtime.parse("python3.12"))).get();
        assertThat(vm.problemTextProperty().get()).isEmpty();

        Requirements r = ContentsViewModel.requirementsOf("-r /work/app/package.json\nlodash@4.17.21\n",
                Runtime.parse("nodejs20.x"));
        assertThat(r.files()).containsExactly(java.nio.file.Path.of("/work/app/package.json"));
        assertThat(r.lines()).containsExactly("lodash@4.17.21");
    }

    @Test
    void installIsOfferedOnlyForRequirementsPipWouldRead() throws Exception {
        assertThat(vm.canInstallProperty().get()).isFalse();
        asyncFx(() -> vm.requirementsProperty().set("--no-index\n")).get();
        assertThat(vm.canInstallProperty().get()).as("options alone install nothing").isFalse();
        asyncFx(() -> vm.requirementsProperty().set("requests=2\n")).get();
        assertThat(vm.canInstallProperty().get()).isFalse();
        assertThat(vm.problemTextProperty().get()).startsWith("Line 1:");
        asyncFx(() -> vm.requirementsProperty().set("requests==2  # the HTTP one\n")).get();
        assertThat(vm.canInstallProperty().get()).isTrue();
        assertThat(ContentsViewModel.requirementsOf("requests==2  # the HTTP one\n").lines())
                .containsExactly("requests==2");
    }

    @Test
    void aLoadedFilesRelativePathsPointNextToIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("proj"));
        Path file = Files.writeString(dir.resolve("requirements.txt"),
                "-r base.txt\n--find-links ./wheels\n--extra-index-url https://x.example/simple\nrequests\n");
        asyncFx(() -> vm.loadRequirements(file)).get();
        waitFor(10, TimeUnit.SECONDS, () -> !vm.requirementsProperty().get().isEmpty());
        assertThat(vm.requirementsProperty().get().lines()).containsExactly(
                "-r " + dir.resolve("base.txt"), "--find-links " + dir.resolve("wheels"),
                "--extra-index-url https://x.example/simple", "requests");
        assertThat(vm.statusProperty().get()).isEqualTo("Loaded requirements.txt: 1 requirement.");
    }

    @Test
    void theInstalledVersionsCanBeSavedAsPins() throws Exception {
        dev.layerstudio.testing.Wheels wheels = new dev.layerstudio.testing.Wheels(tmp.resolve("wheels"));
        wheels.pure("purepkg", "1.0", java.util.Map.of("purepkg/__init__.py", ""), "helperpkg");
        wheels.pure("helperpkg", "2.1", java.util.Map.of("helperpkg/__init__.py", ""));
        wheels.sdist("srconly", "1.0");
        assertThat(vm.canSavePinsProperty().get()).isFalse();
        asyncFx(() -> {
            vm.requirementsProperty().set(wheels.indexLines() + "purepkg\nsrconly\n");
            vm.install();
        }).get();
        waitFor(60, TimeUnit.SECONDS, () -> vm.canSavePinsProperty().get());
        assertThat(vm.statusProperty().get()).startsWith("Installed 3 packages for python3.12 · x86_64 with ")
                .endsWith(" srconly was built from its source archive on this machine (pure Python: "
                        + "srconly-1.0-py3-none-any.whl).");
        Path pins = tmp.resolve("pins").resolve("requirements.txt");
        asyncFx(() -> vm.savePins(pins)).get();
        waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Saved"));
        assertThat(vm.statusProperty().get()).isEqualTo("Saved the 3 installed versions to requirements.txt.");
        assertThat(Files.readAllLines(pins)).containsExactly(
                "# Installed by Layer Studio for python3.12 x86_64; build again with -r this file.",
                "helperpkg==2.1", "purepkg==1.0", "srconly==1.0");
    }

    @Test
    void aLockFileIsGivenWholeAndWhatItPinsIsSaid() throws Exception {
        Path lock = Path.of(getClass().getResource("/dev/layerstudio/build/inputs/poetry/poetry.lock").toURI());
        asyncFx(() -> vm.loadRequirements(lock)).get();
        waitFor(10, TimeUnit.SECONDS, () -> !vm.requirementsProperty().get().isEmpty());
        assertThat(vm.requirementsProperty().get().strip()).isEqualTo("-r " + lock);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Loaded poetry.lock: 2 packages pinned with hashes, group main.");
        assertThat(vm.canInstallProperty().get()).isTrue();

        Path broken = Files.writeString(tmp.resolve("uv.lock"), "version = 1\n[[package]]\nname = \"x\"\n");
        asyncFx(() -> vm.loadRequirements(broken)).get();
        waitFor(10, TimeUnit.SECONDS, () -> vm.failedProperty().get());
        assertThat(vm.statusProperty().get()).startsWith("uv.lock names no project of its own");
        assertThat(vm.requirementsProperty().get().strip()).as("the editor keeps what it had").isEqualTo("-r " + lock);
    }
}
