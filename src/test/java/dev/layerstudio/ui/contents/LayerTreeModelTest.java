package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.asyncFx;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.ui.task.AppExecutor;
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

/** The layer tree's edits and undo, without a window (the toolkit only runs the background scan). */
class LayerTreeModelTest {

    @TempDir
    Path tmp;

    private final AppExecutor executor = new AppExecutor(2);
    private WizardState state;
    private LayerTreeModel tree;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void model() throws Exception {
        state = new WizardState(executor::execute);
        tree = asyncFx(() -> new LayerTreeModel(state, new DefaultLayerBuilder(), executor,
                ResourceBundle.getBundle("dev.layerstudio.ui.messages"))).get();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void addsUnderPythonOrIntoAFolderAndUndoesEachEditInTurn() throws Exception {
        Path lib = folder("mylib", "util.py", "a.py");
        Path data = folder("data", "config.json");
        asyncFx(() -> tree.add(List.of(lib), null)).get();
        waitFor(10, TimeUnit.SECONDS, () -> content().contains("python/mylib/util.py") && !tree.addingProperty().get());
        asyncFx(() -> tree.add(List.of(data), "python/mylib")).get();
        waitFor(10, TimeUnit.SECONDS, () -> content().contains("python/mylib/data/config.json"));
        long bytes = asyncFx(() -> tree.bytesOf(content().node("python/mylib").orElseThrow())).get();
        assertThat(bytes).isEqualTo(Files.size(lib.resolve("util.py")) + Files.size(lib.resolve("a.py"))
                + Files.size(data.resolve("config.json")));

        assertThat(asyncFx(() -> tree.moveInto(List.of("python/mylib/data"), "")).get()).isTrue();
        assertThat(content().contains("data/config.json")).isTrue();
        assertThat(asyncFx(() -> tree.rename("python/mylib/a.py", "b.py")).get()).isTrue();
        assertThat(asyncFx(() -> tree.remove(List.of("python/mylib/util.py"))).get()).isTrue();
        assertThat(content().contains("python/mylib/util.py")).isFalse();

        asyncFx(tree::undo).get();
        assertThat(content().contains("python/mylib/util.py")).isTrue();
        asyncFx(tree::undo).get();
        assertThat(content().contains("python/mylib/a.py")).isTrue();
        asyncFx(tree::undo).get();
        assertThat(content().contains("python/mylib/data/config.json")).isTrue();
        assertThat(tree.canUndoProperty().get()).isTrue();
    }

    @Test
    void refusedEditsChangeNothingAndSayWhy() throws Exception {
        asyncFx(() -> tree.createFolder("python")).get();
        assertThat(content().contains("python/new_folder")).isTrue();
        assertThat(tree.canMoveInto("python", "python/new_folder")).isFalse();
        LayerContent before = content();
        assertThat(asyncFx(() -> tree.moveInto(List.of("python"), "python/new_folder")).get()).isFalse();
        assertThat(asyncFx(() -> tree.rename("python/new_folder", "a/b")).get()).isFalse();
        assertThat(content()).isEqualTo(before);
        assertThat(tree.statusProperty().get()).contains("not a valid name");
    }

    @Test
    void conflictsBlockCompletionUntilSettledAndANewInstallKeepsTheUsersFiles() throws Exception {
        Path installed = folder("site/mylib", "x.py");
        Path mine = folder("src/mylib", "x.py", "extra.py");
        LayerContent fromPip = LayerContent.of(List.of(ContentNode.file("python/mylib/x.py",
                new ContentSource.Installed(installed.resolve("x.py"), 3, "mylib"))));
        asyncFx(() -> tree.replaceInstalled(fromPip)).get();
        asyncFx(() -> tree.add(List.of(mine), null)).get();
        waitFor(10, TimeUnit.SECONDS, () -> content().contains("python/mylib/extra.py"));
        assertThat(tree.conflicts()).extracting(ContentNode::path).containsExactly("python/mylib/x.py");
        assertThat(tree.completeProperty().get()).isFalse();

        assertThat(asyncFx(() -> tree.resolveAll(true)).get()).isTrue();
        assertThat(content().node("python/mylib/x.py").orElseThrow().isUser()).isTrue();
        assertThat(tree.completeProperty().get()).isTrue();

        // A fresh install: the installed file comes back beside the user's, as a conflict again.
        asyncFx(() -> tree.replaceInstalled(fromPip)).get();
        assertThat(content().contains("python/mylib/extra.py")).isTrue();
        assertThat(tree.conflicts()).hasSize(1);
        assertThat(tree.canUndoProperty().get()).isFalse();
        ContentSource installedSource = tree.conflicts().get(0).sources().stream()
                .filter(s -> !s.isUser()).findFirst().orElseThrow();
        assertThat(asyncFx(() -> tree.resolve("python/mylib/x.py", installedSource)).get()).isTrue();
        assertThat(content().node("python/mylib/x.py").orElseThrow().isUser()).isFalse();
    }

    private LayerContent content() {
        return tree.content();
    }

    private Path folder(String name, String... files) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (String f : files) {
            Files.writeString(dir.resolve(f), "# " + f + "\n");
        }
        return dir;
    }
}
