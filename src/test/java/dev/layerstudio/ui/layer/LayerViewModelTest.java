package dev.layerstudio.ui.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.asyncFx;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;

/** The Layer view model against moto, without a window. */
@ExtendWith(MotoExtension.class)
class LayerViewModelTest {

    private static MotoServer moto;
    private static String shared1;

    private final AppExecutor executor = new AppExecutor(2);
    private WizardState state;
    private LayerViewModel vm;

    @BeforeAll
    static void fixtures(MotoServer server) throws Exception {
        FxToolkit.registerPrimaryStage();
        moto = server;
        try (AwsSession s = server.session()) {
            MotoFixtures f = new MotoFixtures(server, s.lambda());
            shared1 = f.publishLayer("shared", Map.of("python/s.py", "S = 1\n"), "python3.12").layerVersionArn();
            f.publishLayer("numpy-stack", Map.of("python/n.py", "N = 1\n"), "python3.11");
            f.createFunction("reports", "python3.12", List.of(shared1));
        }
    }

    @BeforeEach
    void model() throws Exception {
        state = new WizardState(executor::execute);
        vm = asyncFx(() -> new LayerViewModel(state, SdkLayerService::new, SdkFunctionService::new, executor,
                ResourceBundle.getBundle("dev.layerstudio.ui.messages"))).get();
    }

    @AfterEach
    void close() {
        executor.close();
        state.close();
    }

    @Test
    void listsTheRegionsLayersOnceConnectedAndSearches() throws Exception {
        assertThat(vm.placeholderProperty().get()).contains("Connect");
        asyncFx(() -> state.sessionProperty().set(moto.session())).get();
        waitFor(30, TimeUnit.SECONDS, () -> vm.layers().size() == 2 && !vm.loadingProperty().get());
        assertThat(vm.shownProperty().get()).extracting(LayerInfo::name)
                .containsExactly("numpy-stack", "shared");
        asyncFx(() -> vm.searchProperty().set("3.11")).get();
        assertThat(vm.shownProperty().get()).extracting(LayerInfo::name)
                .containsExactly("numpy-stack");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void choosingALayerLooksUpWhoUsesItAndANewSessionForgetsIt() throws Exception {
        asyncFx(() -> state.sessionProperty().set(moto.session())).get();
        waitFor(30, TimeUnit.SECONDS, () -> vm.layers().size() == 2);
        LayerRow shared = asyncFx(() -> new LayerRow.Layer(vm.shownProperty().get().get(1))).get();
        asyncFx(() -> vm.select(shared)).get();
        assertThat(state.layerProperty().get()).isEqualTo(LayerChoice.of(shared.layer()));
        assertThat(vm.validProperty().get()).isTrue();
        waitFor(30, TimeUnit.SECONDS, () -> !vm.usage().isEmpty());
        assertThat(vm.usage()).extracting(LayerUse::functionName).containsExactly("reports");
        assertThat(vm.choiceTitleProperty().get()).isEqualTo("Next version of shared");

        asyncFx(() -> state.sessionProperty().set(moto.session("eu-west-1"))).get();
        assertThat(state.layerProperty().get()).isNull();
        waitFor(30, TimeUnit.SECONDS, () -> !vm.loadingProperty().get() && vm.layers().isEmpty());
        assertThat(vm.placeholderProperty().get()).contains("no layers in eu-west-1");
    }

    @Test
    void aNewNameMustBeWellFormedAndFree() throws Exception {
        asyncFx(() -> state.sessionProperty().set(moto.session())).get();
        waitFor(30, TimeUnit.SECONDS, () -> vm.layers().size() == 2);
        asyncFx(() -> vm.newNameProperty().set("has space")).get();
        assertThat(vm.nameErrorProperty().get()).contains("only letters");
        assertThat(state.layerProperty().get()).isNull();
        asyncFx(() -> vm.newNameProperty().set("x".repeat(141))).get();
        assertThat(vm.nameErrorProperty().get()).contains("at most 140");
        // the name of a layer listed here chooses that layer (its next version), not an error
        asyncFx(() -> vm.newNameProperty().set("shared")).get();
        assertThat(vm.nameErrorProperty().get()).isEmpty();
        assertThat(state.layerProperty().get().isNew()).isFalse();
        assertThat(state.layerProperty().get().name()).isEqualTo("shared");
        assertThat(vm.modeProperty().get()).isEqualTo(LayerViewModel.Mode.EXISTING);
        assertThat(vm.selectedProperty().get()).isInstanceOf(LayerRow.Layer.class);
        assertThat(vm.selectedProperty().get().layer().name()).isEqualTo("shared");
        asyncFx(() -> vm.newNameProperty().set("shared-v2")).get();
        assertThat(vm.nameErrorProperty().get()).isEmpty();
        assertThat(state.layerProperty().get()).isEqualTo(LayerChoice.newLayer("shared-v2"));
        assertThat(vm.modeProperty().get()).isEqualTo(LayerViewModel.Mode.NEW);
        // the row chosen before is no longer the one whose details are shown
        assertThat(vm.selectedProperty().get()).isNull();
    }
}
