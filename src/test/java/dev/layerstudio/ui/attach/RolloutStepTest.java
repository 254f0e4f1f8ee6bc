package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.export.ExportViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The staged rollout of the Attach page against moto: waves chosen by tag, applied one at a
 * time through the page's buttons, with each function's layer list read back from Lambda;
 * a wave rolled back; a rollout stopped, found again in its journal when the page opens
 * anew, and resumed.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class RolloutStepTest {

    private static MotoServer moto;
    private static MotoFixtures fixtures;
    private static AwsSession session;
    private static String helper;

    private AppExecutor executor;
    private AppServices services;
    private WizardState state;
    private RolloutJournals journals;
    private RolloutViewModel rollout;
    private Stage stage;
    private final ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        session = moto.session();
        fixtures = new MotoFixtures(moto, session.lambda());
        helper = fixtures.publishLayer("ro-helper", Map.of("python/h.py", "H = 1\n"), "python3.12")
                .layerVersionArn();
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        executor = new AppExecutor(2);
        services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        state.sessionProperty().set(moto.session());
        journals = new RolloutJournals(Files.createTempDirectory("rollout-ui-journals-"));
        showPage();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    /** The Attach page as the window shows it, with a rollout view model over the test's journals. */
    private void showPage() {
        StepPage.show(stage, Step.ATTACH, AttachController.class, () -> {
            AttachViewModel vm = new AttachViewModel(state, AttachServices.of(services), bundle);
            rollout = new RolloutViewModel(state, services.functions(), services.tasks(), bundle, journals);
            return new AttachController(vm, rollout, new ExportViewModel(state, services.layers(), services.functions(),
                    services.tasks(), bundle));
        }, Theme.LIGHT);
    }

    /**
     * Four functions on version 1 of {@code layer}, two tagged env=dev, then version 2 as
     * Publish leaves it; the page is shown for it.
     */
    private Map<String, List<String>> fourFunctionsAndVersion2(FxRobot robot, String layer) {
        String v1 = fixtures.publishLayer(layer, Map.of("python/l.py", "L = 1\n"), "python3.12").layerVersionArn();
        Map<String, List<String>> before = Map.of(
                layer + "-dev-a", List.of(helper, v1),
                layer + "-dev-b", List.of(v1),
                layer + "-prod", List.of(v1, helper),
                layer + "-plain", List.of(v1));
        fixtures.createFunction(layer + "-dev-a", "python3.12", before.get(layer + "-dev-a"), Map.of("env", "dev"));
        fixtures.createFunction(layer + "-dev-b", "python3.12", before.get(layer + "-dev-b"), Map.of("env", "dev"));
        fixtures.createFunction(layer + "-prod", "python3.12", before.get(layer + "-prod"), Map.of("env", "prod"));
        fixtures.createFunction(layer + "-plain", "python3.12", before.get(layer + "-plain"));
        fixtures.publishLayer(layer, Map.of("python/l.py", "L = 2\n"), "python3.12");
        try (AwsSession s = moto.session()) {
            LayerVersionInfo v2 = new SdkLayerService(s).latestVersion(layer).orElseThrow();
            assertThat(v2.version()).isEqualTo(2);
            robot.interact(() -> {
                state.layerProperty().set(LayerChoice.newLayer(layer));
                state.publishedProperty().set(new PublishResult(s.region(), PublishResult.Status.PUBLISHED, v2,
                        "direct", v2.codeSha256(), v2.codeSize(), "Published."));
                showPage();
            });
        }
        return before;
    }

    private static String v2(List<String> before, String layer) {
        return before.stream().filter(a -> a.contains(":layer:" + layer + ":")).findFirst().orElseThrow()
                .replaceAll(":1$", ":2");
    }

    private void addWave(FxRobot robot, String selector) {
        robot.clickOn("#waveInput").write(selector);
        robot.clickOn("#addWave");
    }

    @Test
    void wavesByTagUpgradeDevFirstThenTheRest(FxRobot robot) throws Exception {
        String layer = "ro-tag";
        Map<String, List<String>> before = fourFunctionsAndVersion2(robot, layer);
        String v1 = before.get(layer + "-plain").get(0);
        String v2 = v2(before.get(layer + "-plain"), layer);

        // the toggle waits while the page lists the region's functions
        waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#stagedRollout").query().isDisabled());
        robot.clickOn("#stagedRollout");
        addWave(robot, "env=dev");
        waitFor(30, TimeUnit.SECONDS, () -> rollout.waves().size() == 2 && !rollout.planningProperty().get());
        assertThat(rollout.waves().get(0).label()).isEqualTo("env=dev");
        assertThat(rollout.waves().get(0).functions()).extracting(WaveView.Line::function)
                .containsExactlyInAnyOrder(layer + "-dev-a", layer + "-dev-b");
        assertThat(rollout.waves().get(1).functions()).extracting(WaveView.Line::function)
                .containsExactlyInAnyOrder(layer + "-prod", layer + "-plain");
        assertThat(robot.lookup("#wave-2").queryAs(javafx.scene.layout.VBox.class)).isNotNull();
        assertThat(robot.lookup("#waveLine-" + layer + "-prod").queryLabeled().getText()).isEqualTo("moves to version 2");

        robot.clickOn("#startRollout");
        confirmWave(robot);
        waitFor(60, TimeUnit.SECONDS, () -> rollout.journalProperty().get() != null && !rollout.busyProperty().get());
        // wave 1: the dev functions have version 2 in place of version 1, everything else in its place
        assertThat(layersOf(layer + "-dev-a")).containsExactly(helper, v2);
        assertThat(layersOf(layer + "-dev-b")).containsExactly(v2);
        assertThat(layersOf(layer + "-prod")).containsExactly(v1, helper);
        assertThat(layersOf(layer + "-plain")).containsExactly(v1);
        assertThat(rollout.waves().get(0).stage()).isEqualTo(WaveView.Stage.APPLIED);
        assertThat(rollout.waves().get(0).functions()).allSatisfy(l -> {
            assertThat(l.kind()).isEqualTo(WaveView.Kind.DONE);
            assertThat(l.status()).isEqualTo("Updated.");
        });
        assertThat(rollout.waves().get(1).stage()).isEqualTo(WaveView.Stage.NEXT);
        assertThat(status(robot)).contains("Wave 1 of 2 (env=dev) done: 2 updated, 0 not as planned")
                .contains("Next: wave 2");
        assertThat(robot.lookup("#continueRollout").queryButton().getText()).isEqualTo("Continue: wave 2");

        robot.clickOn("#continueRollout");
        confirmWave(robot);
        waitFor(60, TimeUnit.SECONDS, () -> rollout.journalProperty().get().finished()
                && !rollout.busyProperty().get());
        assertThat(layersOf(layer + "-prod")).containsExactly(v2, helper);
        assertThat(layersOf(layer + "-plain")).containsExactly(v2);
        assertThat(layersOf(layer + "-dev-a")).containsExactly(helper, v2);
        assertThat(status(robot)).contains("the rollout is complete");
        assertThat(robot.lookup("#continueRollout").queryButton().isDisabled()).isTrue();
        RolloutJournal saved = journals.load(rollout.journalProperty().get().id()).orElseThrow();
        assertThat(saved.waves()).extracting(WaveRecord::state)
                .containsExactly(WaveRecord.State.APPLIED, WaveRecord.State.APPLIED);
    }

    @Test
    void rollingBackAWaveRestoresItsFunctionsAndStopLeavesTheJournalToResume(FxRobot robot) throws Exception {
        String layer = "ro-back";
        Map<String, List<String>> before = fourFunctionsAndVersion2(robot, layer);
        String v2 = v2(before.get(layer + "-plain"), layer);

        // the toggle waits while the page lists the region's functions
        waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#stagedRollout").query().isDisabled());
        robot.clickOn("#stagedRollout");
        addWave(robot, "env=dev");
        addWave(robot, layer + "-pr*");
        waitFor(30, TimeUnit.SECONDS, () -> rollout.waves().size() == 3 && !rollout.planningProperty().get());
        assertThat(rollout.waves()).extracting(WaveView::label).containsExactly("env=dev", layer + "-pr*", "the rest");
        assertThat(rollout.waves().get(1).functions()).extracting(WaveView.Line::function)
                .containsExactly(layer + "-prod");
        assertThat(rollout.waves().get(2).functions()).extracting(WaveView.Line::function)
                .containsExactly(layer + "-plain");

        robot.clickOn("#startRollout");
        confirmWave(robot);
        waitFor(60, TimeUnit.SECONDS, () -> rollout.journalProperty().get() != null && !rollout.busyProperty().get());
        assertThat(layersOf(layer + "-dev-a")).containsExactly(helper, v2);

        robot.clickOn("#rollBackWave");
        waitFor(60, TimeUnit.SECONDS, () -> !rollout.busyProperty().get()
                && rollout.journalProperty().get().wave(1).state() == WaveRecord.State.ROLLED_BACK);
        // exactly the lists they had, in their order; the other waves' functions were never touched
        for (String f : before.keySet()) {
            assertThat(layersOf(f)).as(f).containsExactlyElementsOf(before.get(f));
        }
        assertThat(rollout.waves().get(0).stage()).isEqualTo(WaveView.Stage.ROLLED_BACK);
        assertThat(rollout.waves().get(0).functions()).allSatisfy(l -> assertThat(l.kind())
                .isEqualTo(WaveView.Kind.UNDONE));
        assertThat(status(robot)).contains("Wave 1 (env=dev) rolled back: 2 functions put back");

        // applied again, then wave 2, then stop: the journal keeps the place
        robot.clickOn("#continueRollout");
        confirmWave(robot);
        waitFor(60, TimeUnit.SECONDS, () -> !rollout.busyProperty().get()
                && rollout.journalProperty().get().wave(1).state() == WaveRecord.State.APPLIED);
        robot.clickOn("#continueRollout");
        confirmWave(robot);
        waitFor(60, TimeUnit.SECONDS, () -> !rollout.busyProperty().get()
                && rollout.journalProperty().get().wave(2).state() == WaveRecord.State.APPLIED);
        assertThat(layersOf(layer + "-prod")).containsExactly(v2, helper);
        assertThat(layersOf(layer + "-plain")).containsExactlyElementsOf(before.get(layer + "-plain"));
        String id = rollout.journalProperty().get().id();
        robot.clickOn("#stopRollout");
        assertThat(status(robot)).contains("Stopped at 2 of 3 waves applied").contains(id + ".json");
        // the waves' chips go with the waves: nothing says a wave is listed while none is shown
        assertThat(rollout.selectors()).isEmpty();
        assertThat(rollout.waves()).isEmpty();
        RolloutJournal left = journals.load(id).orElseThrow();
        assertThat(left.waves()).extracting(WaveRecord::state).containsExactly(WaveRecord.State.APPLIED,
                WaveRecord.State.APPLIED, WaveRecord.State.PENDING);
        assertThat(left.underWay()).isTrue();

        // the app "closed": a new page over the same journals offers to resume
        robot.interact(this::showPage);
        waitFor(30, TimeUnit.SECONDS, () -> rollout.offeredProperty().get() != null);
        assertThat(robot.lookup("#rolloutResumeText").queryLabeled().getText())
                .contains("A staged rollout of " + layer + " to version 2 was left with 2 of 3 waves applied");
        assertThat(robot.lookup("#startRollout").queryButton().isDisabled()).isTrue();
        robot.clickOn("#resumeRollout");
        assertThat(rollout.selectors()).containsExactly("env=dev", layer + "-pr*");
        assertThat(rollout.waves()).extracting(WaveView::stage).containsExactly(WaveView.Stage.APPLIED,
                WaveView.Stage.APPLIED, WaveView.Stage.NEXT);

        // rolling back now undoes wave 2 (the last applied), not wave 1
        robot.clickOn("#rollBackWave");
        waitFor(60, TimeUnit.SECONDS, () -> !rollout.busyProperty().get()
                && rollout.journalProperty().get().wave(2).state() == WaveRecord.State.ROLLED_BACK);
        assertThat(layersOf(layer + "-prod")).containsExactlyElementsOf(before.get(layer + "-prod"));
        assertThat(layersOf(layer + "-plain")).containsExactlyElementsOf(before.get(layer + "-plain"));
        assertThat(layersOf(layer + "-dev-a")).containsExactly(helper, v2);
        assertThat(layersOf(layer + "-dev-b")).containsExactly(v2);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#rolloutStatus").queryLabeled().getText();
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
