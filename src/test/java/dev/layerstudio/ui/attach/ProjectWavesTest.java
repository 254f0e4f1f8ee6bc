package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Rollouts;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.model.Wave;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.project.ProjectRecovery;
import dev.layerstudio.ui.project.ProjectViewModel;
import dev.layerstudio.ui.project.RecentProjects;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An opened project's rollout waves are the staged rollout's, and the user's edits of the waves are the project's. */
@ExtendWith(MotoExtension.class)
class ProjectWavesTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @TempDir
    static Path tmp;

    private static AwsSession session;
    private static MotoFixtures fixtures;

    @BeforeAll
    static void connect(MotoServer server) {
        session = server.session();
        fixtures = new MotoFixtures(server, session.lambda());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /** Functions on version 1 of {@code layer} (dev-a and dev-b tagged dev, prod and canary tagged prod); version 2 published. */
    private static WizardState published(String layer, LayerVersionInfo[] v2) {
        String v1 = fixtures.publishLayer(layer, Map.of("python/l.py", "L = 1\n"), "python3.12").layerVersionArn();
        fixtures.createFunction(layer + "-dev-a", "python3.12", List.of(v1), Map.of("env", "dev"));
        fixtures.createFunction(layer + "-dev-b", "python3.12", List.of(v1), Map.of("env", "dev"));
        fixtures.createFunction(layer + "-canary", "python3.12", List.of(v1), Map.of("env", "prod"));
        fixtures.createFunction(layer + "-prod", "python3.12", List.of(v1), Map.of("env", "prod"));
        return AttachViewModelTest.published(session, layer, v2);
    }

    private static Path projectFile(String layer, List<String> waves) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(layer));
        Path file = dir.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(new LayerProject(layer, List.of("python3.12"), Architecture.X86_64, null, List.of(),
                Set.of(), null, null, new LayerProject.Targets(List.of(), waves)), file);
        return file;
    }

    /** The window's project over the same state (the autosave never comes: the test is over in less). */
    private static ProjectViewModel project(WizardState state) {
        Path settings = tmp.resolve("settings");
        return new ProjectViewModel(state, new ProjectViewModel.Services(new DefaultLayerBuilder(), null,
                new SameThreadTaskExecutor(), new RecentProjects(settings), new ProjectRecovery(settings),
                new ProjectViewModel.Debouncer() {
                    @Override
                    public void restart(Runnable action) {
                    }

                    @Override
                    public void cancel() {
                    }
                }, Clock.systemUTC()), BUNDLE);
    }

    private static List<List<String>> shown(RolloutViewModel vm) {
        return vm.waves().stream().map(w -> w.functions().stream().map(WaveView.Line::function).sorted().toList())
                .toList();
    }

    @Test
    void anOpenedProjectsWavesAreTheRolloutsAndSplitTheFunctionsAsUpgradeProjectDoes() throws Exception {
        LayerVersionInfo[] v2 = new LayerVersionInfo[1];
        WizardState state = published("pw-open", v2);
        AttachServices services = AttachViewModelTest.services(new SameThreadTaskExecutor(), tmp);
        RolloutViewModel vm = new RolloutViewModel(state, services.functions(), new SameThreadTaskExecutor(), BUNDLE,
                services.rollouts());
        ProjectViewModel project = project(state);
        Path file = projectFile("pw-open", List.of("pw-open-canary", "env = dev"));

        assertThat(vm.stagedProperty().get()).isFalse();
        project.open(file);
        vm.onShow();

        assertThat(vm.stagedProperty().get()).as("a project with waves opens on its staged rollout").isTrue();
        assertThat(vm.selectors()).containsExactly("pw-open-canary", "env=dev");
        // the same waves as the command line's upgrade --project plans from the file
        LayerProject read = ProjectFile.read(file).project();
        RolloutPlan cli = new Rollouts(services.functions().apply(session), services.rollouts())
                .plan(v2[0].layerArn(), v2[0].version(), 0, read.targets().waveSelectors());
        assertThat(cli.waves()).hasSize(3);
        assertThat(shown(vm)).isEqualTo(cli.waves().stream().map(Wave::functionNames)
                .map(n -> n.stream().sorted().toList()).toList());
        assertThat(shown(vm).get(0)).containsExactly("pw-open-canary");
        assertThat(shown(vm).get(1)).containsExactly("pw-open-dev-a", "pw-open-dev-b");
        assertThat(vm.canStartProperty().get()).isTrue();
        assertThat(project.dirtyProperty().get()).isFalse(); // reading the waves is no edit
    }

    @Test
    void wavesEditedOnThePageAreSavedAndStoppingARolloutIsNoEdit() throws Exception {
        LayerVersionInfo[] v2 = new LayerVersionInfo[1];
        WizardState state = published("pw-edit", v2);
        AttachServices services = AttachViewModelTest.services(new SameThreadTaskExecutor(), tmp);
        ProjectViewModel project = project(state);
        Path file = projectFile("pw-edit", List.of("env=dev"));
        project.open(file);
        // the step made after the project was opened starts with its waves too
        RolloutViewModel vm = new RolloutViewModel(state, services.functions(), new SameThreadTaskExecutor(), BUNDLE,
                services.rollouts());
        vm.onShow();
        assertThat(vm.selectors()).containsExactly("env=dev");

        vm.selectorInputProperty().set("pw-edit-canary");
        vm.addSelector();
        assertThat(state.wavesProperty().get()).containsExactly("env=dev", "pw-edit-canary");
        assertThat(project.dirtyProperty().get()).isTrue();
        vm.removeSelector("env=dev");
        assertThat(state.wavesProperty().get()).containsExactly("pw-edit-canary");
        assertThat(shown(vm)).hasSize(2); // the canary, then the rest

        project.save(null);
        assertThat(project.dirtyProperty().get()).isFalse();
        assertThat(ProjectFile.read(file).project().targets().waves()).containsExactly("pw-edit-canary");

        // a rollout started and stopped takes its waves with it: the project keeps its own
        vm.applyFirstWave();
        Confirmation question = vm.confirmationProperty().get();
        if (question != null) {
            vm.confirmationProperty().set(null);
            question.onYes().run();
        }
        assertThat(vm.journalProperty().get()).isNotNull();
        vm.stop();
        assertThat(vm.selectors()).isEmpty();
        assertThat(state.wavesProperty().get()).containsExactly("pw-edit-canary");
        assertThat(project.dirtyProperty().get()).isFalse();
    }
}
