package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.task.QueuedTaskExecutor;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Layer;

/** The staged rollout's view model without a window: waves planned, applied, rolled back, cancelled. */
@ExtendWith(MotoExtension.class)
class RolloutViewModelTest {

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

    /** Two dev functions and a prod one on version 1 of {@code layer}; version 2 published. */
    private static RolloutViewModel rollout(String layer, TaskExecutor executor, LayerVersionInfo[] v2) {
        String v1 = fixtures.publishLayer(layer, Map.of("python/l.py", "L = 1\n"), "python3.12").layerVersionArn();
        fixtures.createFunction(layer + "-dev-a", "python3.12", List.of(v1), Map.of("env", "dev"));
        fixtures.createFunction(layer + "-dev-b", "python3.12", List.of(v1), Map.of("env", "dev"));
        fixtures.createFunction(layer + "-prod", "python3.12", List.of(v1), Map.of("env", "prod"));
        WizardState state = AttachViewModelTest.published(session, layer, v2);
        AttachServices services = AttachViewModelTest.services(executor, tmp);
        RolloutViewModel vm = new RolloutViewModel(state, services.functions(), executor, BUNDLE, services.rollouts());
        vm.onShow();
        vm.selectorInputProperty().set("env=dev");
        vm.addSelector();
        return vm;
    }

    /** moto serves no layer content, so each wave carries the warning that says so: confirmed. */
    private static void confirm(RolloutViewModel vm) {
        Confirmation question = vm.confirmationProperty().get();
        assertThat(question).isNotNull();
        assertThat(question.lines()).anyMatch(l -> l.contains("could not be read"));
        vm.confirmationProperty().set(null);
        question.onYes().run();
    }

    @Test
    void appliesTheWavesInTurnAndRollsTheLastOneBack() {
        LayerVersionInfo[] v2 = new LayerVersionInfo[1];
        RolloutViewModel vm = rollout("rv-flow", new SameThreadTaskExecutor(), v2);
        assertThat(vm.waves()).hasSize(2); // env=dev, then the rest
        assertThat(vm.canStartProperty().get()).isTrue();

        vm.applyFirstWave();
        confirm(vm);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.journalProperty().get().wave(1).state()).isEqualTo(WaveRecord.State.APPLIED);
        assertThat(layersOf("rv-flow-dev-a")).containsExactly(v2[0].arn());
        assertThat(layersOf("rv-flow-prod")).doesNotContain(v2[0].arn());

        vm.continueRollout();
        confirm(vm);
        assertThat(vm.journalProperty().get().finished()).isTrue();
        assertThat(layersOf("rv-flow-prod")).containsExactly(v2[0].arn());

        vm.rollBackWave();
        assertThat(vm.journalProperty().get().wave(2).state()).isEqualTo(WaveRecord.State.ROLLED_BACK);
        assertThat(layersOf("rv-flow-prod")).doesNotContain(v2[0].arn());
        assertThat(layersOf("rv-flow-dev-a")).containsExactly(v2[0].arn());
    }

    @Test
    void aWaveCancelledBeforeItStartsLeavesNothingBusyAndNothingChanged() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        LayerVersionInfo[] v2 = new LayerVersionInfo[1];
        RolloutViewModel vm = rollout("rv-early", executor, v2);
        executor.runAll(); // the waves are planned
        assertThat(vm.waves()).hasSize(2);

        vm.applyFirstWave();
        confirm(vm);
        assertThat(vm.busyProperty().get()).isTrue();
        vm.cancel(); // before the wave's work has begun
        assertThat(vm.cancellingProperty().get()).isTrue();
        executor.runAll();

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.cancellingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith(BUNDLE.getString("rollout.cancelled"));
        assertThat(vm.canStartProperty().get()).isTrue();
        assertThat(layersOf("rv-early-dev-a")).doesNotContain(v2[0].arn());
        RolloutJournal j = vm.journalProperty().get();
        assertThat(j).isNull();
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }
}
