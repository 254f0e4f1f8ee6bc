package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.inspect.ContentFactsInspector;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.task.QueuedTaskExecutor;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Layer;

/** The Attach step's view model without a window: its work and callbacks run on the test's thread. */
@ExtendWith(MotoExtension.class)
class AttachViewModelTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @TempDir
    static Path tmp;

    private static MotoServer moto;
    private static AwsSession session;
    private static MotoFixtures fixtures;

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        session = server.session();
        fixtures = new MotoFixtures(server, session.lambda());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    static AttachServices services(TaskExecutor executor, Path tmp) {
        Inspector inspector = new Inspector();
        ApplyJournals journals = new ApplyJournals(tmp.resolve("journal"));
        return new AttachServices(s -> new SdkFunctionService(s, PlanApplier.Options.defaults(), journals,
                new ContentFactsInspector(inspector)), SdkLayerService::new, inspector, executor,
                RolloutJournals.beside(journals));
    }

    private static AttachServices services(TaskExecutor executor) {
        return services(executor, tmp);
    }

    private static WizardState published(String layer, LayerVersionInfo[] out) {
        return published(session, layer, out);
    }

    /** A new version of {@code layer} as Publish leaves it in the wizard state. */
    static WizardState published(AwsSession session, String layer, LayerVersionInfo[] out) {
        session.lambda().publishLayerVersion(b -> b.layerName(layer).compatibleRuntimesWithStrings("python3.12")
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.layer("deps", "Y = 2\n")))));
        LayerVersionInfo v = new SdkLayerService(session).latestVersion(layer).orElseThrow();
        out[0] = v;
        WizardState state = new WizardState(Runnable::run);
        state.sessionProperty().set(session);
        state.layerProperty().set(LayerChoice.newLayer(layer));
        state.publishedProperty().set(new PublishResult(session.region(), PublishResult.Status.PUBLISHED, v,
                "direct", v.codeSha256(), v.codeSize(), "Published."));
        return state;
    }

    private static AttachViewModel.Row row(AttachViewModel vm, String function) {
        return vm.rows().stream().filter(r -> r.function().name().equals(function)).findFirst().orElseThrow();
    }

    @Test
    void listsPlansAppliesAndUndoesWithoutAWindow() {
        String old = fixtures.publishLayer("av-utils", Map.of("python/u.py", "U = 1\n"), "python3.12")
                .layerVersionArn();
        fixtures.createFunction("av-orders", "python3.12", List.of(old));
        LayerVersionInfo[] v = new LayerVersionInfo[1];
        WizardState state = published("av-deps", v);
        AttachViewModel vm = new AttachViewModel(state, services(new SameThreadTaskExecutor()), BUNDLE);

        vm.onShow();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.shown()).extracting(r -> r.function().name()).contains("av-orders");

        row(vm, "av-orders").chosenProperty().set(true);
        assertThat(vm.plans()).singleElement().satisfies(p -> assertThat(p.after()).containsExactly(old, v[0].arn()));
        // moto serves no layer content: the warning saying so is confirmed before anything is sent
        vm.apply(false);
        assertThat(vm.results()).isEmpty();
        assertThat(layersOf("av-orders")).containsExactly(old);

        vm.apply(true);
        assertThat(vm.results()).singleElement().extracting(ApplyResult::outcome)
                .isEqualTo(ApplyResult.Outcome.UPDATED);
        assertThat(layersOf("av-orders")).containsExactly(old, v[0].arn());

        vm.undo();
        assertThat(vm.results()).isEmpty();
        assertThat(layersOf("av-orders")).containsExactly(old);
    }

    @Test
    void anOpenedProjectsFunctionsAreChosenWhenTheStepFirstLists() {
        fixtures.createFunction("pp-api-orders", "python3.12", List.of());
        fixtures.createFunction("pp-api-billing", "python3.12", List.of());
        fixtures.createFunction("pp-worker", "python3.12", List.of());
        LayerVersionInfo[] v = new LayerVersionInfo[1];
        WizardState state = published("pp-deps", v);
        state.projectProperty().set(new dev.layerstudio.ui.wizard.ProjectSettings(
                dev.layerstudio.ui.project.ProjectMapping.empty().withLayerName("pp-deps")
                        .withTargets(new dev.layerstudio.model.LayerProject.Targets(List.of("pp-api-*"), List.of())),
                tmp));
        AttachViewModel vm = new AttachViewModel(state, services(new SameThreadTaskExecutor()), BUNDLE);

        vm.onShow();
        assertThat(vm.rows()).filteredOn(r -> r.chosenProperty().get()).extracting(r -> r.function().name())
                .containsExactlyInAnyOrder("pp-api-orders", "pp-api-billing");
        assertThat(vm.plans()).extracting(p -> p.functionName())
                .containsExactlyInAnyOrder("pp-api-orders", "pp-api-billing");
    }

    @Test
    void theNewVersionsFilesComeFromTheReportAsItWasWhenPlanningStarted() throws IOException {
        fixtures.createFunction("av-billing", "python3.12", List.of());
        LayerVersionInfo[] v = new LayerVersionInfo[1];
        WizardState state = published("av-files", v);
        Path zip = Files.write(tmp.resolve("own.zip"), Zips.of(Map.of("python/own.py", "O = 1\n")));
        InspectionReport own = new Inspector().inspect(new LayerSource.LocalZip(zip), InspectOptions.defaults(),
                ProgressListener.NONE);
        state.reportProperty().set(own);
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        AttachViewModel vm = new AttachViewModel(state, services(executor), BUNDLE);
        vm.onShow();
        executor.runAll();

        row(vm, "av-billing").chosenProperty().set(true);
        state.reportProperty().set(null); // the user went back to Inspect while the plan was being made
        executor.runAll();

        assertThat(vm.plans()).hasSize(1);
        assertThat(vm.knownFiles().get(v[0].arn())).contains("python/own.py");
    }

    @Test
    void exportWritesTheVersionCopiesAndSavesWithoutAWindow() throws IOException {
        LayerVersionInfo[] v = new LayerVersionInfo[1];
        WizardState state = published("av-export", v);
        fixtures.createFunction("av-user", "python3.12", List.of(v[0].arn()));
        AttachViewModel vm = new AttachViewModel(state, services(new SameThreadTaskExecutor()), BUNDLE);
        var export = vm.newExport();

        assertThat(export.availableProperty().get()).isTrue();
        export.open();
        assertThat(export.outputProperty().get()).contains(v[0].arn());
        export.withFunctionsProperty().set(true);
        assertThat(export.outputProperty().get()).contains("av-user");
        assertThat(export.copy()).contains(export.outputProperty().get());
        assertThat(export.statusProperty().get()).isEqualTo(BUNDLE.getString("export.copied"));

        Path file = tmp.resolve("out/template.yaml");
        export.save(file);
        assertThat(Files.readString(file)).isEqualTo(export.outputProperty().get());
        assertThat(export.busyProperty().get()).isFalse();
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }
}
