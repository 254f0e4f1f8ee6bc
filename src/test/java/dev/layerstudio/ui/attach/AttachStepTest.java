package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * The Attach page against moto: two functions that already use another layer get the new
 * version, each in the order the page shows (one reordered with Merge earlier); Lambda
 * then lists exactly those stacks, and Undo puts the old ones back.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class AttachStepTest {

    /** A function name as long as Lambda allows (64): cut in the table at a laptop's width. */
    private static final String LONG_NAME = "customer-notifications-weekly-digest-sender-eu-west-production-2";
    private static MotoServer moto;
    private static String oldLayer;

    private AppExecutor executor;
    private WizardState state;
    private AttachViewModel vm;
    private LayerVersionInfo published;
    private Stage stage;

    @BeforeAll
    static void functions(MotoServer server) {
        moto = server;
        try (AwsSession s = moto.session()) {
            MotoFixtures fixtures = new MotoFixtures(moto, s.lambda());
            oldLayer = fixtures.publishLayer("shared-utils", Map.of("python/utils.py", "X = 1\n"), "python3.12")
                    .layerVersionArn();
            fixtures.createFunction("orders", "python3.12", List.of(oldLayer));
            fixtures.createFunction("billing", "python3.12", List.of(oldLayer));
            fixtures.createFunction("legacy", "python3.9", List.of());
            fixtures.createFunction(LONG_NAME, "python3.12", List.of());
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new AppExecutor(2);
        AppServices services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        AwsSession session = moto.session();
        state.sessionProperty().set(session);
        // what Publish leaves: the new version of the layer
        session.lambda().publishLayerVersion(b -> b.layerName("orders-deps").compatibleRuntimesWithStrings("python3.12")
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.layer("deps", "Y = 2\n")))));
        published = new SdkLayerService(session).latestVersion("orders-deps").orElseThrow();
        state.layerProperty().set(LayerChoice.newLayer("orders-deps"));
        state.publishedProperty().set(new PublishResult(session.region(), PublishResult.Status.PUBLISHED, published,
                "direct", published.codeSha256(), published.codeSize(), "Published."));
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
    void aLongFunctionNameCutInTheTableIsWholeInItsTooltip(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> vm.rows().size() >= 4 && !vm.busyProperty().get());
        // the page's room in a 1366-wide window (the step list and the frame taken off)
        robot.interact(() -> stage.setWidth(1366 - 250 - 16));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup(".table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> LONG_NAME.equals(c.getItem())).query();
        java.util.concurrent.atomic.AtomicReference<String> shown = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> shown.set(cell.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText())
                .findFirst().orElse("")));
        assertThat(shown.get()).as("the name is cut at this width").isNotEqualTo(LONG_NAME).endsWith("...");
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(LONG_NAME);
    }

    @Test
    void attachesToTwoFunctionsInTheOrderShownAndUndoes(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> vm.rows().size() >= 3 && !vm.busyProperty().get());
        // python3.9 is not among the version's runtimes: hidden while "compatible only" is on
        assertThat(vm.shown()).extracting(r -> r.function().name()).contains("orders", "billing")
                .doesNotContain("legacy");
        robot.clickOn("#compatibleOnly");
        assertThat(vm.shown()).extracting(r -> r.function().name()).contains("legacy");
        robot.clickOn("#compatibleOnly");

        robot.doubleClickOn("orders");
        robot.doubleClickOn("billing");
        waitFor(30, TimeUnit.SECONDS, () -> vm.plans().size() == 2);
        StackPlan orders = plan("orders");
        StackPlan billing = plan("billing");
        assertThat(orders.after()).containsExactly(oldLayer, published.arn());
        assertThat(orders.before()).containsExactly(oldLayer);

        // billing: the new layer merged earlier, so the old one wins on shared paths
        javafx.scene.control.ScrollPane plansPane = robot.lookup(".plan-scroll").query();
        robot.interact(() -> plansPane.setVvalue(plansPane.getVmax()));
        robot.clickOn("#earlier-billing-1");
        assertThat(billing.after()).containsExactly(published.arn(), oldLayer);
        List<String> ordersShown = List.copyOf(orders.after());
        List<String> billingShown = List.copyOf(billing.after());

        // moto gives no readable content: each function carries a warning saying so, and Apply asks
        // first; Cancel sends nothing
        assertThat(vm.toConfirm()).hasSize(2).allMatch(l -> l.contains("could not be read"));
        robot.clickOn("#applyButton");
        assertThat(dev.layerstudio.ui.Confirm.no(robot))
                .anyMatch(t -> t.startsWith("orders: ") && t.contains("could not be read"))
                .anyMatch(t -> t.startsWith("billing: ") && t.contains("could not be read"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.results()).isEmpty();
        assertThat(layersOf("orders")).containsExactly(oldLayer);
        assertThat(layersOf("billing")).containsExactly(oldLayer);

        robot.clickOn("#applyButton");
        dev.layerstudio.ui.Confirm.yes(robot);
        waitFor(60, TimeUnit.SECONDS, () -> vm.results().size() == 2 && !vm.busyProperty().get());
        assertThat(vm.results()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.UPDATED));
        assertThat(layersOf("orders")).isEqualTo(ordersShown);
        assertThat(layersOf("billing")).isEqualTo(billingShown);
        assertThat(orders.statusProperty().get()).startsWith("Updated.");

        robot.clickOn("#undoButton");
        waitFor(60, TimeUnit.SECONDS, () -> vm.results().isEmpty() && !vm.busyProperty().get());
        assertThat(layersOf("orders")).containsExactly(oldLayer);
        assertThat(layersOf("billing")).containsExactly(oldLayer);
        assertThat(robot.lookup("#attachStatus").queryLabeled().getText()).contains("2 functions were put back");
    }

    private StackPlan plan(String function) {
        return vm.plans().stream().filter(p -> p.functionName().equals(function)).findFirst().orElseThrow();
    }

    private static List<String> layersOf(String function) {
        try (AwsSession s = moto.session()) {
            return s.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                    .map(Layer::arn).toList();
        }
    }
}
