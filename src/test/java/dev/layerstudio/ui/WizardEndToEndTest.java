package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.ui.connect.ConnectTarget;
import dev.layerstudio.ui.contents.DesktopDrop;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.image.WritableImage;
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
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * The whole wizard, first click to last, against moto: connect through a profile, name a
 * new layer, install local wheels and drop a folder of one's own code, inspect, publish,
 * and attach to two functions that already use another layer. Lambda then lists, for
 * both, the old layer and the new version in the order the Attach step showed. Each
 * step is saved as a picture (target/screenshots/wizard-N-step.png).
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class WizardEndToEndTest {

    @TempDir
    static Path home;

    private static MotoServer moto;
    private static String sharedUtils;

    private AppExecutor executor;
    private MainWindow window;

    @BeforeAll
    static void account(MotoServer server) {
        moto = server;
        try (AwsSession s = server.session()) {
            MotoFixtures f = new MotoFixtures(server, s.lambda());
            sharedUtils = f.publishLayer("shared-utils", Map.of("python/shared_utils.py", "def now():\n    return 0\n"),
                    "python3.12").layerVersionArn();
            f.createFunction("orders-api", "python3.12", List.of(sharedUtils));
            f.createFunction("billing-worker", "python3.12", List.of(sharedUtils));
        }
    }

    @Start
    void start(Stage stage) {
        AwsHome aws = new AwsHome(home.resolve("aws"))
                .config("[profile dev]\nregion = us-east-1\nendpoint_url = " + moto.endpoint() + "\n")
                .credentials("[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(3);
        window = new MainWindow(AppServices.with(executor, aws.connector(), uri -> { }), Theme.LIGHT);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void fromConnectToFunctionsRunningOnTheNewVersion(FxRobot robot) throws Exception {
        Button next = robot.lookup("#nextButton").queryButton();

        // 1 Connect
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "dev".equals(c.getItem().label())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "dev".equals(c.getItem().label())).queryAs(Node.class));
        robot.clickOn("#connectButton");
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled());
        shoot(robot, "wizard-1-connect");
        robot.clickOn(next);

        // 2 Layer: a new one
        assertThat(window.wizard().current()).isEqualTo(Step.LAYER);
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#layerTable").queryAs(javafx.scene.control.TreeTableView.class)
                .getRoot() != null);
        robot.clickOn("#newLayerName").write("team-deps");
        waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        shoot(robot, "wizard-2-layer");
        robot.clickOn(next);

        // 3 Contents: requirements from local wheels, and a folder of our own dropped on the tree
        assertThat(window.wizard().current()).isEqualTo(Step.CONTENTS);
        Wheels wheels = new Wheels(home.resolve("wheels"));
        wheels.pure("tinypkg", "1.0", Map.of("tinypkg/__init__.py", "from tinydep import X\n",
                "tinypkg/core.py", "def run():\n    return 1\n"), "tinydep>=1");
        wheels.pure("tinydep", "1.2", Map.of("tinydep/__init__.py", "X = 2\n"));
        TextArea requirements = robot.lookup("#requirementsArea").queryAs(TextArea.class);
        robot.interact(() -> requirements.setText(wheels.indexLines() + "tinypkg==1.0\n"));
        robot.clickOn("#installButton");
        waitFor(90, TimeUnit.SECONDS, () -> window.state().installationProperty().get() != null
                && !robot.lookup("#installButton").queryButton().isDisabled());
        Path mine = Files.createDirectories(home.resolve("src/handlers"));
        Files.writeString(mine.resolve("app.py"), "def handler(event, context):\n    return {}\n");
        Node tree = robot.lookup("#contentTree").query();
        robot.interact(() -> DesktopDrop.dropFiles(tree, List.of(mine.toFile())));
        waitFor(20, TimeUnit.SECONDS, () -> content().contains("python/handlers/app.py")
                && content().contains("python/tinypkg/core.py"));
        waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        shoot(robot, "wizard-3-contents");
        robot.clickOn(next);

        // 4 Inspect: the zip is built and inspected in the background
        assertThat(window.wizard().current()).isEqualTo(Step.INSPECT);
        waitFor(60, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null && !next.isDisabled());
        assertThat(window.state().reportProperty().get().pkg("tinypkg")).isPresent();
        shoot(robot, "wizard-4-inspect");
        robot.clickOn(next);

        // 5 Publish
        assertThat(window.wizard().current()).isEqualTo(Step.PUBLISH);
        robot.clickOn("#publishButton");
        waitFor(60, TimeUnit.SECONDS, () -> window.state().publishedProperty().get() != null && !next.isDisabled());
        PublishResult published = window.state().publishedProperty().get();
        assertThat(published.version().name()).isEqualTo("team-deps");
        assertThat(published.version().codeSha256()).isEqualTo(window.state().zipProperty().get().codeSha256());
        shoot(robot, "wizard-5-publish");
        robot.clickOn(next);

        // 6 Attach to both functions; they keep shared-utils
        assertThat(window.wizard().current()).isEqualTo(Step.ATTACH);
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("orders-api").tryQuery().isPresent()
                && robot.lookup("billing-worker").tryQuery().isPresent());
        robot.doubleClickOn("orders-api");
        robot.doubleClickOn("billing-worker");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#stack-orders-api").tryQuery().isPresent()
                && robot.lookup("#stack-billing-worker").tryQuery().isPresent());
        List<String> ordersShown = shownStack(robot, "orders-api");
        List<String> billingShown = shownStack(robot, "billing-worker");
        assertThat(ordersShown).containsExactly(sharedUtils, published.version().arn());
        assertThat(billingShown).containsExactly(sharedUtils, published.version().arn());
        shoot(robot, "wizard-6-attach");

        robot.clickOn("#applyButton");
        // moto serves no content to read: the warning that says so is confirmed once
        assertThat(Confirm.yes(robot)).anyMatch(t -> t.contains("could not be read"));
        waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#undoButton").queryButton().isVisible()
                && !robot.lookup("#undoButton").queryButton().isDisabled());
        assertThat(layersOf("orders-api")).isEqualTo(ordersShown);
        assertThat(layersOf("billing-worker")).isEqualTo(billingShown);
        shoot(robot, "wizard-7-attached");

        // Finish (the last step's Next) sums up: the version, each function's list before and after, Undo
        assertThat(next.getText()).contains("Finish");
        assertThat(next.isDisabled()).isFalse();
        robot.clickOn(next);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#finishSummary").tryQuery().isPresent());
        assertThat(robot.lookup("#finishArn").queryTextInputControl().getText())
                .isEqualTo(published.version().arn());
        assertThat(robot.lookup("#finishOutcome").queryLabeled().getText()).contains("2 of 2 functions updated");
        assertThat(robot.lookup("#finishUndo").queryButton().isDisabled()).isFalse();
        shoot(robot, "wizard-8-finish");
        robot.clickOn("#startAnother");
        assertThat(window.wizard().current()).isEqualTo(Step.LAYER);
        assertThat(window.state().publishedProperty().get()).isNull();
    }

    /** The layer ARNs of a function's "after" stack as the Attach step shows them, top to bottom. */
    private static List<String> shownStack(FxRobot robot, String function) {
        Node card = robot.lookup("#stack-" + function).query();
        return robot.from(card).lookup(".stack-layer").queryAllAs(Label.class).stream()
                .sorted(java.util.Comparator.comparingDouble(l -> l.localToScene(0, 0).getY()))
                .map(l -> l.getTooltip().getText()).toList();
    }

    private LayerContent content() {
        LayerContent c = window.state().contentProperty().get();
        return c == null ? LayerContent.empty() : c;
    }

    private static List<String> layersOf(String function) {
        try (AwsSession s = moto.session()) {
            return s.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                    .map(Layer::arn).toList();
        }
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(window.scene().snapshot(null)));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(shot.get(), null), "png", out.toFile());
    }
}
