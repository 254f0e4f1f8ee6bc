package dev.layerstudio.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SizePart;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.task.QueuedTaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import dev.layerstudio.ui.treemap.TreemapItem;
import dev.layerstudio.ui.treemap.TreemapPalette;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Inspect page makes of a real inspection: kinds, packages, colours, and the fixes on offer. */
class InspectModelTest {

    @TempDir
    Path dir;

    private final DefaultLayerBuilder builder = new DefaultLayerBuilder();
    private LayerContent content;
    private InspectionReport report;

    @BeforeEach
    void inspect() throws Exception {
        content = SampleLayer.build(dir, builder, "mylib");
        Path zip = dir.resolve("layer.zip");
        builder.zip(content, zip, ProgressListener.NONE);
        report = new Inspector(dir.resolve("cache")).inspect(new LayerSource.LocalZip(zip),
                InspectOptions.defaults().withRuntime(Runtime.parse("python3.12")), ProgressListener.NONE);
    }

    @Test
    void everyPathGetsItsPackageAndKind() {
        LayerMap map = new LayerMap(report, "orders-deps");
        TreemapItem tree = map.tree();
        assertThat(tree.name()).isEqualTo("orders-deps");
        assertThat(tree.size()).isEqualTo(report.unzippedBytes());
        assertThat(map.packageOf("python/numpy/linalg/linalg.py").name()).isEqualTo("numpy");
        assertThat(map.packageOf("python/numpy.libs/libopenblas.so.0").name()).isEqualTo("numpy");
        assertThat(map.packageOf("python/requests-2.32.3.dist-info/METADATA").name()).isEqualTo("requests");
        assertThat(map.packageOf("python/six.py").name()).isEqualTo("six");
        assertThat(map.packageOf("mylib/settings.py").name()).isEqualTo("mylib");

        assertThat(tree.find("python/requests/__pycache__").kind()).isEqualTo(TreemapItem.Kind.CACHE);
        assertThat(tree.find("python/numpy.libs").kind()).isEqualTo(TreemapItem.Kind.NATIVE);
        assertThat(tree.find("python/botocore").kind()).isEqualTo(TreemapItem.Kind.INSTALLED);
        assertThat(tree.find("mylib").kind()).isEqualTo(TreemapItem.Kind.OWN_CODE);
        assertThat(tree.find("python/botocore").group()).isEqualTo("botocore");

        List<TreemapItem> trail = tree.trailTo(tree.find("python/numpy/core"));
        assertThat(trail).extracting(TreemapItem::path).containsExactly("", "python", "python/numpy",
                "python/numpy/core");
    }

    @Test
    void theLargestPackagesGetTheirOwnColours() {
        TreemapItem tree = new LayerMap(report, "x").tree();
        TreemapPalette palette = TreemapPalette.of(tree);
        assertThat(palette.legend()).extracting(e -> e.getKey()).startsWith("numpy", "botocore");
        assertThat(palette.ofGroup("numpy")).isNotEqualTo(palette.ofGroup("botocore"));
        assertThat(palette.ofGroup(null)).isEqualTo(palette.ofGroup("not-a-package"));
        assertThat(TreemapPalette.textOn(javafx.scene.paint.Color.web("#f5f5f5")))
                .isNotEqualTo(javafx.scene.paint.Color.WHITE);
        assertThat(TreemapPalette.textOn(TreemapPalette.of(TreemapItem.Kind.INSTALLED)))
                .isEqualTo(javafx.scene.paint.Color.WHITE);
    }

    @Test
    void fixesPreviewWhatTheySaveAndChangeOnlyTheContent() {
        List<FindingFix.Item> items = FindingFix.plan(report, content, builder);
        FindingFix.Slim caches = (FindingFix.Slim) fix(items, FindingCode.CACHE_FILES);
        assertThat(caches.rules()).containsExactly(SlimRule.PYCACHE);
        assertThat(caches.savedBytes()).isEqualTo(82_000);
        FindingFix.Slim boto = (FindingFix.Slim) fix(items, FindingCode.BUNDLED_AWS_SDK);
        assertThat(boto.savedBytes()).isGreaterThan(950_000);
        FindingFix.MoveUnderPython move = (FindingFix.MoveUnderPython) fix(items, FindingCode.NOT_UNDER_PYTHON);
        assertThat(move.paths()).containsExactly("mylib");

        LayerContent slim = boto.apply(content, builder);
        assertThat(slim.contains("python/boto3")).isFalse();
        assertThat(slim.contains("python/botocore/client.py")).isFalse();
        assertThat(slim.contains("mylib/settings.py")).isTrue();
        LayerContent moved = move.apply(content, builder);
        assertThat(moved.contains("python/mylib/handlers/__init__.py")).isTrue();
        assertThat(moved.contains("mylib")).isFalse();

        // an opened zip (no content behind it) offers no fixes
        assertThat(FindingFix.plan(report, null, builder)).allSatisfy(i -> assertThat(i.fix()).isNull());
    }

    @Test
    void shortLabelsNameVersionsAndFiles() {
        assertThat(InspectTexts.shortLabel("arn:aws:lambda:us-east-1:123456789012:layer:utils:4"))
                .isEqualTo("utils:4");
        assertThat(InspectTexts.shortLabel("/tmp/x/layer.zip")).isEqualTo("layer.zip");
    }

    @Test
    void whileZippingAndInspectingThePageShowsProgressNeverEmptyOrNoProblems() {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        try (AppExecutor app = new AppExecutor(1)) {
            WizardState state = new WizardState(Runnable::run);
            state.layerProperty().set(LayerChoice.newLayer("placeholder-test"));
            InspectViewModel vm = new InspectViewModel(state,
                    InspectServices.of(AppServices.with(app, new Connector(), uri -> { })
                            .withTasks(executor)), bundle);
            state.contentProperty().set(content);
            vm.onShow();
            assertThat(vm.busyProperty().get()).isTrue();
            assertThat(vm.tablePlaceholderProperty().get()).isEqualTo(bundle.getString("inspect.working"));
            assertThat(vm.findingsPlaceholderProperty().get()).isEqualTo(bundle.getString("inspect.working"));

            executor.runAll();
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.reportProperty().get()).isNotNull();
            assertThat(vm.tablePlaceholderProperty().get()).isEqualTo(bundle.getString("inspect.empty"));
            assertThat(vm.findingsPlaceholderProperty().get()).isEqualTo(bundle.getString("inspect.noFindings"));

            // showing the layer again plans its fixes in the background too, with the same progress
            vm.showOwnLayer();
            assertThat(vm.busyProperty().get()).isTrue();
            assertThat(vm.findingsPlaceholderProperty().get()).isEqualTo(bundle.getString("inspect.working"));
            executor.runAll();
            assertThat(vm.findings()).isNotEmpty();
        }
    }

    @Test
    void theGaugeTellsTheFunctionsCodeByWhatItIsNotByItsWording() {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        LimitCheck limit = LimitCheck.of("unzipped-total", "d", 1000, List.of(
                new SizePart("this layer", 10, SizePart.Kind.THIS_LAYER),
                new SizePart("arn:aws:lambda:us-east-1:123456789012:layer:utils:4", 20, SizePart.Kind.OTHER_LAYER),
                new SizePart("function code", 30, SizePart.Kind.FUNCTION_CODE)));
        assertThat(new InspectTexts(bundle).gaugeParts(limit)).extracting(InspectTexts.GaugePart::label)
                .containsExactly(bundle.getString("inspect.gauge.thisLayer"), "utils:4",
                        bundle.getString("inspect.gauge.code"));
    }

    private static FindingFix fix(List<FindingFix.Item> items, FindingCode code) {
        return items.stream().filter(i -> i.finding().code() == code).findFirst().orElseThrow().fix();
    }
}
