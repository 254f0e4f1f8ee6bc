package dev.layerstudio.ui.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Test in Lambda sends and what it says it will create, without a window. */
class LambdaTestViewModelTest {

    private final ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
    private final AppExecutor executor = new AppExecutor(1);
    private final LambdaTestViewModel vm = new LambdaTestViewModel(new WizardState(Runnable::run),
            LambdaTestServices.of(AppServices.with(executor, new Connector(), uri -> { })), bundle);

    @AfterEach
    void close() {
        executor.close();
    }

    private static LayerVersionInfo version(List<String> runtimes, List<String> archs) {
        return new LayerVersionInfo(LayerVersionRef.parse("arn:aws:lambda:us-east-1:123456789012:layer:deps:7"), "",
                "", runtimes, archs, 10, "abc", Instant.EPOCH, null);
    }

    @Test
    void aPublishedVersionIsTestedOnItsOwnRuntimeAndArchitecture() {
        LambdaTestViewModel.Target t = LambdaTestViewModel.Target.of(version(List.of("nodejs20.x", "python3.11"),
                List.of("arm64")), "python3.12", "x86_64");
        assertThat(t.layerArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:layer:deps:7");
        assertThat(t.zip()).isNull();
        assertThat(t.runtime()).isEqualTo("python3.11");
        assertThat(t.architecture()).isEqualTo("arm64");
        assertThat(t.label()).isEqualTo("deps:7");

        LambdaTestViewModel.Target undeclared = LambdaTestViewModel.Target.of(version(List.of(), List.of()),
                "python3.12", "x86_64");
        assertThat(undeclared.runtime()).isEqualTo("python3.12");
        assertThat(undeclared.architecture()).isEqualTo("x86_64");
    }

    @Test
    void theNoticeNamesWhatIsCreatedAndTheCost() {
        assertThat(vm.noticeProperty().get()).contains("a function layer-studio-probe-",
                "an execution role with no permissions").doesNotContain("temporary version");

        vm.targetProperty().set(new LambdaTestViewModel.Target(null, Path.of("layer.zip"), "python3.12", "x86_64",
                "layer.zip", "abc"));
        assertThat(vm.noticeProperty().get()).contains("a temporary version of this layer", "one invoke",
                "well under one US cent");

        vm.keepRoleProperty().set(true);
        assertThat(vm.noticeProperty().get()).contains("(kept afterwards)");

        vm.roleArnProperty().set("arn:aws:iam::123456789012:role/mine");
        assertThat(vm.noticeProperty().get()).doesNotContain("execution role");
    }

    @Test
    void withoutAConnectionOrATargetNothingCanRun() {
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.targetProperty().set(new LambdaTestViewModel.Target(null, Path.of("layer.zip"), "python3.12", "x86_64",
                "layer.zip", "abc"));
        assertThat(vm.canRunProperty().get()).as("no session").isFalse();
        vm.run(); // ignored: nothing to run against
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.ranOnceProperty().get()).isFalse();
    }
}
