package dev.layerstudio.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.SandboxHost;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.task.QueuedTaskExecutor;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Connect step's view model without a window: profiles read, a connection made, a stale one dropped. */
@ExtendWith(MotoExtension.class)
class ConnectViewModelTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @TempDir
    static Path home;

    private static Connector connector;

    @BeforeAll
    static void profiles(MotoServer moto) {
        connector = new AwsHome(home)
                .config("""
                        [profile moto]
                        region = eu-west-1
                        endpoint_url = %s

                        [profile other]
                        region = us-west-2
                        endpoint_url = %s
                        """.formatted(moto.endpoint(), moto.endpoint()))
                .credentials("[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n"
                        + "[other]\naws_access_key_id = testing\naws_secret_access_key = testing\n")
                .connector();
    }

    private final WizardState state = new WizardState(Runnable::run);

    private ConnectViewModel vm(TaskExecutor executor) {
        SandboxHost sandbox = new SandboxHost(Sandbox.Setup.of(AppDirs.current()), new DefaultLayerBuilder());
        return new ConnectViewModel(state, connector, sandbox, executor, BUNDLE);
    }

    private static ConnectTarget profile(ConnectViewModel vm, String name) {
        return find(vm.rootProperty().get(), name);
    }

    private static ConnectTarget find(ConnectTree.Row row, String label) {
        if (row.target().label().equals(label) && row.target() instanceof ConnectTarget.Profile) {
            return row.target();
        }
        return row.children().stream().map(c -> find(c, label)).filter(t -> t != null).findFirst().orElse(null);
    }

    @Test
    void readsTheProfilesAndConnectsWithTheFirstOne() {
        ConnectViewModel vm = vm(new SameThreadTaskExecutor());
        vm.load();
        assertThat(vm.selectedProperty().get()).isEqualTo(profile(vm, "moto"));
        assertThat(vm.regionProperty().get()).isEqualTo("eu-west-1");

        vm.connect();
        assertThat(vm.identityProperty().get()).isNotNull();
        assertThat(state.sessionProperty().get()).isNotNull();
        assertThat(state.sessionProperty().get().region()).isEqualTo("eu-west-1");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aConnectionForARowTheUserLeftIsNotInstalled() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ConnectViewModel vm = vm(executor);
        vm.load();
        executor.runAll();
        assertThat(vm.selectedProperty().get()).isEqualTo(profile(vm, "moto"));

        vm.connect();
        vm.selectedProperty().set(profile(vm, "other")); // chosen while the first connection is being made
        executor.runAll();

        assertThat(state.sessionProperty().get()).isNull();
        assertThat(vm.identityProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(vm.regionProperty().get()).isEqualTo("us-west-2");
    }
}
