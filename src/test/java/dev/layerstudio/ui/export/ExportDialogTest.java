package dev.layerstudio.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.ui.attach.AttachServices;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.attach.AttachController;
import dev.layerstudio.ui.attach.AttachViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Export dialog opened from the Attach page against moto: Terraform for the published
 * version parses with a real HCL parser, names the version's ARN and its grant, takes in the
 * function on it when asked; Copy puts exactly that text on the clipboard and Save writes it.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class ExportDialogTest {

    private static MotoServer moto;
    private static AwsSession session;
    private static String other;

    private AppExecutor executor;
    private StepPage<AttachController> page;
    private LayerVersionInfo published;

    @BeforeAll
    static void layerAndFunctions(MotoServer server) {
        moto = server;
        session = moto.session();
        MotoFixtures fixtures = new MotoFixtures(moto, session.lambda());
        other = fixtures.publishLayer("exd-other", Map.of("python/o.py", "O = 1\n"), "python3.12").layerVersionArn();
        String lib = fixtures.publishLayer("exd-lib", Map.of("python/l.py", "L = 1\n"), "python3.12")
                .layerVersionArn();
        session.lambda().addLayerVersionPermission(b -> b.layerName("exd-lib").versionNumber(1L)
                .statementId("team").action("lambda:GetLayerVersion").principal("111122223333"));
        fixtures.createFunction("exd-api", "python3.12", List.of(other, lib));
        fixtures.createFunction("exd-unrelated", "python3.12", List.of(other));
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Start
    void start(Stage stage) {
        executor = new AppExecutor(2);
        AppServices services = AppServices.with(executor, new Connector(), uri -> { });
        WizardState state = new WizardState(executor::execute);
        AwsSession own = moto.session();
        state.sessionProperty().set(own);
        published = new SdkLayerService(own).getVersion("exd-lib", 1);
        state.layerProperty().set(LayerChoice.newLayer("exd-lib"));
        state.publishedProperty().set(new PublishResult(own.region(), PublishResult.Status.PUBLISHED, published,
                "direct", published.codeSha256(), published.codeSize(), "Published."));
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        page = StepPage.show(stage, Step.ATTACH, AttachController.class,
                () -> new AttachController(new AttachViewModel(state, AttachServices.of(services), bundle)),
                Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void terraformParsesAndIsCopiedAndSaved(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("rollout-ui-export-");
        List<String> suggested = new ArrayList<>();
        page.controller().saveChooser((owner, name, format) -> {
            suggested.add(name);
            return Optional.of(dir.resolve("out").resolve(name));
        });

        robot.clickOn("#exportButton");
        waitFor(30, TimeUnit.SECONDS, () -> text(robot).contains("AWS::Serverless::LayerVersion"));

        robot.clickOn("#exportFormat-terraform");
        waitFor(10, TimeUnit.SECONDS, () -> text(robot).contains("aws_lambda_layer_version"));
        String terraform = text(robot);
        assertThat(terraform).contains(published.arn());
        Map<String, Object> resources = (Map<String, Object>) new HCLParser().parse(terraform, false).get("resource");
        Map<String, Object> layer = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_lambda_layer_version")).get("exd_lib");
        assertThat(layer.get("layer_name")).isEqualTo("exd-lib");
        assertThat(layer.get("filename")).isEqualTo("exd-lib-1.zip");
        assertThat(layer.get("compatible_runtimes")).isEqualTo(List.of("python3.12"));
        Map<String, Object> grant = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_lambda_layer_version_permission")).get("exd_lib_team");
        assertThat(grant.get("principal")).isEqualTo("111122223333");
        assertThat(resources).doesNotContainKey("aws_lambda_function");
        assertThat(robot.lookup("#exportNotes").queryLabeled().getText()).contains("exd-lib-1.zip");

        // with the functions: the one on this version, with the layer as a reference; not the other
        robot.clickOn("#exportWithFunctions");
        waitFor(30, TimeUnit.SECONDS, () -> text(robot).contains("aws_lambda_function"));
        String withFunctions = text(robot);
        Map<String, Object> functions = (Map<String, Object>) ((Map<String, Object>) new HCLParser()
                .parse(withFunctions, false).get("resource")).get("aws_lambda_function");
        assertThat(functions).containsOnlyKeys("exd_api");
        assertThat(withFunctions).contains("aws_lambda_layer_version.exd_lib.arn").contains(other);
        assertThat(robot.lookup("#exportNotes").queryLabeled().getText())
                .contains("The layer list of the one function on this version is included.");

        robot.clickOn("#exportCopy");
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertThat(clip.get()).isEqualTo(withFunctions);
        assertThat(robot.lookup("#exportStatus").queryLabeled().getText()).isEqualTo("Copied to the clipboard.");

        robot.clickOn("#exportSave");
        Path file = dir.resolve("out").resolve("layer.tf");
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file)
                && robot.lookup("#exportStatus").queryLabeled().getText().startsWith("Saved to"));
        assertThat(suggested).containsExactly("layer.tf");
        assertThat(Files.readString(file)).isEqualTo(withFunctions);

        // SAM again: the default name follows the format
        robot.clickOn("#exportFormat-sam");
        waitFor(10, TimeUnit.SECONDS, () -> text(robot).contains("AWS::Serverless::LayerVersion"));
        robot.clickOn("#exportSave");
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("out").resolve("template.yaml")));
        assertThat(suggested).containsExactly("layer.tf", "template.yaml");
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#exportText").queryAs(TextArea.class).getText();
    }
}
