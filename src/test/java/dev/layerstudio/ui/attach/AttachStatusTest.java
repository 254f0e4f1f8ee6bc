package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.asyncFx;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The Attach page's status lines belong to the action that wrote them: what an apply said goes
 * when another choice of functions is planned, Undo's cards say the functions were put back
 * (not "Updated"), and another connection or version clears what was said of the last one.
 */
@ExtendWith(MotoExtension.class)
class AttachStatusTest {

    @TempDir
    Path tmp;

    private static MotoServer moto;

    private final AppExecutor executor = new AppExecutor(2);
    private WizardState state;
    private AttachViewModel vm;

    @BeforeAll
    static void functions(MotoServer server) throws Exception {
        moto = server;
        FxToolkit.registerPrimaryStage();
        try (AwsSession s = moto.session()) {
            MotoFixtures fixtures = new MotoFixtures(moto, s.lambda());
            String old = fixtures.publishLayer("shared", Map.of("python/shared.py", "X = 1\n"), "python3.12")
                    .layerVersionArn();
            fixtures.createFunction("orders", "python3.12", List.of(old));
            fixtures.createFunction("billing", "python3.12", List.of(old));
        }
    }

    @BeforeEach
    void model() throws Exception {
        AppServices services = AppServices.with(executor, new Connector(), uri -> { });
        AwsSession session = moto.session();
        session.lambda().publishLayerVersion(b -> b.layerName("deps").compatibleRuntimesWithStrings("python3.12")
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.layer("deps", "Y = 2\n")))));
        LayerVersionInfo v = new SdkLayerService(session).latestVersion("deps").orElseThrow();
        state = new WizardState(executor::execute);
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        vm = asyncFx(() -> {
            state.sessionProperty().set(session);
            state.layerProperty().set(LayerChoice.newLayer("deps"));
            state.publishedProperty().set(new PublishResult(session.region(), PublishResult.Status.PUBLISHED, v,
                    "direct", v.codeSha256(), v.codeSize(), "Published."));
            return new AttachViewModel(state, AttachServices.of(services), bundle);
        }).get();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void eachStatusLineSpeaksOnlyForTheLatestAction() throws Exception {
        asyncFx(vm::onShow).get();
        waitFor(30, TimeUnit.SECONDS, () -> vm.rows().size() == 2 && !vm.busyProperty().get());
        assertThat(vm.statusProperty().get()).isEqualTo("2 functions in us-east-1.");

        // choosing functions is a newer action: the count of the listing goes
        asyncFx(() -> row("orders").chosenProperty().set(true)).get();
        assertThat(vm.statusProperty().get()).isEmpty();
        waitFor(30, TimeUnit.SECONDS, () -> vm.plans().size() == 1 && vm.canApplyProperty().get());

        asyncFx(() -> vm.apply(true)).get();
        waitFor(60, TimeUnit.SECONDS, () -> !vm.results().isEmpty() && !vm.busyProperty().get());
        assertThat(vm.results()).extracting(ApplyResult::outcome).containsExactly(ApplyResult.Outcome.UPDATED);
        assertThat(vm.statusProperty().get()).isEqualTo("1 of 1 function updated.");
        assertThat(vm.plans().get(0).statusProperty().get()).startsWith("Updated.");

        // Undo: the card no longer says "Updated" of a function put back
        asyncFx(vm::undo).get();
        waitFor(60, TimeUnit.SECONDS, () -> vm.results().isEmpty() && !vm.busyProperty().get());
        assertThat(vm.statusProperty().get()).isEqualTo("1 function was put back as it was.");
        assertThat(vm.plans().get(0).statusProperty().get()).isEqualTo("Put back as it was.")
                .doesNotContain("Updated");

        // another choice of functions: what the undo said of the last one goes
        asyncFx(() -> row("billing").chosenProperty().set(true)).get();
        assertThat(vm.statusProperty().get()).isEmpty();
        waitFor(30, TimeUnit.SECONDS, () -> vm.plans().size() == 2 && !vm.busyProperty().get());

        // a refusal is said; another version to attach (its context) clears it
        asyncFx(() -> vm.apply(false)).get();
        assertThat(vm.statusProperty().get()).startsWith("Confirm the points listed");
        asyncFx(() -> state.publishedProperty().set(null)).get();
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    private AttachViewModel.Row row(String name) {
        return vm.rows().stream().filter(r -> r.function().name().equals(name)).findFirst().orElseThrow();
    }
}
