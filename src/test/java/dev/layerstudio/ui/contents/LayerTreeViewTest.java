package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layer tree as drawn: Delete says what went and leaves the selection on a neighbour; after
 * slimming (done on the Inspect step while this page is hidden) rows of one level line up and
 * the emptied rows below the last show no arrows.
 */
@ExtendWith(ApplicationExtension.class)
class LayerTreeViewTest {

    @TempDir
    Path tmp;

    private AppExecutor executor;
    private WizardState state;
    private final DefaultLayerBuilder builder = new DefaultLayerBuilder();

    @Start
    void start(Stage stage) throws Exception {
        executor = new AppExecutor(2);
        state = new WizardState(executor::execute);
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        ContentsViewModel vm = new ContentsViewModel(state, builder, executor, bundle);
        state.contentProperty().set(SampleLayer.build(tmp, builder, null));
        StepPage.show(stage, Step.CONTENTS, ContentsController.class, () -> new ContentsController(vm), Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
        state.close();
    }

    @Test
    void deleteSaysWhatWentAndSelectsTheNextRow(FxRobot robot) throws Exception {
        TreeView<ContentNode> tree = robot.lookup("#contentTree").query();
        robot.interact(() -> {
            item(tree, "python/requests").setExpanded(true);
            tree.getSelectionModel().select(item(tree, "python/requests/api.py"));
            tree.requestFocus();
        });
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state.contentProperty().get().contains("python/requests/api.py")).isFalse();
        assertThat(robot.lookup("#treeStatus").queryLabeled().getText())
                .isEqualTo("Removed python/requests/api.py. Undo (Ctrl+Z) puts it back.");
        // the row after it, in the same folder
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().path()).isEqualTo("python/requests/sessions.py");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        // the last file of the folder gone: the one before it
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().path()).isEqualTo("python/requests/__init__.py");
    }

    @Test
    void rowsOfOneLevelLineUpAfterSlimming(FxRobot robot) throws Exception {
        TreeView<ContentNode> tree = robot.lookup("#contentTree").query();
        robot.interact(() -> item(tree, "python/requests").setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(indents(robot, tree)).allSatisfy((level, xs) -> assertThat(xs).as("level " + level).hasSize(1));

        // slimming takes out boto3, botocore and the caches: rows that showed files now show folders
        LayerContent before = state.contentProperty().get();
        LayerContent slim = builder.applySlimming(before, builder.previewSlimming(before,
                EnumSet.of(SlimRule.PYCACHE, SlimRule.TESTS, SlimRule.BOTO3)));
        // as in the window: slimmed on the Inspect step, while this page is not shown, then back here
        javafx.scene.Scene scene = tree.getScene();
        javafx.scene.Parent page = scene.getRoot();
        robot.interact(() -> scene.setRoot(new javafx.scene.layout.StackPane()));
        robot.interact(() -> state.contentProperty().set(slim));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scene.setRoot(page));
        waitFor(5, TimeUnit.SECONDS, () -> item(tree, "python/boto3") == null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                StepPage.snapshot(scene, Path.of("target", "screenshots", "contents-tree-slimmed.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Map<Integer, Set<Long>> after = indents(robot, tree);
        assertThat(after).isNotEmpty();
        assertThat(after).allSatisfy((level, xs) -> assertThat(xs).as("level " + level).hasSize(1));
        // the rows below the last show nothing, not the arrows of the folders they showed before
        AtomicReference<Long> ghostArrows = new AtomicReference<>();
        robot.interact(() -> ghostArrows.set(tree.lookupAll(".content-cell").stream()
                .map(n -> (TreeCell<?>) n).filter(c -> c.isVisible() && c.isEmpty() && c.getDisclosureNode() != null
                        && c.getDisclosureNode().isVisible() && c.getDisclosureNode().getParent() != null)
                .count()));
        assertThat(ghostArrows.get()).isZero();
    }

    /**
     * requests and pandas, python/ open, then the byte-code caches slimmed away (Inspect's fix)
     * while this page is hidden: every row shows the tree's own item for its place, and rows of
     * one depth (counted from the path, not from the row's tree item) start at one x. This is
     * where a *.dist-info row was reported a level to the left; it does not happen here (a
     * TreeCell keeps its old TreeItem when its index and value are unchanged, so a stale item is
     * what such a row would show, and this checks for one).
     */
    @Test
    void unchangedRowsFollowTheTreeAfterSlimmingARealLayer(FxRobot robot) throws Exception {
        LayerContent real = SampleLayer.requestsAndPandas(tmp.resolve("real"), builder);
        TreeView<ContentNode> tree = robot.lookup("#contentTree").query();
        robot.interact(() -> state.contentProperty().set(real));
        waitFor(5, TimeUnit.SECONDS, () -> item(tree, "python") != null);
        robot.interact(() -> item(tree, "python").setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowsByDepth(robot, tree)).allSatisfy((depth, xs) -> assertThat(xs).as("depth " + depth).hasSize(1));

        LayerContent slim = builder.applySlimming(real, builder.previewSlimming(real, EnumSet.of(SlimRule.PYCACHE)));
        javafx.scene.Scene scene = tree.getScene();
        javafx.scene.Parent page = scene.getRoot();
        robot.interact(() -> scene.setRoot(new javafx.scene.layout.StackPane()));
        robot.interact(() -> state.contentProperty().set(slim));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scene.setRoot(page));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                StepPage.snapshot(scene, Path.of("target", "screenshots", "contents-tree-slimmed-real.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> stale = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (var node : tree.lookupAll(".content-cell")) {
                TreeCell<?> cell = (TreeCell<?>) node;
                if (cell.isVisible() && !cell.isEmpty() && cell.getTreeItem() != tree.getTreeItem(cell.getIndex())) {
                    stale.add(cell.getIndex() + " " + ((ContentNode) cell.getItem()).path());
                }
            }
        });
        assertThat(stale).as("rows showing an item of the tree before slimming").isEmpty();
        Map<Integer, Set<Long>> after = rowsByDepth(robot, tree);
        assertThat(after).containsKeys(1, 2);
        assertThat(after).allSatisfy((depth, xs) -> assertThat(xs).as("depth " + depth).hasSize(1));
    }

    /** For each depth of path (python = 1, python/pandas = 2), the x positions where the folder rows' names start. */
    private static Map<Integer, Set<Long>> rowsByDepth(FxRobot robot, TreeView<ContentNode> tree) {
        AtomicReference<Map<Integer, Set<Long>>> out = new AtomicReference<>();
        robot.interact(() -> {
            Map<Integer, Set<Long>> byDepth = new HashMap<>();
            for (var node : tree.lookupAll(".content-cell")) {
                TreeCell<?> cell = (TreeCell<?>) node;
                if (cell.isVisible() && cell.getItem() instanceof ContentNode n && n.directory()
                        && cell.getGraphic() != null && cell.getGraphic().isVisible()) {
                    byDepth.computeIfAbsent(n.path().split("/").length, l -> new TreeSet<>())
                            .add(Math.round(cell.getGraphic().localToScene(0, 0).getX()));
                }
            }
            out.set(byDepth);
        });
        return out.get();
    }

    /** For each level, the x positions (rounded) where the folder rows' names start. */
    private static Map<Integer, Set<Long>> indents(FxRobot robot, TreeView<ContentNode> tree) {
        AtomicReference<Map<Integer, Set<Long>>> out = new AtomicReference<>();
        robot.interact(() -> {
            Map<Integer, Set<Long>> byLevel = new HashMap<>();
            for (var node : tree.lookupAll(".content-cell")) {
                TreeCell<?> cell = (TreeCell<?>) node;
                if (cell.isVisible() && cell.getItem() instanceof ContentNode n && n.directory()
                        && cell.getGraphic() != null && cell.getGraphic().isVisible()) {
                    int level = tree.getTreeItemLevel(cell.getTreeItem());
                    byLevel.computeIfAbsent(level, l -> new TreeSet<>())
                            .add(Math.round(cell.getGraphic().localToScene(0, 0).getX()));
                }
            }
            out.set(byLevel);
        });
        return out.get();
    }

    private static TreeItem<ContentNode> item(TreeView<ContentNode> tree, String path) {
        TreeItem<ContentNode> item = tree.getRoot();
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length && item != null; i++) {
            String wanted = String.join("/", List.of(parts).subList(0, i + 1));
            item = item.getChildren().stream().filter(c -> c.getValue().path().equals(wanted)).findFirst()
                    .orElse(null);
        }
        return item;
    }
}
