package dev.layerstudio.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.task.QueuedTaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A publish that ends after the user changed the layer's contents is shown, not taken for the wizard. */
@ExtendWith(MotoExtension.class)
class PublishStaleResultTest {

    private final AppExecutor app = new AppExecutor(1);
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aVersionPublishedFromAZipTheUserReplacedIsNotTheWizardsVersion(MotoServer moto, @TempDir Path tmp)
            throws Exception {
        WizardState state = new WizardState(Runnable::run);
        AwsSession session = moto.session();
        state.sessionProperty().set(session);
        PublishViewModel vm = new PublishViewModel(state,
                PublishServices.of(AppServices.with(app, new Connector(), uri -> { })
                        .withTasks(executor)), ResourceBundle.getBundle("dev.layerstudio.ui.messages"));
        byte[] bytes = Zips.of(Map.of("python/p.py", "P = 1\n"));
        Path zip = Files.write(tmp.resolve("layer.zip"), bytes);
        state.zipProperty().set(new ZipResult(zip, "00", "AA==", bytes.length, 6, 1, 2));
        vm.nameProperty().set("stale-publish");
        vm.runtimes().stream().filter(c -> c.id().equals(Runtime.parse("python3.12").id())).findFirst().orElseThrow()
                .selectedProperty().set(true);
        vm.architectures().stream().filter(c -> c.id().equals(Architecture.X86_64.id())).findFirst().orElseThrow()
                .selectedProperty().set(true);
        assertThat(vm.canPublishProperty().get()).isTrue();

        vm.publish(false, true);
        state.zipProperty().set(null); // back to Contents: the zip is made again later
        executor.runAll();

        assertThat(vm.results()).singleElement().satisfies(r -> assertThat(r.ok()).isTrue());
        assertThat(state.publishedProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        session.close();
    }
}
