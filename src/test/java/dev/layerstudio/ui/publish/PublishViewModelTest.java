package dev.layerstudio.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Publish form's checks and the request it makes, without a window. */
class PublishViewModelTest {

    private final AppExecutor executor = new AppExecutor(1);
    private final WizardState state = new WizardState(Runnable::run);
    private final PublishViewModel vm = new PublishViewModel(state,
            PublishServices.of(AppServices.with(executor, new Connector(), uri -> { })),
            ResourceBundle.getBundle("dev.layerstudio.ui.messages"));

    @AfterEach
    void close() {
        executor.close();
    }

    private static ZipResult zip(long bytes) {
        return new ZipResult(Path.of("/tmp/layer.zip"), "ab", "q80=", bytes, bytes * 2, 10, 8);
    }

    @Test
    void everyPythonRuntimeOfTheTableIsOfferedAndADeprecatedOneMarked() {
        assertThat(vm.runtimes()).extracting(PublishChoice::id).containsExactlyElementsOf(Runtime.ids());
        // python3.9 was deprecated on 2025-12-15: marked on any later day
        assertThat(vm.runtimes().get(0).note()).startsWith("python3.9 is deprecated (since 2025-12-15)");
        assertThat(vm.runtimes().get(vm.runtimes().size() - 1).id()).isEqualTo("python3.14");
    }

    @Test
    void aNodeLayerIsOfferedTheNodeRuntimesWithTheBuiltOneChosen() {
        state.runtimeProperty().set(Runtime.parse("nodejs22.x"));
        state.layerProperty().set(dev.layerstudio.ui.wizard.LayerChoice.newLayer("web-deps"));
        vm.onShow();
        assertThat(vm.runtimes()).extracting(PublishChoice::id)
                .containsExactlyElementsOf(Runtime.node().stream().map(Runtime::id).toList());
        assertThat(vm.runtimes()).filteredOn(c -> c.selectedProperty().get()).extracting(PublishChoice::id)
                .containsExactly("nodejs22.x");
        // nodejs18.x reached its end of support on 2025-09-01
        assertThat(vm.runtimes().get(0).note()).startsWith("nodejs18.x is deprecated");

        state.runtimeProperty().set(Runtime.parse("python3.13"));
        vm.onShow();
        assertThat(vm.runtimes()).extracting(PublishChoice::id).containsExactlyElementsOf(Runtime.ids());
        assertThat(vm.runtimes()).filteredOn(c -> c.selectedProperty().get()).extracting(PublishChoice::id)
                .containsExactly("python3.13");
    }

    @Test
    void anOpenedProjectsPublishOptionsAreFilledInAndEditsAreKeptForItsSave() {
        state.publishOptionsProperty().set(new dev.layerstudio.model.LayerProject.Publish("v4: add numpy", "MIT",
                "team-layers", List.of()));
        state.layerProperty().set(dev.layerstudio.ui.wizard.LayerChoice.newLayer("team-deps"));
        vm.onShow();
        assertThat(vm.descriptionProperty().get()).isEqualTo("v4: add numpy");
        assertThat(vm.licenseProperty().get()).isEqualTo("MIT");
        assertThat(vm.bucketProperty().get()).isEqualTo("team-layers");

        vm.licenseProperty().set("Apache-2.0");
        vm.descriptionProperty().set("v5: bump requests");
        assertThat(state.publishOptionsProperty().get()).isEqualTo(new dev.layerstudio.model.LayerProject.Publish(
                "v5: bump requests", "Apache-2.0", "team-layers", List.of()));
    }

    @Test
    void withoutAZipNothingCanBePublished() {
        assertThat(vm.problems()).singleElement().asString().contains("Inspect the layer first");
        assertThat(vm.canPublishProperty().get()).isFalse();
    }

    @Test
    void theFormIsCheckedAsItIsTyped() {
        state.zipProperty().set(zip(1_000_000));
        vm.nameProperty().set("orders-deps");
        vm.runtimes().stream().filter(c -> c.id().equals(Runtime.parse("python3.12").id())).findFirst().orElseThrow()
                .selectedProperty().set(true);
        vm.architectures().stream().filter(c -> c.id().equals(Architecture.ARM64.id())).findFirst().orElseThrow()
                .selectedProperty().set(true);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.viaS3Property().get()).isFalse();

        vm.nameProperty().set("orders deps");
        assertThat(vm.problems()).hasSize(1);
        vm.nameProperty().set("orders-deps");
        vm.descriptionProperty().set("x".repeat(257));
        assertThat(vm.problems()).singleElement().asString().contains("257 characters");
        vm.descriptionProperty().set("ok");

        PublishRequest r = vm.request(false);
        assertThat(r.layerName()).isEqualTo("orders-deps");
        assertThat(r.compatibleRuntimes()).containsExactly("python3.12");
        assertThat(r.compatibleArchitectures()).containsExactly("arm64");
        assertThat(r.s3Bucket()).isNull();
        assertThat(vm.request(true).force()).isTrue();
    }

    @Test
    void aZipAboveTheDirectLimitGoesThroughABucketCreatedOnlyWithConsent() {
        vm.nameProperty().set("big");
        state.zipProperty().set(zip(60L * 1024 * 1024));
        assertThat(vm.viaS3Property().get()).isTrue();
        assertThat(vm.problems()).anyMatch(p -> p.contains("S3 bucket"));

        vm.bucketProperty().set("Not_A_Bucket");
        assertThat(vm.problems()).anyMatch(p -> p.contains("not a valid S3 bucket name"));
        vm.bucketProperty().set("layers-{region}");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.request(false).bucketFor("eu-west-1")).isEqualTo("layers-eu-west-1");
        assertThat(vm.request(false).createBucket()).isFalse();
        vm.createBucketProperty().set(true);
        assertThat(vm.request(false).createBucket()).isTrue();
    }
}
