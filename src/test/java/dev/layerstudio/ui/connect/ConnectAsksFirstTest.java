package dev.layerstudio.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.Confirm;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Connecting again while the Attach step has a plan open (as its view model marks it in the
 * wizard's state) asks first: Cancel keeps the connection, and the plan with it.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class ConnectAsksFirstTest {

    @TempDir
    static Path home;

    private static MotoServer moto;

    private AppExecutor executor;
    private WizardState state;
    private AwsSession first;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    @Start
    void start(Stage stage) {
        AwsHome aws = new AwsHome(home)
                .config("[profile moto]\nregion = " + MotoServer.REGION + "\nendpoint_url = " + moto.endpoint() + "\n")
                .credentials("[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(2);
        AppServices services = AppServices.with(executor, aws.connector(), uri -> { });
        state = new WizardState(executor::execute);
        first = moto.session();
        state.sessionProperty().set(first);
        state.planOpenProperty().set(true); // what the Attach step sets while it shows a plan
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        StepPage.show(stage, Step.CONNECT, ConnectController.class, () -> new ConnectController(
                new ConnectViewModel(state, services.connector(), services.sandbox(), executor, bundle), uri -> { }),
                Theme.LIGHT);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void connectingAgainWithAPlanOpenAsksFirst(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "moto".equals(c.getItem().label())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "moto".equals(c.getItem().label())).queryAs(TreeCell.class));
        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#connectButton").queryButton().isDisabled());

        robot.clickOn("#connectButton");
        Confirm.no(robot);
        assertThat(state.sessionProperty().get()).isSameAs(first);

        robot.clickOn("#connectButton");
        Confirm.yes(robot);
        waitFor(30, TimeUnit.SECONDS, () -> state.sessionProperty().get() != first
                && state.sessionProperty().get() != null);
        assertThat(state.sessionProperty().get().region()).isEqualTo(MotoServer.REGION);
    }
}
