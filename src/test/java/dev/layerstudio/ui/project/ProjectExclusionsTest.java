package dev.layerstudio.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.cli.Cli;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files deleted in the layer tree from inside a folder added as own code are the code entry's
 * {@code exclude}: saved, opened again without them, and built to the same bytes by the window and
 * by {@code build --project}.
 */
class ProjectExclusionsTest {

    @TempDir
    Path tmp;

    private Path repo;
    private final DefaultLayerBuilder builder = new DefaultLayerBuilder();
    private final ResourceBundle text = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @BeforeEach
    void files() throws Exception {
        repo = tmp.resolve("repo");
        for (Map.Entry<String, String> f : Map.of("src/mylib/__init__.py", "X = 1\n", "src/mylib/sub/keep.py",
                "K = 1\n", "src/mylib/sub/secret.py", "TOKEN = 'x'\n", "src/mylib/tests/test_x.py", "def test(): pass\n",
                "src/mylib/tests/data/big.json", "{}\n").entrySet()) {
            Files.createDirectories(repo.resolve(f.getKey()).getParent());
            Files.writeString(repo.resolve(f.getKey()), f.getValue());
        }
    }

    private ProjectViewModel model(WizardState state) {
        Path settings = tmp.resolve("settings");
        return new ProjectViewModel(state, new ProjectViewModel.Services(builder, null, new SameThreadTaskExecutor(),
                new RecentProjects(settings), new ProjectRecovery(settings), new ProjectViewModelTest.ManualDebouncer(),
                Clock.systemUTC()), text);
    }

    private Path project(List<String> exclude) {
        Path file = repo.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(new LayerProject("own", List.of("python3.12"), Architecture.X86_64, null,
                List.of(new LayerProject.Code("src/mylib", null, exclude)), Set.of(), null, null, null), file);
        return file;
    }

    private String windowSha(WizardState state, String name) throws Exception {
        return builder.zip(state.contentProperty().get(), tmp.resolve(name), ProgressListener.NONE).sha256Hex();
    }

    /** {@code build --project FILE -o ZIP} on the command line; the zip's SHA-256. */
    private String commandLineSha(Path file, String name) throws Exception {
        Path zip = tmp.resolve(name);
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "build", "--project",
                file.toString(), "-o", zip.toString());
        assertThat(code).as(err.toString()).isZero();
        return sha256(zip);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void deletedFilesAreSavedAsExclusionsAndTheReopenedProjectBuildsTheSameBytesAsTheCommandLine() throws Exception {
        Path file = project(List.of());
        WizardState state = new WizardState(Runnable::run);
        ProjectViewModel vm = model(state);
        vm.open(file);
        LayerContent opened = state.contentProperty().get();
        assertThat(opened.contains("python/mylib/sub/secret.py")).isTrue();

        // deleted in the Contents tree: one file, and a whole folder
        state.contentProperty().set(opened.removeAll(List.of("python/mylib/sub/secret.py", "python/mylib/tests")));
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.current(repo).code()).containsExactly(new LayerProject.Code("src/mylib", null,
                List.of("sub/secret.py", "tests")));
        // put back (Undo): nothing is left out any more
        state.contentProperty().set(opened);
        assertThat(vm.dirtyProperty().get()).isFalse();
        state.contentProperty().set(opened.removeAll(List.of("python/mylib/sub/secret.py", "python/mylib/tests")));
        String window = windowSha(state, "window.zip");

        vm.save(null);
        assertThat(Files.readString(file)).contains("version = 2", "exclude = ['sub/secret.py', 'tests']");
        assertThat(commandLineSha(file, "cli.zip")).isEqualTo(window);

        // opened again: the tree holds the folder without them, nothing unsaved, and the same bytes
        WizardState again = new WizardState(Runnable::run);
        ProjectViewModel reopened = model(again);
        reopened.open(file);
        LayerContent content = again.contentProperty().get();
        assertThat(content.contains("python/mylib/sub/keep.py")).isTrue();
        assertThat(content.contains("python/mylib/sub/secret.py")).isFalse();
        assertThat(content.contains("python/mylib/tests")).isFalse();
        assertThat(reopened.dirtyProperty().get()).isFalse();
        assertThat(windowSha(again, "again.zip")).isEqualTo(window);
        // another deletion adds to what the file already leaves out
        again.contentProperty().set(content.remove("python/mylib/sub/keep.py"));
        assertThat(reopened.current(repo).code().get(0).exclude()).containsExactly("sub/keep.py", "sub/secret.py",
                "tests");
    }

    @Test
    void aProjectWrittenWithExclusionsOpensAndBuildsWithoutThem() throws Exception {
        Path file = project(List.of("sub/secret.py"));
        WizardState state = new WizardState(Runnable::run);
        ProjectViewModel vm = model(state);
        vm.open(file);

        assertThat(state.contentProperty().get().contains("python/mylib/sub/secret.py")).isFalse();
        assertThat(state.contentProperty().get().contains("python/mylib/tests/data/big.json")).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.current(repo)).isEqualTo(ProjectFile.read(file).project());
        assertThat(windowSha(state, "window.zip")).isEqualTo(commandLineSha(file, "cli.zip"));
    }

    @Test
    void aFileThatLostAConflictToAnInstalledOneIsNotLeftOut() {
        Path mylib = repo.resolve("src/mylib").toAbsolutePath().normalize();
        LayerContent content = builder.add(LayerContent.empty(), new AddedPath(mylib, null));
        ContentSource.Installed installed = new ContentSource.Installed(tmp.resolve("site/keep.py"), 5, "otherpkg");
        content = content.add(ContentNode.file("python/mylib/sub/keep.py", installed));
        CodeExclusions exclusions = new CodeExclusions();
        assertThat(exclusions.of(content)).isEmpty();

        LayerContent settled = content.resolve("python/mylib/sub/keep.py", installed);
        assertThat(exclusions.of(settled)).isEmpty();
        assertThat(exclusions.of(settled.remove("python/mylib/sub/secret.py"))).containsExactly(
                Map.entry(mylib, List.of("sub/secret.py")));
    }
}
