package dev.layerstudio.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Start from version N": the engine's start into a folder, then the project opened into the wizard. */
class StartFromVersionViewModelTest {

    @TempDir
    Path tmp;

    private final ResourceBundle text = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    private Path publishedZip() throws Exception {
        Path zip = tmp.resolve("v3.zip");
        Map<String, String> files = new TreeMap<>();
        files.put("python/six.py", "X = 1\n");
        files.put("python/six-1.16.0.dist-info/RECORD", "six.py,,\nsix-1.16.0.dist-info/RECORD,,\n"
                + "six-1.16.0.dist-info/METADATA,,\n");
        files.put("python/six-1.16.0.dist-info/METADATA", "Name: six\nVersion: 1.16.0\n");
        files.put("python/handlers/app.py", "import six\n");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    private static LayerChoice deps(int... numbers) {
        List<LayerVersionInfo> versions = java.util.Arrays.stream(numbers).mapToObj(n -> new LayerVersionInfo(
                LayerVersionRef.parse("arn:aws:lambda:us-east-1:123456789012:layer:deps:" + n), "Deps v" + n, "MIT",
                List.of("python3.11"), List.of("arm64"), 100, "sha", Instant.EPOCH, null)).toList();
        return LayerChoice.of(new LayerInfo("deps", "arn:aws:lambda:us-east-1:123456789012:layer:deps", "us-east-1",
                versions));
    }

    @Test
    void theChosenVersionIsWrittenAsAProjectAndOpenedIntoContents() throws Exception {
        Path zip = publishedZip();
        WizardState state = new WizardState(Runnable::run);
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        StartFromVersionViewModel vm = new StartFromVersionViewModel(state, new Inspector(tmp.resolve("cache")),
                v -> new LayerSource.LocalZip(zip), executor, text);
        assertThat(vm.availableProperty().get()).isFalse(); // a new layer has no version to start from
        state.layerProperty().set(deps(2, 3));
        assertThat(vm.versions()).extracting(LayerVersionInfo::version).containsExactly(3L, 2L);
        assertThat(vm.chosenProperty().get().version()).isEqualTo(3);
        ProjectViewModel project = new ProjectViewModel(state, new ProjectViewModel.Services(new DefaultLayerBuilder(),
                null, executor, new RecentProjects(tmp.resolve("settings")),
                new ProjectRecovery(tmp.resolve("settings")), new ProjectViewModelTest.ManualDebouncer(),
                Clock.systemUTC()), text);
        AtomicReference<Path> written = new AtomicReference<>();
        vm.onProjectWritten(file -> {
            written.set(file);
            project.open(file);
        });
        Path dir = tmp.resolve("work/deps");

        vm.start(dir);

        assertThat(vm.failedProperty().get()).as(vm.statusProperty().get()).isFalse();
        assertThat(written.get()).isEqualTo(dir.resolve(ProjectFile.DEFAULT_NAME));
        assertThat(vm.statusProperty().get()).contains("version 3").contains("1 package(s) pinned");
        LayerProject p = ProjectFile.read(written.get()).project();
        assertThat(p.layerName()).isEqualTo("deps");
        assertThat(p.runtimes()).containsExactly("python3.11");
        assertThat(p.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(p.publish().description()).isEqualTo("Deps v3");
        assertThat(dir.resolve("requirements.txt")).content().contains("six==1.16.0");
        // Contents is filled: the pins, and the user's own code from layer-code/
        assertThat(state.requirementsProperty().get()).isEqualTo("-r " + dir.resolve("requirements.txt") + "\n");
        assertThat(state.contentProperty().get().contains("python/handlers/app.py")).isTrue();
        assertThat(state.layerProperty().get().isNew()).isFalse(); // still the existing layer, for the diff
        assertThat(project.dirtyProperty().get()).isFalse();
    }

    @Test
    void aFolderThatHoldsAProjectIsRefusedAndNothingIsWritten() throws Exception {
        Path zip = publishedZip();
        Path dir = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(dir.resolve(ProjectFile.DEFAULT_NAME), "version = 1\n");
        WizardState state = new WizardState(Runnable::run);
        state.layerProperty().set(deps(1));
        StartFromVersionViewModel vm = new StartFromVersionViewModel(state, new Inspector(tmp.resolve("cache")),
                v -> new LayerSource.LocalZip(zip), new SameThreadTaskExecutor(), text);
        AtomicReference<Path> written = new AtomicReference<>();
        vm.onProjectWritten(written::set);

        vm.start(dir);

        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("exists already");
        assertThat(written.get()).isNull();
        assertThat(dir.resolve("layer-code")).doesNotExist();
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
