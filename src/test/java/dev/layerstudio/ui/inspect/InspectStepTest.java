package dev.layerstudio.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.common.SizeGauge;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.treemap.TreemapView;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
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

/** The Inspect page over a layer the Contents step would leave: tree, treemap, gauges, fixes, target function. */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class InspectStepTest {

    @TempDir
    Path dir;

    private AppExecutor executor;
    private WizardState state;
    private InspectViewModel vm;

    private static MotoServer moto;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        executor = new AppExecutor(2);
        AppServices services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        state.sessionProperty().set(moto.session());
        state.layerProperty().set(LayerChoice.newLayer("sample"));
        // the user's folder dropped at the top of the layer, outside python/
        state.contentProperty().set(SampleLayer.build(dir, services.builder(), "mylib"));
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.INSPECT, InspectController.class,
                () -> new InspectController(vm = new InspectViewModel(state, InspectServices.of(services), bundle)),
                Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private InspectionReport awaitReport() throws Exception {
        return awaitNewReport(null);
    }

    /** Waits for the page to show a report of the wizard's layer other than {@code previous}. */
    private InspectionReport awaitNewReport(InspectionReport previous) throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> state.reportProperty().get() != null
                && state.reportProperty().get() != previous && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return state.reportProperty().get();
    }

    /** Scrolls the findings box until the fix button of this finding is in view. */
    private void showFinding(FxRobot robot, FindingCode code) {
        ScrollPane scroll = robot.lookup("#findingScroll").queryAs(ScrollPane.class);
        Node fix = robot.lookup("#fix-" + code.name()).query();
        robot.interact(() -> {
            Node content = scroll.getContent();
            Bounds inContent = content.sceneToLocal(fix.localToScene(fix.getLayoutBounds()));
            double hidden = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            double top = inContent.getMaxY() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(hidden <= 0 ? 0 : Math.max(0, Math.min(1, top / hidden)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFindingsBoxIsAsTallAsItsFindingsWithNoEmptyRoomBelowTheLast(FxRobot robot) throws Exception {
        awaitReport();
        ScrollPane scroll = robot.lookup("#findingScroll").queryAs(ScrollPane.class);
        VBox rows = robot.lookup("#findingList").queryAs(VBox.class);
        // a small layer with a finding or two: the box is as tall as they are
        Path small = Files.write(dir.resolve("small.zip"), Zips.of(Map.of("lonely.py", "X = 1\n"))); // not under python/
        robot.interact(() -> vm.openZip(small));
        waitFor(30, TimeUnit.SECONDS, () -> !vm.ownLayerProperty().get() && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        InspectionReport report = vm.reportProperty().get();
        assertThat(report.findings()).isNotEmpty();
        assertThat(rows.getChildren()).as("a row per finding").hasSize(report.findings().size());
        assertThat(scroll.getViewportBounds().getHeight()).isCloseTo(rows.getHeight(), within(1.0));

        // the wizard's layer, with more findings than a short window has room for
        robot.clickOn("#backToLayerButton");
        waitFor(30, TimeUnit.SECONDS, () -> vm.ownLayerProperty().get() && !vm.busyProperty().get());
        double height = stage.getHeight();
        try {
            robot.interact(() -> stage.setHeight(500)); // the box gives way and scrolls
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(scroll.getViewportBounds().getHeight()).isLessThan(rows.getHeight() - 1);
            showFinding(robot, FindingCode.CACHE_FILES);
            Node fix = robot.lookup("#fix-CACHE_FILES").query();
            Bounds button = fix.localToScene(fix.getLayoutBounds());
            assertThat(scroll.localToScene(scroll.getLayoutBounds()).contains(button)).as("scrolled into view").isTrue();
        } finally {
            robot.interact(() -> stage.setHeight(height)); // the window is shared by the tests that follow
        }
    }

    @Test
    void showsTheTreeTreemapGaugesAndFindings(FxRobot robot) throws Exception {
        InspectionReport report = awaitReport();
        assertThat(state.zipProperty().get().output()).exists();

        TreeTableView<?> table = robot.lookup("#sizeTable").queryAs(TreeTableView.class);
        waitFor(10, TimeUnit.SECONDS, () -> table.getRoot() != null);
        assertThat(table.getRoot().getChildren()).extracting(i -> ((dev.layerstudio.model.SizeNode) i.getValue()).name())
                .contains("python", "mylib");

        TreemapView treemap = robot.lookup("#treemap").queryAs(TreemapView.class);
        atlantafx.base.controls.Breadcrumbs<?> crumbs = robot.lookup("#treemapBreadcrumbs").query();
        assertThat(crumbs.getSelectedCrumb().getValue()).isSameAs(treemap.tree());
        assertThat(treemap.tree().size()).isEqualTo(report.unzippedBytes());
        assertThat(treemap.visibleItems()).extracting(dev.layerstudio.ui.treemap.TreemapItem::name)
                .contains("python", "mylib", "numpy");
        // a click on the python box drills into it; the breadcrumb shows the way back
        Bounds b = treemap.getLayoutBounds();
        dev.layerstudio.ui.treemap.TreemapItem python = treemap.tree().find("python");
        robot.interact(() -> treemap.drillTo(python));
        assertThat(treemap.shown().path()).isEqualTo("python");
        assertThat(crumbs.getSelectedCrumb().getValue()).isSameAs(python);
        assertThat(crumbs.getSelectedCrumb().getParent().getValue()).isSameAs(treemap.tree());
        robot.clickOn("#treemapUp");
        assertThat(treemap.shown()).isSameAs(treemap.tree());
        assertThat(b.getWidth()).isGreaterThan(100);

        SizeGauge direct = robot.lookup("#gauge-" + LimitCheck.DIRECT_UPLOAD).queryAs(SizeGauge.class);
        SizeGauge unzipped = robot.lookup("#gauge-" + LimitCheck.UNZIPPED_TOTAL).queryAs(SizeGauge.class);
        assertThat(direct.parts()).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(report.zippedBytes()));
        assertThat(direct.limit()).isEqualTo(52_428_800L);
        assertThat(unzipped.limit()).isEqualTo(262_144_000L);
        assertThat(unzipped.figuresText()).contains("of 250 MB");

        assertThat(report.has(FindingCode.NOT_UNDER_PYTHON)).isTrue();
        assertThat(report.has(FindingCode.CACHE_FILES)).isTrue();
        assertThat(report.has(FindingCode.BUNDLED_AWS_SDK)).isTrue();
        showFinding(robot, FindingCode.CACHE_FILES);
        assertThat(robot.lookup("#fix-CACHE_FILES").queryButton().getText()).contains("saves 80.1 KB");
    }

    @Test
    void fixesMoveTheUsersFolderUnderPythonAndSlimCachesThenRebuild(FxRobot robot) throws Exception {
        InspectionReport before = awaitReport();
        ZipResult firstZip = state.zipProperty().get();

        showFinding(robot, FindingCode.NOT_UNDER_PYTHON);
        robot.clickOn("#fix-NOT_UNDER_PYTHON");
        awaitNewReport(before);
        assertThat(state.contentProperty().get().contains("python/mylib/settings.py")).isTrue();
        assertThat(state.contentProperty().get().contains("mylib")).isFalse();
        assertThat(state.reportProperty().get().has(FindingCode.NOT_UNDER_PYTHON)).isFalse();
        assertThat(state.zipProperty().get()).isNotEqualTo(firstZip);

        InspectionReport moved = state.reportProperty().get();
        showFinding(robot, FindingCode.CACHE_FILES);
        robot.clickOn("#fix-CACHE_FILES");
        awaitNewReport(moved);
        InspectionReport slim = state.reportProperty().get();
        assertThat(slim.has(FindingCode.CACHE_FILES)).isFalse();
        assertThat(slim.unzippedBytes()).isEqualTo(moved.unzippedBytes() - 82_000);
        assertThat(slim.entries()).noneMatch(e -> e.path().contains("__pycache__"));
    }

    @Test
    void aTargetFunctionsCodeCountsAgainstTheUnzippedLimit(FxRobot robot) throws Exception {
        awaitReport();
        FunctionInfo target;
        try (var session = moto.session()) {
            MotoFixtures fixtures = new MotoFixtures(moto, session.lambda());
            String other = fixtures.publishLayer("shared-utils", Map.of("python/utils.py", "X = 1\n"), "python3.12")
                    .layerVersionArn();
            fixtures.createFunction("orders", "python3.12", List.of(other));
        }
        // the functions were listed when the page was first shown: show it again to list them anew
        robot.interact(() -> {
            state.sessionProperty().set(moto.session());
            vm.onShow();
        });
        ComboBox<InspectTexts.Target> box = robot.lookup("#targetBox").queryComboBox();
        waitFor(30, TimeUnit.SECONDS, () -> box.getItems().stream().anyMatch(t -> isOrders(t)));
        InspectTexts.Target choice = box.getItems().stream().filter(t -> isOrders(t)).findFirst().orElseThrow();
        target = choice.function();
        InspectionReport alone = state.reportProperty().get();
        FunctionInfo chosen = target;
        robot.interact(() -> box.setValue(choice));
        awaitNewReport(alone);

        SizeGauge unzipped = robot.lookup("#gauge-" + LimitCheck.UNZIPPED_TOTAL).queryAs(SizeGauge.class);
        assertThat(unzipped.parts()).extracting(SizeGauge.Part::styleClass).containsExactly("part-layer", "part-code");
        assertThat(unzipped.parts().get(1).bytes()).isEqualTo(chosen.codeSize());
        // moto serves no layer content: the other layer is named as left out, not silently dropped
        assertThat(robot.lookup("#inspectStatus").queryLabeled().getText()).contains("shared-utils:1");
    }

    @Test
    void opensAnotherZipAndComesBackToTheLayer(FxRobot robot) throws Exception {
        awaitReport();
        Path other = Files.write(dir.resolve("other.zip"), Zips.layer("lonely", "X = 1\n"));
        robot.interact(() -> vm.openZip(other));
        waitFor(30, TimeUnit.SECONDS, () -> !vm.ownLayerProperty().get() && !vm.busyProperty().get());
        assertThat(vm.reportProperty().get().source()).isEqualTo(other.toString());
        assertThat(robot.lookup("#otherSourceBar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#fix-NOT_UNDER_PYTHON").tryQuery()).isEmpty();

        robot.clickOn("#backToLayerButton");
        // its fixes are planned again in the background
        waitFor(30, TimeUnit.SECONDS, () -> vm.ownLayerProperty().get() && !vm.busyProperty().get());
        assertThat(vm.ownLayerProperty().get()).isTrue();
        assertThat(vm.reportProperty().get()).isSameAs(state.reportProperty().get());
    }

    private static boolean isOrders(InspectTexts.Target t) {
        return t.function() != null && t.function().name().equals("orders");
    }
}
