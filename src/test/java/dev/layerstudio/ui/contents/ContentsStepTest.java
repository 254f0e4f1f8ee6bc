package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.shell.ControllerFactory;
import dev.layerstudio.ui.shell.ViewLoader;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Contents page driven through its real controls: real pip on local wheels, desktop drops, tree edits. */
@ExtendWith(ApplicationExtension.class)
class ContentsStepTest {

    @TempDir
    Path tmp;

    private AppExecutor executor;
    private WizardState state;
    private ContentsViewModel vm;

    @Start
    void start(Stage stage) {
        executor = new AppExecutor(2);
        state = new WizardState(executor::execute);
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        vm = new ContentsViewModel(state, new DefaultLayerBuilder(), executor, bundle);
        ControllerFactory factory = new ControllerFactory()
                .register(ContentsController.class, () -> new ContentsController(vm));
        Parent root = new ViewLoader(factory, bundle).load("/dev/layerstudio/ui/contents/contents.fxml").root();
        Scene scene = new Scene(root, 1100, 720);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        state.close();
    }

    @Test
    void installsFromLocalWheelsWithProgressAndALiveLog(FxRobot robot) throws Exception {
        Wheels wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("tinypkg", "1.0", Map.of("tinypkg/__init__.py", "from tinydep import X\n"), "tinydep>=1");
        wheels.pure("tinydep", "1.2", Map.of("tinydep/__init__.py", "X = 2\n"));
        TextArea area = robot.lookup("#requirementsArea").queryAs(TextArea.class);
        Button install = robot.lookup("#installButton").queryButton();
        ProgressBar bar = robot.lookup("#installProgress").queryAs(ProgressBar.class);

        // Checked as typed: a single '=' is what pip would reject.
        robot.interact(() -> area.setText(wheels.indexLines()));
        robot.clickOn(area).press(KeyCode.CONTROL).press(KeyCode.END).release(KeyCode.END).release(KeyCode.CONTROL);
        robot.write("tinypkg=1.0");
        Label problems = robot.lookup("#requirementsProblems").queryAs(Label.class);
        assertThat(problems.getText()).contains("Line 3").contains("tinypkg==1.0");
        assertThat(install.isDisabled()).isTrue();
        robot.eraseText(3).write("=1.0");
        assertThat(problems.getText()).isEmpty();
        assertThat(install.isDisabled()).isFalse();

        AtomicBoolean barShown = new AtomicBoolean();
        List<Boolean> logWhileInstalling = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            vm.installingProperty().addListener((o, a, now) -> {
                if (now) {
                    barShown.set(bar.isVisible());
                }
            });
            vm.log().addListener((ListChangeListener<String>) c -> logWhileInstalling.add(vm.installingProperty().get()));
        });
        robot.clickOn(install);
        waitFor(90, TimeUnit.SECONDS, () -> state.installationProperty().get() != null && !vm.installingProperty().get());

        assertThat(barShown).isTrue();
        assertThat(logWhileInstalling).contains(true);
        assertThat(vm.log()).anyMatch(l -> l.startsWith("$ ")).anyMatch(l -> l.contains("tinypkg"));
        LayerContent content = state.contentProperty().get();
        assertThat(content.contains("python/tinypkg/__init__.py")).isTrue();
        assertThat(content.contains("python/tinydep/__init__.py")).isTrue();
        assertThat(robot.lookup("#installStatus").queryLabeled().getText()).contains("Installed 2 packages")
                .contains("python3.12").contains("x86_64");
        // the tree shows the new rows on its next layout
        waitFor(10, TimeUnit.SECONDS, () -> cell(robot, "python/tinypkg") != null);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(bar.isVisible()).isFalse();
    }

    @Test
    void cancelStopsAnInstallThatHangsAndLeavesTheTreeAlone(FxRobot robot) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept()); // never answers
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            TextArea area = robot.lookup("#requirementsArea").queryAs(TextArea.class);
            robot.interact(() -> area.setText("--no-index\n--find-links http://127.0.0.1:" + silent.getLocalPort()
                    + "/simple/\ntinypkg\n"));
            robot.clickOn("#installButton");
            waitFor(60, TimeUnit.SECONDS, () -> !held.isEmpty());
            Button cancel = robot.lookup("#cancelInstall").queryButton();
            assertThat(cancel.isDisabled()).isFalse();
            assertThat(robot.lookup("#installProgress").query().isVisible()).isTrue();

            robot.clickOn(cancel);
            waitFor(30, TimeUnit.SECONDS, () -> !vm.installingProperty().get());
            assertThat(robot.lookup("#installStatus").queryLabeled().getText()).contains("cancelled");
            assertThat(state.installationProperty().get()).isNull();
            assertThat(state.contentProperty().get()).isNull();
            assertThat(robot.lookup("#installButton").queryButton().isDisabled()).isFalse();
            assertThat(cancel.isDisabled()).isTrue();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void foldersDroppedFromTheDesktopLandUnderPythonOrInTheFolderDroppedOn(FxRobot robot) throws Exception {
        Path mylib = folder("src/mylib", Map.of("__init__.py", "", "util.py", "def f():\n    return 1\n"));
        Path data = folder("assets/data", Map.of("config.json", "{}"));

        AtomicReference<TransferMode> mode = new AtomicReference<>();
        Node tree = robot.lookup("#contentTree").query();
        robot.interact(() -> mode.set(DesktopDrop.dropFiles(tree, List.of(mylib.toFile()))));
        assertThat(mode.get()).isEqualTo(TransferMode.COPY);
        waitFor(20, TimeUnit.SECONDS, () -> has("python/mylib/util.py"));
        assertThat(node("python/mylib").isUser()).isTrue();

        waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "python/mylib") != null);
        // the row says whose it is: the user's own folder, with its badge
        assertThat(kinds(cell(robot, "python/mylib"))).containsExactly("user");
        assertThat(shownTexts(cell(robot, "python/mylib"))).contains("mylib", "yours");
        robot.interact(() -> mode.set(DesktopDrop.dropFiles(cell(robot, "python/mylib"), List.of(data.toFile()))));
        assertThat(mode.get()).isEqualTo(TransferMode.COPY);
        waitFor(20, TimeUnit.SECONDS, () -> has("python/mylib/data/config.json"));
        assertThat(robot.lookup("#treeSummary").queryLabeled().getText()).startsWith("3 files");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void nodesMoveByDragAndAreRenamedDeletedAndUndone(FxRobot robot) throws Exception {
        Path mylib = folder("src/mylib", Map.of("__init__.py", "", "util.py", "X = 1\n"));
        Path handlers = folder("src/handlers", Map.of("h.py", "def handler(e, c):\n    return e\n"));
        Node tree = robot.lookup("#contentTree").query();
        robot.interact(() -> DesktopDrop.dropFiles(tree, List.of(mylib.toFile(), handlers.toFile())));
        waitFor(20, TimeUnit.SECONDS, () -> has("python/handlers/h.py") && has("python/mylib/util.py"));
        waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "python/handlers") != null);

        // Move: drag a row onto a folder row.
        robot.drag(cell(robot, "python/handlers")).dropTo(cell(robot, "python/mylib"));
        waitFor(10, TimeUnit.SECONDS, () -> has("python/mylib/handlers/h.py"));
        assertThat(has("python/handlers")).isFalse();

        // Rename in place: F2 selects the name without its extension.
        robot.interact(() -> expand(robot, "python/mylib"));
        waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "python/mylib/util.py") != null);
        robot.clickOn(cell(robot, "python/mylib/util.py")).type(KeyCode.F2).write("helpers").type(KeyCode.ENTER);
        waitFor(5, TimeUnit.SECONDS, () -> has("python/mylib/helpers.py"));
        assertThat(has("python/mylib/util.py")).isFalse();

        // Delete with the key, then undo twice: the delete, then the rename.
        waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "python/mylib/helpers.py") != null);
        robot.clickOn(cell(robot, "python/mylib/helpers.py")).type(KeyCode.DELETE);
        waitFor(5, TimeUnit.SECONDS, () -> !has("python/mylib/helpers.py"));
        // a row left without a node shows nothing of the one it showed before
        waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "python/mylib/helpers.py") == null);
        robot.interact(() -> assertThat(robot.lookup(".content-cell").queryAllAs(TreeCell.class))
                .filteredOn(TreeCell::isEmpty).isNotEmpty()
                .allSatisfy(c -> assertThat(shownTexts((TreeCell<?>) c)).isEmpty()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> has("python/mylib/helpers.py"));
        robot.clickOn("#undoButton");
        waitFor(5, TimeUnit.SECONDS, () -> has("python/mylib/util.py"));
        assertThat(has("python/mylib/helpers.py")).isFalse();
        assertThat(has("python/mylib/handlers/h.py")).isTrue();
    }

    @Test
    void conflictsAreShownAndTheUserChoosesWhichFileWins(FxRobot robot) throws Exception {
        Path first = folder("one/mylib", Map.of("x.py", "X = 1\n", "y.py", "Y = 1\n"));
        Path second = folder("two/mylib", Map.of("x.py", "X = 22\n", "y.py", "Y = 22\n"));
        Node tree = robot.lookup("#contentTree").query();
        robot.interact(() -> DesktopDrop.dropFiles(tree, List.of(first.toFile())));
        waitFor(20, TimeUnit.SECONDS, () -> has("python/mylib/x.py"));
        robot.interact(() -> DesktopDrop.dropFiles(tree, List.of(second.toFile())));
        waitFor(20, TimeUnit.SECONDS, () -> state.contentProperty().get().conflicts().size() == 2);

        Node banner = robot.lookup("#conflictBanner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#conflictLabel").queryLabeled().getText()).startsWith("2 files");
        assertThat(vm.validProperty().get()).isFalse();

        // One by the row's menu: the first copy wins.
        robot.clickOn("#showConflict");
        waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "python/mylib/x.py") != null);
        // Monocle turns a secondary click into no context-menu request; send the one glass sends.
        TreeCell<ContentNode> conflicted = cell(robot, "python/mylib/x.py");
        assertThat(kinds(conflicted)).containsExactly("conflict");
        assertThat(shownTexts(conflicted)).contains("x.py", "2 sources");
        robot.rightClickOn(conflicted);
        robot.interact(() -> {
            javafx.geometry.Point2D at = conflicted.localToScreen(20, 8);
            javafx.event.Event.fireEvent(conflicted, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 8, at.getX(), at.getY(), false,
                    null));
        });
        String wanted = "Use your file " + first.resolve("x.py");
        robot.clickOn(robot.lookup(".context-menu .menu-item").match((Node n) ->
                n instanceof com.sun.javafx.scene.control.ContextMenuContent.MenuItemContainer c
                        && wanted.equals(c.getItem().getText())).queryAs(Node.class));
        waitFor(5, TimeUnit.SECONDS, () -> state.contentProperty().get().conflicts().size() == 1);
        assertThat(node("python/mylib/x.py").source().file()).isEqualTo(first.resolve("x.py").toAbsolutePath());

        // The rest at once.
        robot.clickOn("#keepMine");
        waitFor(5, TimeUnit.SECONDS, () -> state.contentProperty().get().conflicts().isEmpty());
        assertThat(banner.isVisible()).isFalse();
        assertThat(vm.validProperty().get()).isTrue();
    }

    // ---- helpers ----

    private Path folder(String relative, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(relative));
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    private boolean has(String path) {
        LayerContent c = state.contentProperty().get();
        return c != null && c.contains(path);
    }

    private ContentNode node(String path) {
        return state.contentProperty().get().node(path).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static TreeCell<ContentNode> cell(FxRobot robot, String path) {
        return robot.lookup(".content-cell").match((TreeCell<ContentNode> c) -> c.getItem() != null
                && c.getItem().path().equals(path) && c.isVisible()).tryQuery().map(n -> (TreeCell<ContentNode>) n)
                .orElse(null);
    }

    /** The kinds a row is marked with (its pseudo-classes among installed, user, conflict, folder). */
    private static List<String> kinds(TreeCell<?> cell) {
        return cell.getPseudoClassStates().stream().map(javafx.css.PseudoClass::getPseudoClassName)
                .filter(List.of("installed", "user", "conflict", "folder")::contains).toList();
    }

    /** The texts a row shows: those of its visible text nodes. */
    private static List<String> shownTexts(TreeCell<?> cell) {
        return cell.lookupAll("Text").stream().filter(ContentsStepTest::showing)
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private static boolean showing(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void expand(FxRobot robot, String path) {
        TreeCell<ContentNode> c = cell(robot, path);
        if (c != null) {
            c.getTreeItem().setExpanded(true);
        }
    }
}
