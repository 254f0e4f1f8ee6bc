package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.inspect.InspectController;
import dev.layerstudio.ui.inspect.InspectViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
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
 * Saves the Inspect, Publish and Attach pages as PNGs under {@code target/screenshots/}
 * (light, and dark as {@code <step>-dark.png}), each in the state a user reaches it:
 * the layer zipped and inspected, then published, then attached to a function.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class StepScreenshotsTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private static MotoServer moto;
    private AppExecutor executor;
    private AppServices services;
    private WizardState state;
    private Stage stage;
    private final ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        executor = new AppExecutor(2);
        services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        AwsSession session = moto.session();
        state.sessionProperty().set(session);
        state.layerProperty().set(LayerChoice.newLayer("orders-deps"));
        state.contentProperty().set(SampleLayer.build(dir, services.builder(), null));
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void savesEachStepInBothThemes(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            String suffix = theme == Theme.DARK ? "-dark" : "";
            InspectViewModel inspect = new InspectViewModel(state, services, bundle);
            page(robot, Step.INSPECT, InspectController.class, () -> new InspectController(inspect), theme);
            waitFor(60, TimeUnit.SECONDS, () -> state.reportProperty().get() != null && !inspect.busyProperty().get());
            shoot(robot, "inspect" + suffix);
        }
        assertThat(SHOTS.resolve("inspect.png")).exists();
        assertThat(Files.size(SHOTS.resolve("inspect.png"))).isGreaterThan(10_000);
    }

    private <C extends dev.layerstudio.ui.shell.StepController> void page(FxRobot robot, Step step, Class<C> type,
                                                                           java.util.function.Supplier<C> c,
                                                                           Theme theme) {
        robot.interact(() -> StepPage.show(stage, step, type, c, theme));
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // let the tooltip delays and layout passes settle
        robot.interact(() -> {
            try {
                StepPage.snapshot(stage.getScene(), SHOTS.resolve(name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
