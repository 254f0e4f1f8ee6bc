package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.CompatibilityVerdict;
import dev.layerstudio.model.PlanFlag;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.TestSandboxes;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.Confirm;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.export.ExportViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The compatibility verdict in the window, in the local sandbox (which serves each version's
 * content, so the verdict reads it): a new version holding native code for AArch64 only,
 * declared for both architectures, is blocked on the seeded x86_64 functions and fine on the
 * arm64 ones. The Attach page keeps the replaced version's place, applies the blocked function
 * only after its explicit "attach anyway" choice, confirms warnings once, and Finish sums up;
 * a staged rollout skips the blocked function of wave 1, visibly, and never updates it.
 */
@ExtendWith(ApplicationExtension.class)
class VerdictInSandboxTest {

    @TempDir
    static Path work;

    private static Sandbox sandbox;

    private AppExecutor executor;
    private Stage stage;
    private AppServices services;
    private WizardState state;
    private AttachViewModel vm;
    private RolloutViewModel rollout;
    private StepPage<AttachController> page;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(TestSandboxes.setup(work), ProgressListener.NONE);
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new AppExecutor(2);
        services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        state.sessionProperty().set(sandbox.session("us-east-1"));
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    /** Publishes an AArch64-only build of {@code layer} (declared for both architectures) and shows Attach for it. */
    private PublishResult publishArmBuild(FxRobot robot, String layer, List<String> runtimes) throws Exception {
        Path zip = work.resolve(layer + "-arm.zip");
        Files.write(zip, armZip());
        PublishResult published;
        try (AwsSession s = sandbox.session("us-east-1")) {
            published = new SdkLayerService(s).publish(PublishRequest.of(zip, layer).withRuntimes(runtimes)
                    .withArchitectures(List.of("x86_64", "arm64")), ProgressListener.NONE);
        }
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        RolloutJournals journals = new RolloutJournals(Files.createTempDirectory(work, "rollouts-"));
        robot.interact(() -> {
            state.layerProperty().set(LayerChoice.newLayer(layer));
            state.publishedProperty().set(published);
            page = StepPage.show(stage, Step.ATTACH, AttachController.class, () -> {
                vm = new AttachViewModel(state, AttachServices.of(services), bundle);
                rollout = new RolloutViewModel(state, services.functions(), services.tasks(), bundle, journals);
                return new AttachController(vm, rollout,
                        new ExportViewModel(state, services.layers(), services.functions(),
                                services.tasks(), bundle));
            }, Theme.LIGHT);
        });
        return published;
    }

    /** A layer whose only native library is a 64-bit AArch64 ELF shared object, beside pure Python. */
    private static byte[] armZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("python/fastpath/__init__.py"));
            zip.write("from ._native import go\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("lib/libfastpath.so.1"));
            zip.write(Wheels.elf(0xB7));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void attachKeepsThePlaceBlocksUntilChosenConfirmsWarningsAndFinishSumsUp(FxRobot robot) throws Exception {
        // common-utils:1..3 are seeded; the arm64 build becomes version 4, declared for python3.12 only
        PublishResult published = publishArmBuild(robot, "common-utils", List.of("python3.12"));
        String v4 = published.version().arn();
        assertThat(v4).endsWith(":common-utils:4");
        List<String> inventoryBefore = layersOf("inventory-sync");
        List<String> signupBefore = layersOf("user-signup");
        assertThat(inventoryBefore).hasSize(2);
        assertThat(inventoryBefore.get(0)).endsWith(":common-utils:2");

        waitFor(30, TimeUnit.SECONDS, () -> vm.rows().size() > 3 && !vm.busyProperty().get());
        robot.clickOn("#compatibleOnly"); // inventory-sync runs python3.13, not among the declared runtimes
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("inventory-sync").tryQuery().isPresent()
                && robot.lookup("user-signup").tryQuery().isPresent());
        robot.doubleClickOn("inventory-sync");
        robot.doubleClickOn("user-signup");
        waitFor(60, TimeUnit.SECONDS, () -> vm.plans().size() == 2
                && robot.lookup("#verdict-user-signup").tryQuery().isPresent()
                && robot.lookup("#verdict-inventory-sync").tryQuery().isPresent());
        StackPlan inventory = plan("inventory-sync");
        StackPlan signup = plan("user-signup");

        // the new version takes the place of the one it replaces: it does not move to the end
        assertThat(inventory.after()).containsExactly(v4, inventoryBefore.get(1));
        // arm64 function: the content fits; the declared runtime does not match python3.13 (pure Python): a warning
        assertThat(inventory.verdict()).isEqualTo(CompatibilityVerdict.Level.WARNING);
        assertThat(label(robot, "#verdict-inventory-sync")).isEqualTo("Check first");
        // x86_64 function: the AArch64 library would not load: blocked, with why, and a choice to override
        assertThat(signup.verdict()).isEqualTo(CompatibilityVerdict.Level.BLOCKED);
        assertThat(signup.planned().flags()).anyMatch(f -> f.kind() == PlanFlag.Kind.FOREIGN_ARCHITECTURE
                && f.severity() == PlanFlag.Severity.INCOMPATIBLE);
        assertThat(label(robot, "#verdict-user-signup")).isEqualTo("Blocked");
        assertThat(signup.warnings()).anyMatch(w -> w.contains("lib/libfastpath.so.1") && w.contains("x86_64"));
        CheckBox anyway = robot.lookup("#anyway-user-signup").queryAs(CheckBox.class);
        assertThat(anyway.isSelected()).isFalse();

        // Apply: the warning is confirmed once; the blocked function is listed as left unchanged
        robot.clickOn("#applyButton");
        List<String> asked = Confirm.yes(robot);
        assertThat(asked).anyMatch(l -> l.startsWith("inventory-sync: ") && l.contains("python3.12"));
        assertThat(asked).anyMatch(l -> l.startsWith("Left unchanged: user-signup: "));
        assertThat(asked).noneMatch(l -> l.startsWith("user-signup: "));
        waitFor(60, TimeUnit.SECONDS, () -> !vm.results().isEmpty() && !vm.busyProperty().get());
        assertThat(layersOf("inventory-sync")).containsExactly(v4, inventoryBefore.get(1));
        assertThat(layersOf("user-signup")).isEqualTo(signupBefore);
        assertThat(vm.results()).filteredOn(r -> r.functionName().equals("user-signup"))
                .allMatch(r -> r.outcome() == ApplyResult.Outcome.BLOCKED);

        // Finish: the version's ARN, each function's list before and after, Undo still offered
        robot.interact(() -> page.controller().onFinish());
        assertThat(robot.lookup("#finishSummary").query().isVisible()).isTrue();
        assertThat(robot.lookup("#finishArn").queryAs(TextField.class).getText()).isEqualTo(v4);
        assertThat(chips(robot, "#finishBefore-inventory-sync")).isEqualTo(inventoryBefore);
        assertThat(chips(robot, "#finishAfter-inventory-sync")).containsExactly(v4, inventoryBefore.get(1));
        assertThat(chips(robot, "#finishAfter-user-signup")).isEqualTo(signupBefore);
        assertThat(robot.lookup("#finishUndo").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#startAnother").queryButton().isVisible()).isTrue();
        robot.clickOn("#finishBack");

        // the explicit choice for user-signup: now it goes, after one more confirmation naming it
        javafx.scene.control.ScrollPane plansPane = robot.lookup(".plan-scroll").match(javafx.scene.Node::isVisible)
                .query();
        robot.interact(() -> plansPane.setVvalue(plansPane.getVmax()));
        robot.clickOn("#anyway-user-signup");
        assertThat(plan("user-signup").planProperty().get().willUpdate()).isTrue();
        robot.clickOn("#applyButton");
        assertThat(Confirm.yes(robot)).anyMatch(l -> l.startsWith("user-signup: ") && l.contains("x86_64"));
        waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.results().stream()
                .anyMatch(r -> r.functionName().equals("user-signup") && r.outcome() == ApplyResult.Outcome.UPDATED));
        assertThat(layersOf("user-signup")).containsExactly(v4);

        // Start another layer: the published version is forgotten and the wizard goes back to Layer
        int restarts = state.restartsProperty().get();
        robot.interact(() -> page.controller().onFinish());
        robot.clickOn("#startAnother");
        assertThat(state.publishedProperty().get()).isNull();
        assertThat(state.restartsProperty().get()).isEqualTo(restarts + 1);
    }

    @Test
    void aRolloutSkipsTheIncompatibleFunctionOfWave1AndNeverUpdatesIt(FxRobot robot) throws Exception {
        // http-client:1..2 are seeded; the arm64 build becomes version 3
        PublishResult published = publishArmBuild(robot, "http-client", List.of("python3.12", "python3.13"));
        String v3 = published.version().arn();
        List<String> ordersBefore = layersOf("orders-api");
        // the toggle waits while the page lists the region's functions
        waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#stagedRollout").query().isDisabled());
        robot.clickOn("#stagedRollout");
        robot.clickOn("#waveInput").write("orders-api,email-sender");
        robot.clickOn("#addWave");
        waitFor(60, TimeUnit.SECONDS, () -> rollout.waves().size() == 2 && !rollout.planningProperty().get());
        WaveView.Line skipped = rollout.waves().get(0).line("orders-api").orElseThrow();
        assertThat(skipped.kind()).isEqualTo(WaveView.Kind.LEFT_ALONE);
        assertThat(skipped.status()).startsWith("Skipped, never updated:").contains("x86_64");
        assertThat(rollout.waves().get(0).line("email-sender").orElseThrow().kind())
                .isEqualTo(WaveView.Kind.PLANNED);
        assertThat(robot.lookup(".wave-function").queryAll()).isNotEmpty();
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Skipped, never updated:")).tryQuery()).isPresent();

        robot.clickOn("#startRollout");
        waitFor(60, TimeUnit.SECONDS, () -> rollout.journalProperty().get() != null && !rollout.busyProperty().get());
        WaveRecord wave1 = rollout.journalProperty().get().wave(1);
        assertThat(wave1.results()).filteredOn(r -> r.functionName().equals("orders-api"))
                .allMatch(r -> r.outcome() == ApplyResult.Outcome.BLOCKED);
        assertThat(layersOf("orders-api")).isEqualTo(ordersBefore);
        assertThat(layersOf("email-sender")).containsExactly(v3);
        assertThat(rollout.waves().get(0).line("orders-api").orElseThrow().status())
                .startsWith("Skipped, never updated:");
    }

    private StackPlan plan(String function) {
        return vm.plans().stream().filter(p -> p.functionName().equals(function)).findFirst().orElseThrow();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** The ARNs a row of the summary shows, in order. */
    private static List<String> chips(FxRobot robot, String row) {
        return robot.from(robot.lookup(row).queryParent()).lookup(".layer-chip").queryAllAs(Label.class).stream()
                .filter(l -> l.getUserData() != null).map(l -> (String) l.getUserData()).toList();
    }

    private static List<String> layersOf(String function) {
        try (AwsSession s = sandbox.session("us-east-1")) {
            return s.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                    .map(Layer::arn).toList();
        }
    }
}
