package dev.layerstudio.ui.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.MainWindow;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.connect.ConnectTarget;
import dev.layerstudio.ui.contents.DesktopDrop;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Layer step in the real window against moto, and the walk on into Contents (with screenshots). */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LayerStepTest {

    @TempDir
    static Path home;

    private static MotoServer moto;
    private static String alpha2;

    private AppExecutor executor;
    private MainWindow window;

    @BeforeAll
    static void layers(MotoServer server) {
        moto = server;
        try (AwsSession s = server.session()) {
            MotoFixtures f = new MotoFixtures(server, s.lambda());
            f.publishLayer("alpha-utils", Map.of("python/alpha/__init__.py", "A = 1\n"), "python3.11");
            alpha2 = f.publishLayer("alpha-utils", Map.of("python/alpha/__init__.py", "A = 2\n"), "python3.11",
                    "python3.13").layerVersionArn();
            f.publishLayer("beta-lib", Map.of("python/beta.py", "B = 1\n"), "python3.12");
            f.createFunction("orders-api", "python3.12", List.of(alpha2));
        }
    }

    @Start
    void start(Stage stage) {
        AwsHome aws = new AwsHome(home.resolve("aws"))
                .config("[profile moto]\nregion = " + MotoServer.REGION + "\nendpoint_url = " + moto.endpoint() + "\n")
                .credentials("[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(2);
        window = new MainWindow(AppServices.with(executor, aws.connector(), uri -> { }), Theme.LIGHT);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void listsLayersWithTheirVersionsAndWhoUsesAVersion(FxRobot robot) throws Exception {
        TreeTableView<LayerRow> table = connectAndOpenLayerStep(robot);
        assertThat(table.getRoot().getChildren()).extracting(i -> i.getValue().layer().name())
                .containsExactly("alpha-utils", "beta-lib");
        TreeItem<LayerRow> alpha = table.getRoot().getChildren().get(0);
        assertThat(alpha.getChildren()).extracting(i -> i.getValue().version().version()).containsExactly(2L, 1L);

        // a cell the column's width may cut keeps its whole value one hover away
        java.util.List<javafx.scene.control.IndexedCell<?>> cells = robot.lookup(".tree-table-cell")
                .match(javafx.scene.Node::isVisible).queryAllAs(javafx.scene.control.IndexedCell.class).stream()
                .<javafx.scene.control.IndexedCell<?>>map(c -> c)
                .filter(c -> c.getText() != null && !c.getText().isEmpty()).toList();
        assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.getTooltip()).as(c.getText())
                .isNotNull().extracting(javafx.scene.control.Tooltip::getText).isEqualTo(c.getText()));

        robot.interact(() -> alpha.setExpanded(true));
        clickRow(robot, r -> r instanceof LayerRow.Version v && v.version().arn().equals(alpha2));
        LayerChoice choice = window.state().layerProperty().get();
        assertThat(choice.name()).isEqualTo("alpha-utils");
        assertThat(choice.isNew()).isFalse();
        assertThat(robot.lookup("#choiceTitle").queryLabeled().getText()).isEqualTo("Next version of alpha-utils");
        assertThat(robot.lookup("#versionArn").queryTextInputControl().getText()).isEqualTo(alpha2);

        ListView<?> usage = robot.lookup("#usageList").queryListView();
        waitFor(30, TimeUnit.SECONDS, () -> !usage.getItems().isEmpty());
        assertThat(usage.getItems()).extracting(u -> ((dev.layerstudio.model.LayerUse) u).functionName())
                .containsExactly("orders-api");
        assertThat(robot.lookup("#usageStatus").queryLabeled().getText()).startsWith("1 function uses");

        // Search narrows the table; the choice stays.
        robot.clickOn("#layerSearch").write("beta");
        assertThat(table.getRoot().getChildren()).extracting(i -> i.getValue().layer().name())
                .containsExactly("beta-lib");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // adds a version the other tests do not expect: runs last
    void aVersionJustPublishedShowsWithItsOwnUsageWithoutRefresh(FxRobot robot) throws Exception {
        TreeTableView<LayerRow> table = connectAndOpenLayerStep(robot);
        TreeItem<LayerRow> alpha = table.getRoot().getChildren().get(0);
        // a cell the column's width may cut keeps its whole value one hover away
        java.util.List<javafx.scene.control.IndexedCell<?>> cells = robot.lookup(".tree-table-cell")
                .match(javafx.scene.Node::isVisible).queryAllAs(javafx.scene.control.IndexedCell.class).stream()
                .<javafx.scene.control.IndexedCell<?>>map(c -> c)
                .filter(c -> c.getText() != null && !c.getText().isEmpty()).toList();
        assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.getTooltip()).as(c.getText())
                .isNotNull().extracting(javafx.scene.control.Tooltip::getText).isEqualTo(c.getText()));

        robot.interact(() -> alpha.setExpanded(true));
        clickRow(robot, r -> r instanceof LayerRow.Version v && v.version().arn().equals(alpha2));
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#usageStatus").queryLabeled().getText()
                .startsWith("1 function uses"));

        // what Publish leaves: version 3, which one other function already runs
        String alpha3;
        try (AwsSession s = moto.session()) {
            MotoFixtures f = new MotoFixtures(moto, s.lambda());
            alpha3 = f.publishLayer("alpha-utils", Map.of("python/alpha/__init__.py", "A = 3\n"), "python3.12")
                    .layerVersionArn();
            f.createFunction("early-adopter", "python3.12", List.of(alpha3));
            var v3 = new dev.layerstudio.aws.SdkLayerService(s).latestVersion("alpha-utils").orElseThrow();
            robot.interact(() -> window.state().publishedProperty().set(new dev.layerstudio.model.PublishResult(
                    s.region(), dev.layerstudio.model.PublishResult.Status.PUBLISHED, v3, "direct", v3.codeSha256(),
                    v3.codeSize(), "Published.")));
        }
        waitFor(30, TimeUnit.SECONDS, () -> alpha3.equals(robot.lookup("#versionArn").queryTextInputControl()
                .getText()));
        assertThat(table.getRoot().getChildren().get(0).getChildren())
                .extracting(i -> i.getValue().version().version()).containsExactly(3L, 2L, 1L);
        ListView<?> usage = robot.lookup("#usageList").queryListView();
        waitFor(30, TimeUnit.SECONDS, () -> !usage.getItems().isEmpty());
        // "Used by" is version 3's: not orders-api, which runs version 2
        assertThat(usage.getItems()).extracting(u -> ((dev.layerstudio.model.LayerUse) u).functionName())
                .containsExactly("early-adopter");
    }

    @Test
    void aNewLayerNameIsCheckedAsItIsTyped(FxRobot robot) throws Exception {
        connectAndOpenLayerStep(robot);
        Label error = robot.lookup("#newLayerNameError").queryAs(Label.class);
        Button next = robot.lookup("#nextButton").queryButton();

        robot.clickOn("#newLayerName").write("my layer");
        assertThat(error.getText()).contains("only letters, digits");
        assertThat(window.state().layerProperty().get()).isNull();
        assertThat(next.isDisabled()).isTrue();

        robot.eraseText(8).write("alpha-utils");
        // a listed layer's name chooses that layer: its row is selected and its details shown
        assertThat(error.getText()).isEmpty();
        assertThat(window.state().layerProperty().get().name()).isEqualTo("alpha-utils");
        assertThat(window.state().layerProperty().get().isNew()).isFalse();
        TreeTableView<LayerRow> table = robot.lookup("#layerTable").query();
        assertThat(table.getSelectionModel().getSelectedItem().getValue().layer().name()).isEqualTo("alpha-utils");
        assertThat(robot.lookup("#versionTitle").queryLabeled().getParent().isVisible()).isTrue();
        assertThat(next.isDisabled()).isFalse();

        robot.eraseText(11).write("fresh_layer-2");
        assertThat(error.getText()).isEmpty();
        assertThat(window.state().layerProperty().get()).isEqualTo(LayerChoice.newLayer("fresh_layer-2"));
        assertThat(robot.lookup("#choiceTitle").queryLabeled().getText()).isEqualTo("New layer fresh_layer-2");
        assertThat(next.isDisabled()).isFalse();
        // the details panel goes with the selection
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();
        assertThat(robot.lookup("#versionTitle").queryLabeled().getParent().isVisible()).isFalse();
    }

    @Test
    void walksOnToContentsWhoseDefaultsComeFromTheLayer(FxRobot robot) throws Exception {
        TreeTableView<LayerRow> table = connectAndOpenLayerStep(robot);
        clickRow(robot, r -> r instanceof LayerRow.Layer l && l.layer().name().equals("alpha-utils"));
        waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#usageList").queryListView().getItems().isEmpty());
        robot.interact(() -> table.getRoot().getChildren().get(0).setExpanded(true));
        shoot(robot, "layer-light");
        robot.interact(() -> window.themeProperty().set(Theme.DARK));
        shoot(robot, "layer-dark");
        robot.interact(() -> window.themeProperty().set(Theme.LIGHT));

        robot.clickOn("#nextButton");
        assertThat(window.wizard().current()).isEqualTo(Step.CONTENTS);
        // The latest version names python3.11 and python3.13: the newest of them is the default.
        assertThat(window.state().runtimeProperty().get().id()).isEqualTo("python3.13");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();

        Wheels wheels = new Wheels(home.resolve("wheels"));
        wheels.pure("tinypkg", "1.0", Map.of("tinypkg/__init__.py", "from tinydep import X\n",
                "tinypkg/core.py", "def run():\n    return 1\n"), "tinydep>=1");
        wheels.pure("tinydep", "1.2", Map.of("tinydep/__init__.py", "X = 2\n"));
        TextArea area = robot.lookup("#requirementsArea").queryAs(TextArea.class);
        robot.interact(() -> area.setText(wheels.indexLines() + "tinypkg==1.0\n"));
        robot.clickOn("#installButton");
        waitFor(90, TimeUnit.SECONDS, () -> window.state().installationProperty().get() != null
                && !robot.lookup("#installButton").queryButton().isDisabled());

        Path mine = Files.createDirectories(home.resolve("src/handlers"));
        Files.writeString(mine.resolve("app.py"), "def handler(event, context):\n    return {}\n");
        Files.writeString(mine.resolve("settings.py"), "DEBUG = False\n");
        Node tree = robot.lookup("#contentTree").query();
        robot.interact(() -> DesktopDrop.dropFiles(tree, List.of(mine.toFile())));
        waitFor(20, TimeUnit.SECONDS, () -> content().contains("python/handlers/app.py"));
        assertThat(content().contains("python/tinypkg/core.py")).isTrue();
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isFalse();

        robot.interact(() -> expandAll(robot));
        shoot(robot, "contents-light");
        robot.interact(() -> window.themeProperty().set(Theme.DARK));
        shoot(robot, "contents-dark");
    }

    // ---- helpers ----

    private LayerContent content() {
        LayerContent c = window.state().contentProperty().get();
        return c == null ? LayerContent.empty() : c;
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
        waitFor(30, TimeUnit.SECONDS, () -> table.getRoot() != null && table.getRoot().getChildren().size() == 2);
        return table;
    }

    @SuppressWarnings("unchecked")
    private static void clickRow(FxRobot robot, java.util.function.Predicate<LayerRow> which) {
        Node row = robot.lookup(".tree-table-row-cell").match((TreeTableRow<LayerRow> r) ->
                r.getItem() != null && which.test(r.getItem()) && r.isVisible()).query();
        robot.clickOn(row);
    }

    @SuppressWarnings("unchecked")
    private static void expandAll(FxRobot robot) {
        TreeItem<ContentNode> root = ((javafx.scene.control.TreeView<ContentNode>) robot.lookup("#contentTree")
                .query()).getRoot();
        for (TreeItem<ContentNode> top : root.getChildren()) {
            top.setExpanded(true);
            for (TreeItem<ContentNode> c : top.getChildren()) {
                c.setExpanded(!c.isLeaf() && !c.getValue().name().endsWith(".dist-info"));
            }
        }
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        var shot = new java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage>();
        robot.interact(() -> shot.set(window.scene().snapshot(null)));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(shot.get(), null), "png", out.toFile());
        assertThat(Files.size(out)).isPositive();
    }
}
