package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.asyncFx;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.Runtime;
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

/**
 * The Contents page's two status lines (the install's and the tree's) speak for the latest
 * action only: an action on either line takes what the other said away, a removal says what
 * went and that Undo puts it back, and another runtime clears what was said about the last one.
 */
class ContentsStatusTest {

    @TempDir
    Path tmp;

    private final AppExecutor executor = new AppExecutor(2);
    private WizardState state;
    private ContentsViewModel vm;
    private LayerTreeModel tree;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void model() throws Exception {
        state = new WizardState(executor::execute);
        vm = asyncFx(() -> new ContentsViewModel(state, new DefaultLayerBuilder(), executor,
                ResourceBundle.getBundle("dev.layerstudio.ui.messages"))).get();
        tree = vm.tree();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void eachLineSpeaksOnlyForTheLatestAction() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mylib"));
        Files.writeString(mine.resolve("a.py"), "A = 1\n");
        Files.writeString(mine.resolve("b.py"), "B = 2\n");
        asyncFx(() -> tree.add(List.of(mine), null)).get();
        waitFor(10, TimeUnit.SECONDS, () -> tree.statusProperty().get().startsWith("Added"));

        // a removal says what went, and that Undo puts it back
        asyncFx(() -> tree.remove(List.of("python/mylib/a.py"))).get();
        assertThat(tree.statusProperty().get()).isEqualTo("Removed python/mylib/a.py. Undo (Ctrl+Z) puts it back.");
        asyncFx(tree::undo).get();
        assertThat(tree.statusProperty().get()).isEqualTo("Undone.");
        assertThat(tree.content().contains("python/mylib/a.py")).isTrue();

        // an action on the install's line takes "Undone." away
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "requests==2.32.3\n");
        asyncFx(() -> vm.loadRequirements(requirements)).get();
        assertThat(tree.statusProperty().get()).isEmpty();
        waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Loaded"));

        // and an edit of the tree takes the install line's words away
        asyncFx(() -> tree.rename("python/mylib/b.py", "c.py")).get();
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(tree.statusProperty().get()).isEmpty();

        // what was said about one runtime goes when another is chosen
        asyncFx(() -> vm.loadRequirements(requirements)).get();
        waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Loaded"));
        asyncFx(() -> state.runtimeProperty().set(Runtime.parse("python3.11"))).get();
        assertThat(vm.statusProperty().get()).isEmpty();

        // a refused edit says why, and is itself replaced by the next action
        asyncFx(() -> tree.rename("python/mylib/c.py", "has/slash")).get();
        assertThat(tree.statusProperty().get()).isNotEmpty();
        asyncFx(() -> tree.remove(List.of("python/mylib/c.py"))).get();
        assertThat(tree.statusProperty().get()).startsWith("Removed python/mylib/c.py.");
    }
}
