package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.profiles.ProfileFile;

/** The window opens with six steps, and Next waits for a working connection. */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class WizardSmokeTest {

    @TempDir
    static Path home;

    private AppExecutor executor;

    @Start
    void start(Stage stage) throws IOException {
        Path credentials = Files.writeString(home.resolve("credentials"),
                "[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        Connector connector = new Connector(() -> ProfileFile.builder().content(credentials)
                .type(ProfileFile.Type.CREDENTIALS).build());
        executor = new AppExecutor(2);
        MainWindow window = new MainWindow(AppServices.with(executor, connector, uri -> { }), Theme.LIGHT);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void showsSixStepsAndEnablesNextOnlyOnceConnected(FxRobot robot, MotoServer moto) throws Exception {
        ListView<Step> steps = robot.lookup("#stepList").queryListView();
        assertThat(steps.getItems()).containsExactly(Step.values());
        assertThat(robot.lookup("#stepList .list-cell").queryAll()).hasSizeGreaterThanOrEqualTo(6);
        Button next = robot.lookup("#nextButton").queryButton();
        Button back = robot.lookup("#backButton").queryButton();
        assertThat(next.isDisabled()).isTrue();
        assertThat(back.isDisabled()).isTrue();

        robot.clickOn("moto");
        robot.clickOn("#endpointField").write(moto.endpoint().toString());
        robot.clickOn("#connectButton");
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled());

        assertThat(robot.lookup("#identityLabel").queryLabeled().getText()).contains(MotoServer.ACCOUNT);
        robot.clickOn(next);
        assertThat(steps.getSelectionModel().getSelectedItem()).isEqualTo(Step.LAYER);
        assertThat(back.isDisabled()).isFalse();
    }
}
