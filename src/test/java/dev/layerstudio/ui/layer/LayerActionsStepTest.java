package dev.layerstudio.ui.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.Confirm;
import dev.layerstudio.ui.MainWindow;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.connect.ConnectTarget;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Layer page's console parity in the real window against moto: deleting a version guarded
 * by its usage, its permissions, every region's layers, and the row menu with its keys.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class LayerActionsStepTest {

    @TempDir
    static Path home;

    private static MotoServer moto;
    private static AwsSession fixtures;
    private static String gamma1;
    private static String delta1;
    private static String euro1;

    private AppExecutor executor;
    private MainWindow window;

    @BeforeAll
    static void layers(MotoServer server) {
        moto = server;
        fixtures = server.session();
        MotoFixtures f = new MotoFixtures(server, fixtures.lambda());
        gamma1 = f.publishLayer("gamma-lib", Map.of("python/g.py", "G = 1\n"), "python3.12").layerVersionArn();
        f.publishLayer("gamma-lib", Map.of("python/g.py", "G = 2\n"), "python3.12");
        delta1 = f.publishLayer("delta-lib", Map.of("python/d.py", "D = 1\n"), "python3.12").layerVersionArn();
        f.createFunction("billing", "python3.12", List.of(gamma1));
        try (AwsSession eu = server.session("eu-west-1")) {
            euro1 = new MotoFixtures(server, eu.lambda()).publishLayer("euro-lib", Map.of("python/e.py", "E = 1\n"),
                    "python3.11").layerVersionArn();
        }
    }

    @AfterAll
    static void closeFixtures() {
        fixtures.close();
    }

    @Start
    void start(Stage stage) {
        AwsHome aws = new AwsHome(home.resolve("aws"))
                .config("[profile moto]\nregion = " + MotoServer.REGION + "\nendpoint_url = " + moto.endpoint() + "\n")
                .credentials("[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(2);
        window = new MainWindow(AppServices.with(executor, aws.connector(), uri -> { }), Theme.LIGHT);
        stage.setScene(window.scene());
        // the primary stage is shared by every test class of the run: an earlier one may have left it
        // narrower (at 1100 wide the version card reflows and its buttons sit under the footer)
        stage.setWidth(1240);
        stage.setHeight(680);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void deletingAUsedVersionNamesItsUsersAndIsRefusedUnlessConfirmedAnUnusedOneIsDeleted(FxRobot robot)
            throws Exception {
        TreeTableView<LayerRow> table = connectAndOpenLayerStep(robot);
        expand(robot, table, "gamma-lib");
        clickRow(robot, r -> r instanceof LayerRow.Version v && v.version().arn().equals(gamma1), MouseButton.PRIMARY);

        shoot(robot, "layer-version-actions");
        // the Delete key, as the menu says: the question names the version and who uses it
        robot.type(KeyCode.DELETE);
        List<String> lines = Confirm.no(robot);
        assertThat(lines).first().isEqualTo("billing uses it (layer 1 of 1).");
        assertThat(lines).contains("Functions that use a deleted version keep working, but it can no longer be added"
                + " to a function, and its number is never used again.");
        assertThat(robot.lookup("#layerActionStatus").queryLabeled().getText())
                .isEqualTo("gamma-lib version 1 is still used by 1 function: billing. It is deleted only if you"
                        + " confirm.");
        assertThat(versionsInMoto("gamma-lib")).containsExactly(2L, 1L);

        // version 2, from its row's menu: nobody uses it, and once confirmed it is gone, in moto and in the table
        clickRow(robot, r -> r instanceof LayerRow.Version v && v.version().version() == 2
                && v.layer().name().equals("gamma-lib"), MouseButton.SECONDARY);
        assertThat(menuText(robot, "menuDelete")).isEqualTo("Delete version 2…");
        robot.clickOn(menuItem(robot, "menuDelete"));
        assertThat(Confirm.yes(robot)).first().isEqualTo("No function in us-east-1 uses it.");
        waitFor(30, TimeUnit.SECONDS, () -> "Deleted gamma-lib version 2.".equals(
                robot.lookup("#layerActionStatus").queryLabeled().getText()));
        assertThat(versionsInMoto("gamma-lib")).containsExactly(1L);
        waitFor(30, TimeUnit.SECONDS, () -> {
            TreeItem<LayerRow> gamma = layer(table, "gamma-lib");
            return gamma != null && gamma.getChildren().size() == 1;
        });
        // the page reads who uses the version it now shows (version 1): let that finish before the window goes
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#usageStatus").queryLabeled().getText()
                .startsWith("1 function uses this version"));
        assertThat(robot.lookup("#versionArn").queryTextInputControl().getText()).isEqualTo(gamma1);
    }

    @Test
    void sharesListsAndRevokesAVersionsPermissions(FxRobot robot) throws Exception {
        TreeTableView<LayerRow> table = connectAndOpenLayerStep(robot);
        expand(robot, table, "delta-lib");
        clickRow(robot, r -> r instanceof LayerRow.Version v && v.version().arn().equals(delta1), MouseButton.PRIMARY);
        robot.clickOn("#permissionsButton");
        // the dialog opens on a later pulse: until it is there, there is no status to read
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#permissionsStatus").tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter("delta-lib version 1 is not shared with other accounts."::equals).isPresent());

        robot.clickOn("#shareId").write("12345");
        robot.clickOn("#shareButton");
        assertThat(robot.lookup("#permissionsStatus").queryLabeled().getText())
                .isEqualTo("'12345' is not an AWS account id (12 digits).");
        robot.clickOn("#shareId").eraseText(5).write("111122223333");
        robot.type(KeyCode.ENTER);
        ListView<?> grants = robot.lookup("#grantList").queryListView();
        waitFor(30, TimeUnit.SECONDS, () -> grants.getItems().size() == 1);
        assertThat(robot.lookup("#permissionsStatus").queryLabeled().getText())
                .isEqualTo("Shared delta-lib version 1 with Account 111122223333.");
        waitFor(5, TimeUnit.SECONDS, () -> grantCell(robot).isPresent());
        assertThat(grantCell(robot).orElseThrow().getText())
                .isEqualTo("Account 111122223333 · statement layer-studio-account-111122223333");
        assertThat(new SdkLayerService(fixtures).permissions("delta-lib", 1)).hasSize(1);
        shootDialog(robot, "#permissionsDialog", "layer-permissions");

        robot.clickOn(grantCell(robot).orElseThrow());
        robot.clickOn("#revokeGrant");
        assertThat(Confirm.yes(robot)).first().isEqualTo("Statement layer-studio-account-111122223333 is removed"
                + " from the version's policy.");
        waitFor(30, TimeUnit.SECONDS, () -> grants.getItems().isEmpty());
        assertThat(robot.lookup("#permissionsStatus").queryLabeled().getText())
                .isEqualTo("Revoked the grant to Account 111122223333 on delta-lib version 1.");
        assertThat(new SdkLayerService(fixtures).permissions("delta-lib", 1)).isEmpty();
    }

    @Test
    void allRegionsListsTheLayersOfEveryRegionWithTheirRegion(FxRobot robot) throws Exception {
        connectAndOpenLayerStep(robot);
        robot.clickOn("#allRegionsToggle");
        TreeTableView<LayerRow> all = robot.lookup("#allRegionsTable").query();
        waitFor(120, TimeUnit.SECONDS, () -> all.isVisible() && all.getRoot() != null
                && all.getRoot().getChildren().stream().anyMatch(i -> i.getValue().layer().name().equals("euro-lib")));
        assertThat(all.getRoot().getChildren()).extracting(i -> i.getValue().layer().name() + "@"
                + i.getValue().layer().region()).contains("euro-lib@eu-west-1", "delta-lib@us-east-1");
        assertThat(robot.lookup("#layerTable").query().isVisible()).isFalse();
        shoot(robot, "layer-all-regions");
        // the region is on each row, in words
        waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).containsAll(List.of("euro-lib", "eu-west-1", "delta-lib",
                "us-east-1")));
        assertThat(robot.lookup("#allRegionsStatus").queryLabeled().getText()).contains("regions read");

        // a row of another region can be copied and inspected, not made the next version here
        clickRow(robot, r -> r instanceof LayerRow.Layer l && l.layer().name().equals("euro-lib"),
                MouseButton.SECONDARY);
        assertThat(menuText(robot, "menuUse")).isEqualTo("Make the next version of euro-lib");
        assertThat(((com.sun.javafx.scene.control.ContextMenuContent.MenuItemContainer) menuItem(robot, "menuUse"))
                .getItem().isDisable()).isTrue();
        assertThat(menuText(robot, "menuUseWhyNot")).isEqualTo("Not here: this layer is in eu-west-1, and the next"
                + " version is published in us-east-1.");
        robot.clickOn(menuItem(robot, "menuCopyArn"));
        assertThat(clipboard(robot)).isEqualTo(euro1);

        robot.clickOn("#allRegionsToggle");
        assertThat(robot.lookup("#layerTable").query().isVisible()).isTrue();
    }

    @Test
    void theRowMenuCopiesTheArnAndTheKeyboardReachesIt(FxRobot robot) throws Exception {
        TreeTableView<LayerRow> table = connectAndOpenLayerStep(robot);
        expand(robot, table, "delta-lib");
        clickRow(robot, r -> r instanceof LayerRow.Version v && v.version().arn().equals(delta1),
                MouseButton.SECONDARY);
        assertThat(menuText(robot, "menuCopyArn")).isEqualTo("Copy ARN");
        robot.clickOn(menuItem(robot, "menuCopyArn"));
        assertThat(clipboard(robot)).isEqualTo(delta1);
        assertThat(robot.lookup("#layerActionStatus").queryLabeled().getText())
                .isEqualTo("Copied " + delta1 + " to the clipboard.");

        // without a mouse: the context-menu key opens the same menu on the chosen row
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(table::requestFocus);
        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menuText(robot, "menuInspect")).isEqualTo("Inspect version 1");
        // the menu opens with its first item, Copy ARN, focused: Enter chooses it
        robot.type(KeyCode.ENTER);
        assertThat(clipboard(robot)).isEqualTo(delta1);

        // and Ctrl+I opens the version in Inspect, before any layer of the wizard's own is built
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> window.wizard().current() == Step.INSPECT);
        assertThat(window.state().inspectRequestProperty().get()).isNull();
        // Inspect reads that version: moto gives no downloadable location, and the page says so of delta-lib:1
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#inspectStatus").queryLabeled().getText()
                .contains("delta-lib:1"));
    }

    // ---- helpers ----

    private static List<Long> versionsInMoto(String layer) {
        return new SdkLayerService(fixtures).listVersions(layer).stream().map(LayerVersionInfo::version).toList();
    }

    private void shoot(FxRobot robot, String name) throws java.io.IOException {
        var shot = new AtomicReference<javafx.scene.image.WritableImage>();
        robot.interact(() -> shot.set(window.scene().snapshot(null)));
        Path out = java.nio.file.Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot.get(), null), "png", out.toFile());
    }

    private static java.util.Optional<javafx.scene.control.ListCell<?>> grantCell(FxRobot robot) {
        return robot.lookup("#grantList .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .<javafx.scene.control.ListCell<?>>map(c -> c).filter(c -> c.getText() != null).findFirst();
    }

    private static void shootDialog(FxRobot robot, String id, String name) throws java.io.IOException {
        var shot = new AtomicReference<javafx.scene.image.WritableImage>();
        robot.interact(() -> shot.set(robot.lookup(id).query().getScene().snapshot(null)));
        Path out = java.nio.file.Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot.get(), null), "png", out.toFile());
    }

    private static List<String> cellTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.lookup("#allRegionsTable .tree-table-cell").queryAllAs(javafx.scene.control.IndexedCell.class)
                .forEach(c -> texts.add(c.getText()));
        return texts;
    }

    private static String clipboard(FxRobot robot) {
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        return clip.get();
    }

    private static TreeItem<LayerRow> layer(TreeTableView<LayerRow> table, String name) {
        return table.getRoot().getChildren().stream().filter(i -> i.getValue().layer().name().equals(name))
                .findFirst().orElse(null);
    }

    private static void expand(FxRobot robot, TreeTableView<LayerRow> table, String name) {
        robot.interact(() -> layer(table, name).setExpanded(true));
    }

    private TreeTableView<LayerRow> connectAndOpenLayerStep(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "moto".equals(c.getItem().label())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "moto".equals(c.getItem().label())).queryAs(Node.class));
        robot.clickOn("#connectButton");
        Button next = robot.lookup("#nextButton").queryButton();
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled());
        robot.clickOn(next);
        TreeTableView<LayerRow> table = robot.lookup("#layerTable").query();
        waitFor(30, TimeUnit.SECONDS, () -> table.getRoot() != null && table.getRoot().getChildren().size() >= 2);
        return table;
    }

    @SuppressWarnings("unchecked")
    private static void clickRow(FxRobot robot, Predicate<LayerRow> which, MouseButton button) {
        Node row = robot.lookup(".tree-table-row-cell").match((TreeTableRow<LayerRow> r) ->
                r.getItem() != null && which.test(r.getItem()) && r.isVisible()
                        && r.getTreeTableView().isVisible()).query();
        robot.clickOn(row, button);
        if (button == MouseButton.SECONDARY) {
            // Monocle turns a secondary click into no context-menu request; send the one glass sends
            robot.interact(() -> {
                javafx.geometry.Point2D at = row.localToScreen(30, 8);
                javafx.event.Event.fireEvent(row, new javafx.scene.input.ContextMenuEvent(
                        javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 30, 8, at.getX(), at.getY(), false,
                        null));
            });
        }
    }

    /** The shown row menu's item with this id (the menu's items carry their item's id). */
    private static Node menuItem(FxRobot robot, String id) throws Exception {
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".context-menu #" + id).tryQuery().isPresent());
        return robot.lookup(".context-menu #" + id).query();
    }

    private static String menuText(FxRobot robot, String id) throws Exception {
        return ((com.sun.javafx.scene.control.ContextMenuContent.MenuItemContainer) menuItem(robot, id)).getItem()
                .getText();
    }
}
