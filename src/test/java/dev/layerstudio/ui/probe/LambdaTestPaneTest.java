package dev.layerstudio.ui.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.ProbeModule;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.ProbeAnswers;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The Test in Lambda card, clicked through with real controls against moto (Invoke answered in
 * a front with the real probe's recorded answer): the notice before the first run, the
 * runtime line and a row per module after it, the failed imports as IMPORT_FAILED findings,
 * and nothing left in the account — also after a failed invoke and after Cancel.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class LambdaTestPaneTest {

    private static final String PREFIX = "layer-studio-probe-";

    private static MotoServer moto;

    @TempDir
    static Path temp;

    private AppExecutor executor;
    private MotoFront front;
    private AwsSession session;
    private LambdaTestViewModel vm;
    private ProbeJournals journals;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    @Start
    void start(Stage stage) throws Exception {
        executor = new AppExecutor(2);
        front = new MotoFront(moto);
        session = front.session();
        Path dir = Files.createTempDirectory(temp, "case");
        ApplyJournals applies = new ApplyJournals(dir.resolve("journal"));
        journals = ProbeJournals.beside(applies);
        AppServices services = AppServices.with(executor, new Connector(), uri -> { }).withJournals(applies);
        WizardState state = new WizardState(executor::execute);
        state.sessionProperty().set(session);
        Path zip = dir.resolve("layer.zip");
        Files.write(zip, ProbeAnswers.layerZip());
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        vm = new LambdaTestViewModel(state, LambdaTestServices.of(services), bundle);
        vm.targetProperty().set(new LambdaTestViewModel.Target(null, zip, "python3.12", "x86_64", "layer.zip", null));
        LambdaTestPane pane = new LambdaTestPane(vm, bundle);
        pane.setPrefWidth(360);
        Scene scene = new Scene(pane, 380, 560);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        session.close();
        front.close();
    }

    private static List<String> leftovers() {
        try (AwsSession direct = moto.session()) {
            List<String> left = new java.util.ArrayList<>();
            direct.lambda().listFunctionsPaginator().functions().stream().map(FunctionConfiguration::functionName)
                    .filter(n -> n.startsWith(PREFIX)).forEach(left::add);
            direct.lambda().listLayers().layers().stream().filter(l -> l.layerName().startsWith(PREFIX))
                    .filter(l -> !direct.lambda().listLayerVersions(b -> b.layerName(l.layerName())).layerVersions()
                            .isEmpty()).forEach(l -> left.add(l.layerName()));
            direct.iam().listRoles().roles().stream().filter(r -> r.roleName().startsWith(PREFIX))
                    .forEach(r -> left.add(r.roleName()));
            return left;
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void saysWhatItCreatesThenShowsEachModuleAndRemovesEverything(FxRobot robot) throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        Label notice = robot.lookup("#lambdaTestNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("a function layer-studio-probe-", "a temporary version of this layer",
                "an execution role with no permissions", "one invoke", "1024 MB", "well under one US cent");

        robot.clickOn("#lambdaTestButton");
        waitFor(30, TimeUnit.SECONDS, () -> !vm.modules().isEmpty() && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(notice.isVisible()).isFalse();
        assertThat(text(robot, "#lambdaTestEnvironment")).isEqualTo("Python 3.11.7 · glibc 2.36 · x86_64 · /opt 140 B in 4 files");
        assertThat(text(robot, "#lambdaTestStatus"))
                .isEqualTo("2 of 4 modules did not import in Lambda. Everything the test created was removed.");
        ListView<ProbeModule> list = robot.lookup("#lambdaTestModules").queryListView();
        assertThat(list.isVisible()).isTrue();
        List<String> rows = robot.lookup("#lambdaTestModules .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty()).map(c -> c.getAccessibleText()).toList();
        assertThat(rows).containsExactly("calm, imported", "greeting, imported",
                "needs_dep, failed: ModuleNotFoundError: No module named 'missing_dependency'",
                "oracle_shim, failed: OSError: libclntsh.so.21.1: cannot open shared object file: No such file or"
                        + " directory");
        assertThat(robot.lookup(".probe-error").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("ModuleNotFoundError: No module named 'missing_dependency'");
        assertThat(vm.findings()).hasSize(2).allMatch(f -> f.code() == FindingCode.IMPORT_FAILED);
        robot.interact(() -> {
            try {
                StepPage.snapshot(list.getScene(), Path.of("target", "screenshots", "test-in-lambda.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(leftovers()).isEmpty();
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void aChosenRoleIsNotCreatedAndTheNoticeSaysSo(FxRobot robot) {
        CheckBox keep = robot.lookup("#lambdaTestKeepRole").queryAs(CheckBox.class);
        assertThat(keep.isDisabled()).isFalse();
        robot.clickOn("#lambdaTestRole").write("arn:aws:iam::123456789012:role/mine");

        assertThat(keep.isDisabled()).isTrue();
        assertThat(text(robot, "#lambdaTestNotice")).doesNotContain("execution role");
        assertThat(vm.roleArnProperty().get()).isEqualTo("arn:aws:iam::123456789012:role/mine");
    }

    @Test
    void theRolePickerOffersRolesLambdaMayAssumeAndTheChosenOneIsUsed(FxRobot robot) throws Exception {
        String lambdaRole;
        try (AwsSession direct = moto.session()) {
            lambdaRole = new dev.layerstudio.testing.MotoFixtures(moto, direct.lambda()).roleArn();
            direct.iam().createRole(b -> b.roleName("ec2-only").assumeRolePolicyDocument("{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                    + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
        ProbeAnswers.answerInvoke(front, 0);
        robot.interact(vm::loadRoles);
        waitFor(30, TimeUnit.SECONDS, () -> !vm.roles().isEmpty());
        assertThat(vm.roles()).contains(lambdaRole).noneMatch(r -> r.endsWith("/ec2-only"));

        javafx.scene.control.ComboBox<String> picker = robot.lookup("#lambdaTestRole").queryComboBox();
        robot.interact(() -> picker.getSelectionModel().select(lambdaRole));
        assertThat(vm.roleArnProperty().get()).isEqualTo(lambdaRole);
        assertThat(text(robot, "#lambdaTestNotice")).doesNotContain("execution role");
        robot.clickOn("#lambdaTestButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.reportProperty().get() != null);

        String create = front.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().value().equals("POST") && r.getUrl().equals("/2015-03-31/functions"))
                .findFirst().orElseThrow().getBodyAsString();
        assertThat(create).contains(lambdaRole);
        assertThat(front.wireMock().getAllServeEvents())
                .noneMatch(e -> e.getRequest().getBodyAsString().contains("Action=CreateRole"));
        assertThat(leftovers()).isEmpty();
        try (AwsSession direct = moto.session()) {
            assertThat(direct.iam().getRole(b -> b.roleName("layer-studio-test")).role().arn()).isEqualTo(lambdaRole);
        }
    }

    @Test
    void aFailedInvokeIsOneSentenceAndNothingStays(FxRobot robot) throws Exception {
        // moto answers Invoke itself, and cannot run a function without Docker
        robot.clickOn("#lambdaTestButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.busyProperty().get());
        waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#lambdaTestStatus")).startsWith("The probe function failed in Lambda: ");
        assertThat(vm.modules()).isEmpty();
        assertThat(robot.lookup("#lambdaTestModules").queryListView().isVisible()).isFalse();
        assertThat(leftovers()).isEmpty();
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void cancelStopsTheTestAndWhatItCreatedIsRemoved(FxRobot robot) throws Exception {
        ProbeAnswers.answerInvoke(front, 2_000);
        robot.clickOn("#lambdaTestButton");
        waitFor(30, TimeUnit.SECONDS, () -> front.wireMock().getAllServeEvents().stream()
                .anyMatch(e -> e.getRequest().getUrl().matches(ProbeAnswers.INVOKE)));
        robot.clickOn("#lambdaTestCancel");
        waitFor(10, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#lambdaTestStatus")).startsWith("Cancelled.");
        assertThat(vm.modules()).isEmpty();
        // the worker removes what it made after the cancel; wait for it, then nothing may be left
        waitFor(30, TimeUnit.SECONDS, () -> journals.unfinished().isEmpty());
        assertThat(leftovers()).isEmpty();
    }
}
