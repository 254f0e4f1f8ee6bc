package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.sandbox.MotoProcess;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.SandboxHost;
import dev.layerstudio.sandbox.TestSandboxes;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.connect.ConnectTarget;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app with the local sandbox: choose it on the Connect step, see the banner
 * and the sandbox accent, reset it, and leave no moto behind when the app exits.
 */
@ExtendWith(MotoExtension.class)
class SandboxWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private AppServices services;
    private LayerStudioApp app;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    private void open(AwsHome home, Sandbox.Setup sandbox) throws Exception {
        services = AppServices.with(new AppExecutor(2), home.connector(), uri -> { })
                .withSandbox(new SandboxHost(sandbox, new DefaultLayerBuilder()));
        app = (LayerStudioApp) FxToolkit.setupApplication(() -> new LayerStudioApp(services));
        // the app opens on its start page; New layer is the wizard as before
        robot.clickOn("#newLayerButton");
    }

    @Test
    void theSandboxIsOneClickAwayAndGoneWhenTheAppExits() throws Exception {
        open(new AwsHome(dir.resolve("home")), TestSandboxes.setup(dir));
        TreeView<ConnectTarget> tree = robot.lookup("#targetTree").query();
        waitFor(10, TimeUnit.SECONDS, () -> tree.getSelectionModel().getSelectedItem() != null);
        // no profiles here: the sandbox is chosen already, so a newcomer can connect at once
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isInstanceOf(ConnectTarget.Sandbox.class);
        robot.clickOn(row("Local sandbox"));
        ComboBox<String> region = robot.lookup("#regionBox").queryComboBox();
        assertThat(region.getItems()).containsExactly("us-east-1", "eu-west-1");
        assertThat(region.getValue()).isEqualTo("us-east-1");
        assertThat(robot.lookup("#endpointField").query().isDisabled()).isTrue();
        Node banner = robot.lookup("#sandboxBanner").query();
        assertThat(banner.isVisible()).isFalse();

        robot.clickOn("#connectButton");
        Button next = robot.lookup("#nextButton").queryButton();
        waitFor(90, TimeUnit.SECONDS, () -> !next.isDisabled());

        Sandbox sandbox = services.sandbox().current().orElseThrow();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#sandboxDetail").queryLabeled().getText()).contains(sandbox.endpoint().toString());
        assertThat(banner.getScene().getRoot().getStyleClass()).contains("sandbox");
        assertThat(robot.lookup("#identityLabel").queryLabeled().getText()).contains(MotoServer.ACCOUNT);
        assertThat(robot.lookup("#connectStatus").queryLabeled().getText())
                .isEqualTo("Connected to the local sandbox at " + sandbox.endpoint() + ".");
        snapshot(banner.getScene(), "sandbox-connect.png");

        AwsSession before = app.window().state().sessionProperty().get();
        Path extra = Files.write(dir.resolve("extra.zip"), Zips.layer("extra", "X = 1\n"));
        try (AwsSession s = sandbox.session("us-east-1")) {
            new SdkLayerService(s).publish(PublishRequest.of(extra, "scratch"), ProgressListener.NONE);
        }
        robot.clickOn("#resetSandboxButton");
        // Reset removes what was made in the sandbox: asked first; Cancel keeps everything
        Confirm.no(robot);
        try (AwsSession s = sandbox.session("us-east-1")) {
            assertThat(new SdkLayerService(s).listLayers()).extracting(LayerInfo::name).contains("scratch");
        }
        robot.clickOn("#resetSandboxButton");
        Confirm.yes(robot);
        waitFor(60, TimeUnit.SECONDS, () -> "Back to the sample content."
                .equals(robot.lookup("#sandboxStatus").queryLabeled().getText()));
        try (AwsSession s = sandbox.session("us-east-1")) {
            assertThat(new SdkLayerService(s).listLayers()).extracting(LayerInfo::name)
                    .containsExactlyInAnyOrder("common-utils", "http-client", "model-weights");
        }
        assertThat(app.window().state().sessionProperty().get()).isNotSameAs(before);
        assertThat(banner.isVisible()).isTrue();

        // at 1024 wide, with the reset's sentence beside it, the banner's title is whole (it read "Local sand…")
        Stage window = (Stage) banner.getScene().getWindow();
        robot.interact(() -> window.setWidth(1024));
        WaitForAsyncUtils.waitForFxEvents();
        Labeled title = robot.lookup("#sandboxTitle").queryLabeled();
        assertThat(title.getText()).isEqualTo("Local sandbox");
        assertThat(title.getWidth()).as("room for the whole title").isGreaterThanOrEqualTo(title.prefWidth(-1));

        robot.clickOn(next);
        ListView<Step> steps = robot.lookup("#stepList").queryListView();
        assertThat(steps.getSelectionModel().getSelectedItem()).isEqualTo(Step.LAYER);

        long pid = sandbox.pid();
        FxToolkit.cleanupApplication(app); // Application.stop(), as when the window closes
        app = null;
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(MotoProcess.answers(sandbox.endpoint())).isFalse();
    }

    @Test
    void withoutPythonTheConnectStepSaysSoAndProfilesStillWork(MotoServer moto) throws Exception {
        AwsHome home = new AwsHome(dir.resolve("home")).config("[profile moto]\nregion = us-east-1\nendpoint_url = "
                + moto.endpoint() + "\n").credentials("[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        open(home, new Sandbox.Setup(dir.resolve("venvs"), dir.resolve("moto.log"), dir.resolve("work"),
                new MotoProcess.Tools(List.of(Files.createDirectories(dir.resolve("empty-path"))), false)));
        TreeView<ConnectTarget> tree = robot.lookup("#targetTree").query();
        waitFor(10, TimeUnit.SECONDS, () -> tree.getSelectionModel().getSelectedItem() != null);

        robot.clickOn(row("Local sandbox"));
        robot.clickOn("#connectButton");
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#connectStatus").queryLabeled().getText()
                .startsWith("Python 3 was not found"));
        Button next = robot.lookup("#nextButton").queryButton();
        assertThat(next.isDisabled()).isTrue();
        assertThat(robot.lookup("#sandboxBanner").query().isVisible()).isFalse();

        robot.clickOn(row("moto"));
        robot.clickOn("#connectButton");
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled());
        assertThat(robot.lookup("#sandboxBanner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#identityLabel").queryLabeled().getText()).contains(MotoServer.ACCOUNT);
    }

    private Node row(String label) {
        return robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && label.equals(c.getItem().label()) && c.isVisible()).query();
    }

    private void snapshot(Scene scene, String name) throws IOException {
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.toFile());
    }
}
