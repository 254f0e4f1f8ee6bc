package dev.layerstudio.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.ProbeAnswers;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
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

/** Test in Lambda after Publish: the dialog tests the version just published, not a temporary one. */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class PublishLambdaTestTest {

    private static MotoServer moto;

    @TempDir
    Path dir;

    private AppExecutor executor;
    private MotoFront front;
    private AwsSession session;
    private WizardState state;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    @Start
    void start(Stage stage) throws Exception {
        executor = new AppExecutor(2);
        front = new MotoFront(moto);
        session = front.session();
        AppServices services = AppServices.with(executor, new Connector(), uri -> { })
                .withJournals(new ApplyJournals(dir.resolve("journal")));
        state = new WizardState(executor::execute);
        state.sessionProperty().set(session);
        state.contentProperty().set(SampleLayer.build(dir, services.builder(), null));
        state.zipProperty().set(services.builder().zip(state.contentProperty().get(), dir.resolve("layer.zip"),
                ProgressListener.NONE));
        state.layerProperty().set(LayerChoice.newLayer("probed"));
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.PUBLISH, PublishController.class,
                () -> new PublishController(new PublishViewModel(state, PublishServices.of(services), bundle)),
                Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
        session.close();
        front.close();
    }

    @Test
    void theVersionJustPublishedIsTested(FxRobot robot) throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        robot.clickOn("#publishButton");
        waitFor(30, TimeUnit.SECONDS, () -> state.publishedProperty().get() != null
                && !robot.lookup("#arnValue").queryLabeled().getText().isEmpty());
        String arn = state.publishedProperty().get().version().arn();

        robot.clickOn("#publishLambdaTestButton");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("probed:1 on python3.12, x86_64");
        assertThat(robot.lookup("#lambdaTestNotice").queryLabeled().getText())
                .doesNotContain("temporary version").contains("an execution role with no permissions");

        robot.clickOn("#lambdaTestButton");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lambdaTestEnvironment").queryLabeled().isVisible());
        String create = front.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().value().equals("POST") && r.getUrl().equals("/2015-03-31/functions"))
                .findFirst().orElseThrow().getBodyAsString();
        assertThat(create).contains(arn);
        assertThat(front.wireMock().getAllServeEvents()).noneMatch(e -> e.getRequest().getMethod().value()
                .equals("POST") && e.getRequest().getUrl().matches("/2018-10-31/layers/layer-studio-probe-.*"));
        try (AwsSession direct = moto.session()) {
            assertThat(direct.lambda().getLayerVersion(b -> b.layerName("probed").versionNumber(1L)).version())
                    .isEqualTo(1L);
        }
    }
}
