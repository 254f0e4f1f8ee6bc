package dev.layerstudio.ui.attach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.export.ExportViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * Cancelling a running wave: with Lambda's updates slowed down (a proxy in front of moto),
 * the updates already sent finish, the functions still queued keep their layers, the journal
 * says the wave is partly applied, and Continue finishes it.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class RolloutCancelTest {

    private static final String LAYER = "ro-cancel";
    private static final int FUNCTIONS = 7;

    private static MotoServer moto;
    private static MotoFront front;
    private static AwsSession session;
    private static String v1;
    private static LayerVersionInfo v2;

    private AppExecutor executor;
    private RolloutJournals journals;
    private RolloutViewModel rollout;

    @BeforeAll
    static void slowLambda(MotoServer server) {
        moto = server;
        session = server.session();
        MotoFixtures fixtures = new MotoFixtures(server, session.lambda());
        v1 = fixtures.publishLayer(LAYER, Map.of("python/c.py", "C = 1\n"), "python3.12").layerVersionArn();
        for (int i = 1; i <= FUNCTIONS; i++) {
            fixtures.createFunction(LAYER + "-" + i, "python3.12", List.of(v1), Map.of("env", "dev"));
        }
        fixtures.publishLayer(LAYER, Map.of("python/c.py", "C = 2\n"), "python3.12");
        v2 = new SdkLayerService(session).latestVersion(LAYER).orElseThrow();
        front = new MotoFront(server);
        front.wireMock().stubFor(put(urlPathMatching("/2015-03-31/functions/[^/]+/configuration")).atPriority(5)
                .willReturn(aResponse().proxiedFrom(server.endpoint().toString()).withFixedDelay(1500)));
    }

    @AfterAll
    static void close() {
        front.close();
        session.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        executor = new AppExecutor(2);
        AppServices services = AppServices.with(executor, new Connector(), uri -> { });
        WizardState state = new WizardState(executor::execute);
        AwsSession slow = front.session();
        state.sessionProperty().set(slow);
        state.layerProperty().set(LayerChoice.newLayer(LAYER));
        state.publishedProperty().set(new PublishResult(slow.region(), PublishResult.Status.PUBLISHED, v2, "direct",
                v2.codeSha256(), v2.codeSize(), "Published."));
        journals = new RolloutJournals(Files.createTempDirectory("rollout-ui-cancel-"));
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.ATTACH, AttachController.class, () -> {
            rollout = new RolloutViewModel(state, services.functions(), services.tasks(), bundle, journals);
            return new AttachController(new AttachViewModel(state, AttachServices.of(services), bundle), rollout,
                    new ExportViewModel(state, services.layers(), services.functions(),
                            services.tasks(), bundle));
        }, Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void cancelLetsSentUpdatesFinishLeavesTheRestAndContinueFinishesTheWave(FxRobot robot) throws Exception {
        // the toggle waits while the page lists the region's functions
        waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#stagedRollout").query().isDisabled());
        robot.clickOn("#stagedRollout");
        robot.clickOn("#waveInput").write("env=dev");
        robot.clickOn("#addWave");
        waitFor(30, TimeUnit.SECONDS, () -> rollout.waves().size() == 1 && !rollout.planningProperty().get());

        robot.clickOn("#startRollout");
        confirmWave(robot);
        waitFor(30, TimeUnit.SECONDS, () -> rollout.waves().get(0).functions().stream()
                .anyMatch(l -> l.kind() == WaveView.Kind.RUNNING));
        assertThat(rollout.waves().get(0).stage()).isEqualTo(WaveView.Stage.RUNNING);
        robot.clickOn("#cancelWave");
        waitFor(60, TimeUnit.SECONDS, () -> !rollout.busyProperty().get());

        RolloutJournal j = rollout.journalProperty().get();
        assertThat(j).isNotNull();
        WaveRecord wave = j.wave(1);
        assertThat(wave.state()).isEqualTo(WaveRecord.State.PARTIAL);
        assertThat(journals.load(j.id()).orElseThrow().wave(1).state()).isEqualTo(WaveRecord.State.PARTIAL);
        List<String> updated = names(wave, ApplyResult.Outcome.UPDATED);
        List<String> cancelled = names(wave, ApplyResult.Outcome.CANCELLED);
        assertThat(updated).isNotEmpty();
        assertThat(cancelled).isNotEmpty();
        assertThat(updated.size() + cancelled.size()).isEqualTo(FUNCTIONS);
        // what Lambda has agrees with the journal, function by function
        updated.forEach(f -> assertThat(layersOf(f)).as(f).containsExactly(v2.arn()));
        cancelled.forEach(f -> assertThat(layersOf(f)).as(f).containsExactly(v1));
        assertThat(robot.lookup("#rolloutStatus").queryLabeled().getText()).startsWith("Cancelled.")
                .contains("Next: wave 1");
        assertThat(rollout.waves().get(0).stage()).isEqualTo(WaveView.Stage.PARTIAL);

        robot.clickOn("#continueRollout");
        confirmWave(robot);
        waitFor(90, TimeUnit.SECONDS, () -> !rollout.busyProperty().get()
                && rollout.journalProperty().get().finished());
        for (int i = 1; i <= FUNCTIONS; i++) {
            assertThat(layersOf(LAYER + "-" + i)).containsExactly(v2.arn());
        }
        // the first attempt's updates are kept, so rolling back would still put every function back
        assertThat(rollout.journalProperty().get().wave(1).undo()).hasSize(FUNCTIONS);
    }

    private static List<String> names(WaveRecord wave, ApplyResult.Outcome outcome) {
        return wave.results().stream().filter(r -> r.outcome() == outcome).map(ApplyResult::functionName).toList();
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    /** Moto serves no layer content, so each wave carries the warning that says so: confirmed once. */
    private static void confirmWave(FxRobot robot) throws java.util.concurrent.TimeoutException {
        assertThat(dev.layerstudio.ui.Confirm.yes(robot)).anyMatch(t -> t.contains("could not be read"));
    }
}
