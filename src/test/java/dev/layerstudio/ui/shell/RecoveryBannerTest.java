package dev.layerstudio.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.ApplyJournal;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFacts;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.MainWindow;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * The window's offer to settle an apply that died part-way: a journal left as a killed
 * apply leaves it (one of two functions done), then the window connected to that account
 * shows the banner, and Finish or Undo brings every function to one known list, checked
 * through the SDK.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class RecoveryBannerTest {

    private static MotoServer moto;
    private static AwsSession session;
    private static MotoFixtures fixtures;

    @TempDir
    Path tmp;

    private AppExecutor executor;
    private MainWindow window;
    private ApplyJournals journals;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
        session = server.session();
        fixtures = new MotoFixtures(server, session.lambda());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Start
    void start(Stage stage) {
        executor = new AppExecutor(2);
        journals = new ApplyJournals(tmp.resolve("journal"));
        window = new MainWindow(AppServices.with(executor, new Connector(), uri -> { }).withJournals(journals),
                Theme.LIGHT);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private static String publish(String layer) {
        return fixtures.publishLayer(layer, Map.of("python/" + layer.replace('-', '_') + ".py", "x = 1\n"),
                "python3.12").layerVersionArn();
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    /**
     * Two functions on {@code before}; an apply to {@code after} journalled, the first
     * function updated and marked done, then nothing more: what a killed apply leaves.
     */
    private void interruptedApply(String prefix, List<String> before, List<String> after) {
        for (String f : List.of(prefix + "-a", prefix + "-b")) {
            fixtures.createFunction(f, "python3.12", before);
        }
        SdkFunctionService functions = new SdkFunctionService(session);
        List<FunctionPlan> updates = List.of(prefix + "-a", prefix + "-b").stream()
                .map(f -> AttachPlanner.planFor(functions.getFunction(f), new PlanChange.SetLayers(before, after),
                        PlanFacts.none())).toList();
        ApplyJournals.Open open = journals.open(MotoServer.REGION,
                new AttachPlan("upgrade " + prefix + "-layer", updates, PlanFacts.none()));
        session.lambda().updateFunctionConfiguration(b -> b.functionName(prefix + "-a").layers(after));
        open.record(new ApplyResult(prefix + "-a", MotoServer.REGION, ApplyResult.Outcome.UPDATED, before, after,
                null, false, "Updated."));
    }

    private void connect(FxRobot robot) {
        robot.interact(() -> {
            window.state().sessionProperty().set(session);
            window.state().identityProperty().set(session.whoAmI());
        });
    }

    private void waitForBanner(FxRobot robot) throws Exception {
        Node banner = robot.lookup("#recoveryBanner").query();
        waitFor(30, TimeUnit.SECONDS, () -> banner.isVisible() && !robot.lookup("#finishChangeButton")
                .queryButton().isDisabled());
    }

    @Test
    void finishGivesTheFunctionsNotDoneTheirNewLayers(FxRobot robot) throws Exception {
        String keep = publish("rec-keep");
        String v1 = publish("rec-fin-layer");
        String v2 = publish("rec-fin-layer");
        List<String> before = List.of(keep, v1);
        List<String> after = List.of(keep, v2);
        interruptedApply("rec-fin", before, after);
        assertThat(robot.lookup("#recoveryBanner").query().isVisible()).as("hidden until connected").isFalse();

        connect(robot);
        waitForBanner(robot);
        assertThat(robot.lookup("#recoveryDetail").queryLabeled().getText())
                .contains("upgrade rec-fin-layer", MotoServer.REGION, "1 of 2 functions done");
        robot.interact(() -> {
            try {
                StepPage.snapshot(window.scene(), Path.of("target", "screenshots", "recovery-banner.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        robot.clickOn("#finishChangeButton");
        // finishing is judged like any attach: moto serves no content, so the warning is confirmed once
        assertThat(dev.layerstudio.ui.Confirm.yes(robot)).singleElement().asString()
                .startsWith("rec-fin-b: ").contains("could not be read");
        waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#recoveryStatus").queryLabeled().getText()
                .startsWith("Finished"));

        assertThat(robot.lookup("#recoveryStatus").queryLabeled().getText()).isEqualTo("Finished: the other functions have their new layers now (1 updated).");
        assertThat(layersOf("rec-fin-a")).isEqualTo(after);
        assertThat(layersOf("rec-fin-b")).isEqualTo(after);
        assertThat(journals.unfinished()).isEmpty();
        assertThat(robot.lookup("#finishChangeButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#laterChangeButton");
        assertThat(robot.lookup("#recoveryBanner").query().isVisible()).isFalse();
    }

    @Test
    void undoPutsTheDoneFunctionsBackAndLeavesTheOthers(FxRobot robot) throws Exception {
        String keep = publish("rec-keep");
        String v1 = publish("rec-undo-layer");
        String v2 = publish("rec-undo-layer");
        List<String> before = List.of(keep, v1);
        List<String> after = List.of(keep, v2);
        interruptedApply("rec-undo", before, after);

        connect(robot);
        waitForBanner(robot);
        robot.clickOn("#undoChangeButton");
        waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#recoveryStatus").queryLabeled().getText()
                .startsWith("Undone"));

        assertThat(layersOf("rec-undo-a")).isEqualTo(before);
        assertThat(layersOf("rec-undo-b")).isEqualTo(before);
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void laterKeepsTheJournalForAnotherTime(FxRobot robot) throws Exception {
        String keep = publish("rec-keep");
        String v1 = publish("rec-later-layer");
        String v2 = publish("rec-later-layer");
        interruptedApply("rec-later", List.of(keep, v1), List.of(keep, v2));

        connect(robot);
        waitForBanner(robot);
        robot.clickOn("#laterChangeButton");

        assertThat(robot.lookup("#recoveryBanner").query().isVisible()).isFalse();
        assertThat(journals.unfinished()).hasSize(1);
        assertThat(layersOf("rec-later-b")).isEqualTo(List.of(keep, v1));
    }

    @Test
    void onlyAChangeInTheConnectedAccountIsOffered() {
        ApplyJournal.Entry here = new ApplyJournal.Entry("f", "arn:aws:lambda:us-east-1:123456789012:function:f",
                null, "r1", List.of(), List.of(), null, null);
        ApplyJournal.Entry elsewhere = new ApplyJournal.Entry("g", "arn:aws:lambda:us-east-1:999999999999:function:g",
                null, "r1", List.of(), List.of(), null, null);
        ApplyJournal mine = new ApplyJournal("apply-1", "d", "us-east-1", Instant.EPOCH, Instant.EPOCH, List.of(here));
        ApplyJournal theirs = new ApplyJournal("apply-2", "d", "us-east-1", Instant.EPOCH, Instant.EPOCH,
                List.of(here, elsewhere));
        assertThat(RecoveryBanner.inAccount(mine, "123456789012")).isTrue();
        assertThat(RecoveryBanner.inAccount(theirs, "123456789012")).isFalse();
        assertThat(RecoveryBanner.inAccount(mine, "999999999999")).isFalse();
    }
}
