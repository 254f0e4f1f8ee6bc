package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.TestSandboxes;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
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
 * The Attach page in the local sandbox: the files of a function's seeded layers are read
 * from the sandbox, so a new version that would hide one of them is warned about.
 */
@ExtendWith(ApplicationExtension.class)
class AttachInSandboxTest {

    @TempDir
    static Path work;

    private static Sandbox sandbox;

    private AppExecutor executor;
    private AttachViewModel vm;

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
        WizardState state = new WizardState(executor::execute);
        AwsSession session = sandbox.session("us-east-1");
        state.sessionProperty().set(session);
        // a patch of the seeded http-client's module, published as what Publish leaves
        Path zip = Files.write(work.resolve("patch.zip"), Zips.of(Map.of("python/tinyhttp/client.py", "PATCHED = 1\n")));
        PublishResult published = new SdkLayerService(session).publish(PublishRequest.of(zip, "http-patch")
                .withRuntimes(java.util.List.of("python3.12")), ProgressListener.NONE);
        LayerVersionInfo version = published.version();
        state.layerProperty().set(LayerChoice.newLayer("http-patch"));
        state.publishedProperty().set(published);
        assertThat(version.version()).isEqualTo(1);
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.ATTACH, AttachController.class,
                () -> new AttachController(vm = new AttachViewModel(state, AttachServices.of(services), bundle)),
                Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void warnsThatTheNewVersionHidesAFileOfASeededLayer(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> vm.rows().stream().anyMatch(r -> r.function().name().equals("orders-api"))
                && !vm.busyProperty().get() && robot.lookup("orders-api").tryQuery().isPresent());
        robot.doubleClickOn("orders-api");
        waitFor(30, TimeUnit.SECONDS, () -> vm.plans().size() == 1);
        StackPlan orders = vm.plans().get(0);
        // orders-api runs common-utils:3 and http-client:2; the new version goes last and wins
        waitFor(30, TimeUnit.SECONDS, () -> !orders.warnings().isEmpty());
        assertThat(orders.warnings()).anyMatch(w -> w.startsWith("http-patch:1 hides 1 file of http-client:2")
                && w.contains("python/tinyhttp/client.py"));
    }
}
