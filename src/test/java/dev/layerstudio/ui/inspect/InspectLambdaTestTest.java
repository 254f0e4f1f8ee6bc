package dev.layerstudio.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.ProbeAnswers;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Test in Lambda on the Inspect page: the zip shown is what is sent, and the modules that did
 * not import in Lambda join the local findings as IMPORT_FAILED with the runtime's own error.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class InspectLambdaTestTest {

    private static MotoServer moto;

    @TempDir
    Path dir;

    private AppExecutor executor;
    private MotoFront front;
    private AwsSession session;
    private InspectViewModel vm;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    @Start
    void start(Stage stage) {
        executor = new AppExecutor(2);
        front = new MotoFront(moto);
        session = front.session();
        AppServices services = AppServices.with(executor, new Connector(), uri -> { })
                .withJournals(new ApplyJournals(dir.resolve("journal")));
        WizardState state = new WizardState(executor::execute);
        state.sessionProperty().set(session);
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.INSPECT, InspectController.class,
                () -> new InspectController(vm = new InspectViewModel(state, InspectServices.of(services), bundle)),
                Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
        session.close();
        front.close();
    }

    @Test
    void failedImportsInLambdaJoinTheFindings(FxRobot robot) throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        Path zip = dir.resolve("probe-layer.zip");
        Files.write(zip, ProbeAnswers.layerZip());
        robot.interact(() -> vm.openZip(zip));
        waitFor(60, TimeUnit.SECONDS, () -> vm.reportProperty().get() != null && !vm.busyProperty().get());
        List<FindingFix.Item> findings = vm.findings();
        int local = findings.size();
        assertThat(findings).noneMatch(i -> i.finding().code() == FindingCode.IMPORT_FAILED);
        assertThat(vm.lambdaTest().targetProperty().get().zip()).isEqualTo(zip);

        assertThat(robot.lookup("#lambdaTestStripStatus").queryLabeled().isVisible()).isFalse();
        robot.clickOn("#openLambdaTestButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#lambdaTestNotice").queryLabeled().getText()).contains("well under one US cent");
        robot.clickOn("#lambdaTestButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.lambdaTest().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        List<Finding> fromLambda = findings.stream().map(FindingFix.Item::finding)
                .filter(f -> f.code() == FindingCode.IMPORT_FAILED).toList();
        assertThat(findings).hasSize(local + 2);
        assertThat(robot.lookup("#findingList .finding-row").queryAll()).as("a row each").hasSize(local + 2);
        assertThat(robot.lookup("#lambdaTestStripStatus").queryLabeled().getText())
                .isEqualTo("2 of 4 modules did not import in Lambda. Everything the test created was removed.");
        assertThat(fromLambda).extracting(Finding::path).containsExactly("needs_dep", "oracle_shim");
        assertThat(fromLambda.get(0).message()).isEqualTo("'needs_dep' does not import in Lambda (python3.12,"
                + " x86_64): ModuleNotFoundError: No module named 'missing_dependency'");
        assertThat(robot.lookup("#findingCount").queryLabeled().getText()).isEqualTo(String.valueOf(local + 2));
        robot.interact(() -> {
            try {
                StepPage.snapshot(robot.lookup("#findingList").query().getScene(), Path.of("target", "screenshots", "inspect-test-in-lambda.png"));
                StepPage.snapshot(robot.lookup("#lambdaTestPane").query().getScene(),
                        Path.of("target", "screenshots", "test-in-lambda-dialog.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // another layer shown: the Lambda result belonged to the one before
        Path other = dir.resolve("other.zip");
        Files.write(other, dev.layerstudio.testing.Zips.layer("plain", "X = 1\n"));
        robot.interact(() -> vm.openZip(other));
        waitFor(60, TimeUnit.SECONDS, () -> vm.reportProperty().get() != null && !vm.busyProperty().get()
                && vm.reportProperty().get().source().equals(other.toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings).noneMatch(i -> i.finding().code() == FindingCode.IMPORT_FAILED);
        assertThat(vm.lambdaTest().modules()).isEmpty();
    }
}
