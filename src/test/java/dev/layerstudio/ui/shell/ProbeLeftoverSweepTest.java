package dev.layerstudio.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.model.ProbeJournal;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.MainWindow;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * What a killed test in Lambda left (its journal; its function, temporary layer version and
 * role in moto) is removed once the window connects to that account, and the recovery banner
 * says so.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class ProbeLeftoverSweepTest {

    private static final String NAME = "layer-studio-probe-20250101000000-feed01";

    private static AwsSession session;

    @TempDir
    Path tmp;

    private AppExecutor executor;
    private MainWindow window;
    private ProbeJournals probes;

    @BeforeAll
    static void server(MotoServer server) {
        session = server.session();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Start
    void start(Stage stage) {
        executor = new AppExecutor(2);
        ApplyJournals journals = new ApplyJournals(tmp.resolve("journal"));
        probes = ProbeJournals.beside(journals);
        window = new MainWindow(AppServices.with(executor, new Connector(), uri -> { }).withJournals(journals),
                Theme.LIGHT);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void leftoversOfAKilledTestAreRemovedOnConnectAndTheBannerSaysSo(FxRobot robot) throws Exception {
        // what a test killed while invoking leaves
        String role = session.iam().createRole(b -> b.roleName(NAME).assumeRolePolicyDocument("{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        String layer = session.lambda().publishLayerVersion(b -> b.layerName(NAME)
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.layer("x", "X = 1\n"))))).layerVersionArn();
        session.lambda().createFunction(b -> b.functionName(NAME).runtime("python3.12").role(role)
                .handler("layer_studio_probe.handler").layers(layer)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler()))));
        probes.write(new ProbeJournal("probe-20250101000000-feed01", MotoServer.ACCOUNT, MotoServer.REGION,
                Instant.parse("2025-01-01T00:00:00Z"), NAME, NAME, NAME, false));

        robot.interact(() -> {
            window.state().sessionProperty().set(session);
            window.state().identityProperty().set(session.whoAmI());
        });
        Node banner = robot.lookup("#recoveryBanner").query();
        Label status = robot.lookup("#recoveryStatus").queryAs(Label.class);
        waitFor(30, TimeUnit.SECONDS, () -> banner.isVisible() && !status.getText().isEmpty());

        assertThat(robot.lookup("#recoveryTitle").queryAs(Label.class).getText())
                .isEqualTo("A test in Lambda did not finish");
        assertThat(status.getText()).isEqualTo("Removed what it left behind: function " + NAME
                + ", temporary layer " + NAME + ", role " + NAME + ".");
        assertThat(probes.unfinished()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.lambda()
                .getFunction(b -> b.functionName(NAME))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(session.lambda().listLayerVersions(b -> b.layerName(NAME)).layerVersions()).isEmpty();
        assertThat(session.iam().listRoles().roles()).noneMatch(r -> r.roleName().equals(NAME));

        robot.clickOn("#laterChangeButton");
        assertThat(banner.isVisible()).isFalse();
    }
}
