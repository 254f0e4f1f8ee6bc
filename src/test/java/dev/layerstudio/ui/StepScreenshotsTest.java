package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.ui.attach.AttachServices;
import dev.layerstudio.ui.publish.PublishServices;
import dev.layerstudio.ui.inspect.InspectServices;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.attach.AttachController;
import dev.layerstudio.ui.attach.AttachViewModel;
import dev.layerstudio.ui.inspect.InspectController;
import dev.layerstudio.ui.inspect.InspectViewModel;
import dev.layerstudio.ui.publish.PublishController;
import dev.layerstudio.ui.publish.PublishViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        String other;
        try (AwsSession s = moto.session()) {
            MotoFixtures fixtures = new MotoFixtures(moto, s.lambda());
            other = fixtures.publishLayer("shared-utils", Map.of("python/utils.py", "X = 1\n"), "python3.12")
                    .layerVersionArn();
            fixtures.createFunction("orders-api", "python3.12", List.of(other));
            fixtures.createFunction("billing-worker", "python3.12", List.of(other));
            fixtures.createFunction("reports", "python3.12", List.of());
        }
        for (Theme theme : Theme.values()) {
            String suffix = theme == Theme.DARK ? "-dark" : "";
            InspectViewModel inspect = new InspectViewModel(state, InspectServices.of(services), bundle);
            page(robot, Step.INSPECT, InspectController.class, () -> new InspectController(inspect), theme);
            waitFor(60, TimeUnit.SECONDS, () -> state.reportProperty().get() != null && !inspect.busyProperty().get());
            shoot(robot, "inspect" + suffix);

            PublishViewModel publish = new PublishViewModel(state, PublishServices.of(services), bundle);
            page(robot, Step.PUBLISH, PublishController.class, () -> new PublishController(publish), theme);
            if (state.publishedProperty().get() == null) {
                robot.interact(() -> publish.descriptionProperty().set("requests, numpy and our own helpers"));
                waitFor(10, TimeUnit.SECONDS, () -> publish.canPublishProperty().get());
                robot.clickOn("#publishButton");
                waitFor(30, TimeUnit.SECONDS, () -> state.publishedProperty().get() != null);
            } else {
                robot.interact(publish::useExisting);
            }
            shoot(robot, "publish" + suffix);

            AttachViewModel attach = new AttachViewModel(state, AttachServices.of(services), bundle);
            page(robot, Step.ATTACH, AttachController.class, () -> new AttachController(attach), theme);
            waitFor(30, TimeUnit.SECONDS, () -> attach.rows().size() >= 3 && !attach.busyProperty().get());
            robot.interact(() -> attach.rows().stream().filter(r -> r.function().name().contains("-"))
                    .forEach(r -> r.chosenProperty().set(true)));
            waitFor(30, TimeUnit.SECONDS, () -> attach.plans().size() == 2);
            shoot(robot, "attach" + suffix);
        }
        for (String step : List.of("inspect", "publish", "attach")) {
            assertThat(SHOTS.resolve(step + ".png")).exists();
            assertThat(Files.size(SHOTS.resolve(step + ".png"))).isGreaterThan(10_000);
        }
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
