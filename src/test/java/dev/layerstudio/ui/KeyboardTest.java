package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window from the keyboard alone: Tab walks the start page and the Connect step top to
 * bottom and left to right, never into controls the user cannot see, and comes back round; it
 * leaves a text area as it leaves a field.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {

    @TempDir
    static Path home;

    private AppExecutor executor;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AwsHome aws = new AwsHome(home.resolve("aws"))
                .config("[profile dev]\nregion = us-east-1\n")
                .credentials("[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(2);
        window = new MainWindow(AppServices.with(executor, aws.connector(), uri -> { }), Theme.LIGHT,
                home.resolve("settings"));
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void tabWalksTheStartPageAndNothingUnderIt(FxRobot robot) {
        robot.interact(() -> window.projects().showStartPage(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused(robot)).as("the start page's first action has the focus").isEqualTo("newLayerButton");

        assertThat(tabRound(robot, "newLayerButton")).containsExactly(
                "newLayerButton", "openProjectButton", "recentProjects");

        // New layer from the keyboard: the wizard takes over and Tab goes on from its top
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.projects().startPageShown()).isFalse();
        robot.type(KeyCode.TAB);
        assertThat(focused(robot)).isEqualTo("projectMenu");
    }

    @Test
    void tabWalksTheConnectStepInReadingOrder(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#targetTree").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#connectSearch").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();

        // the header, the step list, the page (its left column, then its right), then the footer;
        // Back and Next are disabled on the first step before connecting, so Tab passes them
        assertThat(tabRound(robot, "connectSearch")).containsExactly(
                "connectSearch", "targetTree", "regionBox", "endpointField", "connectButton",
                "projectMenu", "inventoryButton", "themeButton", "stepList");
    }

    @Test
    void tabLeavesTheRequirementsList(FxRobot robot) {
        robot.interact(() -> window.wizard().look(Step.CONTENTS));
        TextArea requirements = robot.lookup("#requirementsArea").query();
        robot.interact(requirements::requestFocus);
        robot.write("requests");
        robot.type(KeyCode.TAB);
        // on to the next control, as from any field, with no tab typed into the list
        assertThat(focused(robot)).isNotEqualTo("requirementsArea");
        assertThat(requirements.getText()).isEqualTo("requests");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(focused(robot)).isEqualTo("requirementsArea");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(focused(robot)).isEqualTo("loadRequirements");
        assertThat(requirements.getText()).isEqualTo("requests");
    }

    /** Presses Tab from {@code first} until the focus comes back to it; the focused controls in turn. */
    private List<String> tabRound(FxRobot robot, String first) {
        List<String> order = new ArrayList<>();
        order.add(focused(robot));
        for (int i = 0; i < 40; i++) {
            robot.type(KeyCode.TAB);
            String now = focused(robot);
            if (first.equals(now)) {
                return order;
            }
            order.add(now);
        }
        throw new AssertionError("Tab never came back to " + first + ": " + order);
    }

    /** The id of the focused control, or of the nearest control around it with one (a combo box's editor). */
    private String focused(FxRobot robot) {
        AtomicReference<String> id = new AtomicReference<>();
        robot.interact(() -> {
            Node n = window.scene().getFocusOwner();
            while (n != null && n.getId() == null) {
                n = n.getParent();
            }
            id.set(n == null ? "(nothing)" : n.getId() + (shown(n) ? "" : " (hidden)"));
        });
        return id.get();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
