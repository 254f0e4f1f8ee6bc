package dev.layerstudio.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.SdkBytes;

/** The Publish page over a zip Inspect would leave: the form, a direct upload, and identical content found first. */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class PublishStepTest {

    private static MotoServer moto;
    private static int layers;

    @TempDir
    Path dir;

    private AppExecutor executor;
    private WizardState state;
    private PublishViewModel vm;
    private String layerName;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    @Start
    void start(Stage stage) throws Exception {
        executor = new AppExecutor(2);
        AppServices services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        state.sessionProperty().set(moto.session());
        layerName = "deps-" + (++layers);
        state.contentProperty().set(SampleLayer.build(dir, services.builder(), null));
        state.zipProperty().set(services.builder().zip(state.contentProperty().get(), dir.resolve("layer.zip"),
                ProgressListener.NONE));
        state.layerProperty().set(LayerChoice.newLayer(layerName));
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.PUBLISH, PublishController.class,
                () -> new PublishController(vm = new PublishViewModel(state, PublishServices.of(services), bundle)),
                Theme.LIGHT);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void aNewLayerIsCheckedAsTypedAndPublishedDirectly(FxRobot robot) throws Exception {
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        Button publish = robot.lookup("#publishButton").queryButton();
        assertThat(robot.lookup("#publishExportButton").queryButton().isDisabled()).as("nothing published yet")
                .isTrue();
        assertThat(name.getText()).isEqualTo(layerName);
        // proposed from the content: x86-64 native code and cpython-312 modules
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#proposalLabel").queryLabeled().getText()
                .startsWith("Proposed from the content"));
        assertThat(robot.lookup("#runtime-python3_12").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#runtime-python3_13").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#arch-x86_64").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#arch-arm64").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#descriptionField").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#uploadLabel").queryLabeled().getText()).contains("directly");
        assertThat(robot.lookup("#s3Box").query().isVisible()).isFalse();

        robot.clickOn(name).eraseText(layerName.length()).write("bad name!");
        assertThat(vm.problems()).singleElement().asString().contains("name");
        assertThat(publish.isDisabled()).isTrue();
        robot.eraseText(9).write(layerName);
        assertThat(vm.problems()).isEmpty();
        robot.clickOn("#arch-arm64");
        // the content cannot run on arm64: the page says why, and publishing asks first
        assertThat(vm.compatibilityProblems()).singleElement().asString().startsWith("arm64:")
                .contains("native code is for x86_64");
        assertThat(robot.lookup("#compatBox").queryAs(javafx.scene.layout.VBox.class).getChildren()).hasSize(1);
        robot.clickOn("#licenseField").write("MIT");

        waitFor(10, TimeUnit.SECONDS, () -> !publish.isDisabled());
        robot.clickOn(publish);
        assertThat(dev.layerstudio.ui.Confirm.no(robot)).singleElement().asString().startsWith("arm64:");
        assertThat(state.publishedProperty().get()).isNull();
        try (AwsSession s = moto.session()) {
            assertThat(s.lambda().listLayerVersions(b -> b.layerName(layerName)).layerVersions()).isEmpty();
        }
        robot.clickOn(publish);
        dev.layerstudio.ui.Confirm.yes(robot);
        // the page fills its result card once publishing has finished, a moment after the state has the version
        waitFor(30, TimeUnit.SECONDS, () -> state.publishedProperty().get() != null
                && !robot.lookup("#arnValue").queryLabeled().getText().isEmpty()
                && !robot.lookup("#shaValue").queryLabeled().getText().isEmpty());

        PublishResult result = state.publishedProperty().get();
        assertThat(result.status()).isEqualTo(PublishResult.Status.PUBLISHED);
        assertThat(result.upload()).isEqualTo("direct");
        assertThat(result.version().version()).isEqualTo(1);
        assertThat(robot.lookup("#arnValue").queryLabeled().getText()).isEqualTo(result.version().arn());
        assertThat(robot.lookup("#shaValue").queryLabeled().getText()).isEqualTo(state.zipProperty().get().codeSha256());
        try (AwsSession s = moto.session()) {
            var v = s.lambda().getLayerVersion(b -> b.layerName(layerName).versionNumber(1L));
            assertThat(v.content().codeSha256()).isEqualTo(state.zipProperty().get().codeSha256());
            assertThat(v.compatibleRuntimesAsStrings()).containsExactly("python3.12");
            assertThat(v.compatibleArchitecturesAsStrings()).containsExactlyInAnyOrder("x86_64", "arm64");
            assertThat(v.licenseInfo()).isEqualTo("MIT");
        }

        // the version just published exports from here too, in the dialog the Attach step opens
        robot.clickOn("#publishExportButton");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#exportText").queryAs(TextArea.class).getText()
                .contains(result.version().arn()));
        assertThat(robot.lookup("#exportText").queryAs(TextArea.class).getText())
                .contains("Type: AWS::Serverless::LayerVersion").contains("LayerName: " + layerName);
    }

    @Test
    void theDescriptionStartsEmptyWithWhatChangedProposed(FxRobot robot) throws Exception {
        // version 1 of the layer holds other content, and a description of its own
        Path old = Files.write(dir.resolve("old.zip"), dev.layerstudio.testing.Zips.layer("helpers", "H = 1\n"));
        try (AwsSession s = moto.session()) {
            s.lambda().publishLayerVersion(b -> b.layerName(layerName).description("the old helpers")
                    .compatibleRuntimesWithStrings("python3.12").content(c -> c.zipFile(SdkBytes.fromByteArray(read(old)))));
            LayerInfo info = new dev.layerstudio.aws.SdkLayerService(s).listLayers().stream()
                    .filter(l -> l.name().equals(layerName)).findFirst().orElseThrow();
            // what Inspect computes: the diff against the latest version
            var diff = new dev.layerstudio.inspect.Inspector().diff(new dev.layerstudio.inspect.LayerSource.LocalZip(old),
                    new dev.layerstudio.inspect.LayerSource.LocalZip(state.zipProperty().get().output()),
                    ProgressListener.NONE);
            robot.interact(() -> {
                state.layerProperty().set(LayerChoice.of(info));
                state.diffProperty().set(diff);
                vm.onShow();
            });
        }
        TextArea description = robot.lookup("#descriptionField").queryAs(TextArea.class);
        assertThat(description.getText()).isEmpty();
        Button use = robot.lookup("#useDescriptionButton").queryButton();
        assertThat(use.isVisible()).isTrue();
        assertThat(use.getText()).startsWith("Use: ").contains("+ numpy 2.1.0");
        robot.clickOn(use);
        assertThat(description.getText()).contains("+ numpy 2.1.0").doesNotContain("old helpers");
        assertThat(use.isVisible()).isFalse();
    }

    @Test
    void identicalContentIsFoundBeforePublishingAndCanBeUsedOrPublishedAnyway(FxRobot robot) throws Exception {
        // the layer exists already (as the Layer step would have listed it), its latest version has exactly this zip
        try (AwsSession s = moto.session()) {
            s.lambda().publishLayerVersion(b -> b.layerName(layerName).compatibleRuntimesWithStrings("python3.12")
                    .content(c -> c.zipFile(SdkBytes.fromByteArray(read(state.zipProperty().get().output())))));
            LayerInfo info = new dev.layerstudio.aws.SdkLayerService(s).listLayers().stream()
                    .filter(l -> l.name().equals(layerName)).findFirst().orElseThrow();
            robot.interact(() -> {
                state.layerProperty().set(LayerChoice.of(info));
                vm.onShow();
            });
        }
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#duplicateBox").query().isVisible()
                && robot.lookup("#useExistingButton").queryButton().getHeight() > 0);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the box's buttons laid out in place
        assertThat(robot.lookup("#duplicateLabel").queryLabeled().getText()).contains("Version 1");
        assertThat(robot.lookup("#publishButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#useExistingButton");
        PublishResult used = state.publishedProperty().get();
        assertThat(used.status()).isEqualTo(PublishResult.Status.DUPLICATE);
        assertThat(used.version().version()).isEqualTo(1);
        try (AwsSession s = moto.session()) {
            assertThat(s.lambda().listLayerVersions(b -> b.layerName(layerName)).layerVersions()).hasSize(1);
        }

        robot.clickOn("#publishAnywayButton");
        waitFor(30, TimeUnit.SECONDS, () -> state.publishedProperty().get().status() == PublishResult.Status.PUBLISHED);
        assertThat(state.publishedProperty().get().version().version()).isEqualTo(2);
        try (AwsSession s = moto.session()) {
            assertThat(s.lambda().listLayerVersions(b -> b.layerName(layerName)).layerVersions()).hasSize(2);
        }
        assertThat(vm.results()).extracting(PublishResult::region).isEqualTo(List.of(MotoServer.REGION));
    }
}
