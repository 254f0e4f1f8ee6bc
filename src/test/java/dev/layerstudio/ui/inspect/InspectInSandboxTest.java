package dev.layerstudio.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.ChangeKind;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.PackageChange;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.TestSandboxes;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.common.SizeGauge;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.VBox;
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

/**
 * The Inspect page connected to the local sandbox, making a new version of a seeded
 * layer for a seeded function: the comparison with the latest published version and the
 * function's other layers come from the sandbox's own copies of the published zips.
 */
@ExtendWith(ApplicationExtension.class)
class InspectInSandboxTest {

    @TempDir
    static Path work;

    @TempDir
    Path dir;

    private static Sandbox sandbox;

    private AppExecutor executor;
    private WizardState state;
    private InspectViewModel vm;

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
    void start(Stage stage) throws Exception {
        executor = new AppExecutor(2);
        AppServices services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        AwsSession session = sandbox.session("us-east-1");
        state.sessionProperty().set(session);
        LayerInfo utils = new SdkLayerService(session).listLayers().stream()
                .filter(l -> l.name().equals("common-utils")).findFirst().orElseThrow();
        state.layerProperty().set(LayerChoice.of(utils));
        state.contentProperty().set(SampleLayer.build(dir, services.builder(), null));
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.INSPECT, InspectController.class,
                () -> new InspectController(vm = new InspectViewModel(state, InspectServices.of(services), bundle)),
                Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void comparesWithTheLatestVersionAndCountsTheFunctionsOtherLayers(FxRobot robot) throws Exception {
        javafx.scene.control.Labeled status = robot.lookup("#diffStatus").queryLabeled();
        // the page may compare more than once (each inspection does): wait for one that has finished
        waitFor(60, TimeUnit.SECONDS, () -> "Compared with version 3.".equals(status.getText())
                && vm.diffProperty().get() != null);
        LayerDiff diff = vm.diffProperty().get();
        assertThat(diff.packages(ChangeKind.REMOVED)).extracting(PackageChange::name).contains("textkit");
        assertThat(diff.packages(ChangeKind.ADDED)).extracting(PackageChange::name).contains("requests", "numpy");
        assertThat(diff.files(ChangeKind.REMOVED)).extracting(f -> f.path()).contains("python/common_config.py");
        VBox rows = robot.lookup("#diffPackages").query();
        assertThat(rows.getChildren()).as("every package change is listed (the list scrolls)")
                .hasSize(diff.packages().size());

        ComboBox<InspectTexts.Target> box = robot.lookup("#targetBox").queryComboBox();
        waitFor(30, TimeUnit.SECONDS, () -> box.getItems().stream().anyMatch(t -> isOrdersApi(t)));
        InspectTexts.Target orders = box.getItems().stream().filter(t -> isOrdersApi(t)).findFirst().orElseThrow();
        var alone = state.reportProperty().get();
        robot.interact(() -> box.setValue(orders));
        waitFor(60, TimeUnit.SECONDS, () -> state.reportProperty().get() != alone && !vm.busyProperty().get());

        // orders-api runs common-utils:3 (which this version replaces) and http-client:2, read from the sandbox
        SizeGauge unzipped = robot.lookup("#gauge-" + LimitCheck.UNZIPPED_TOTAL).queryAs(SizeGauge.class);
        assertThat(unzipped.parts()).extracting(SizeGauge.Part::name).containsExactly("this layer", "http-client:2",
                "function code (zipped size)");
        assertThat(unzipped.parts().get(1).bytes()).isPositive();
        assertThat(robot.lookup("#inspectStatus").queryLabeled().getText()).isEmpty();
    }

    private static boolean isOrdersApi(InspectTexts.Target t) {
        return t.function() != null && t.function().name().equals("orders-api");
    }
}
