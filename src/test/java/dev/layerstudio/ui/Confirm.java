package dev.layerstudio.ui;

import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.ui.common.ConfirmDialog;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Answers the window's confirmation dialog ({@link ConfirmDialog}) as a user would, by clicking. */
public final class Confirm {

    private Confirm() {
    }

    /** Waits for the dialog, returns the points it lists, and leaves it open. */
    public static List<String> lines(FxRobot robot) throws TimeoutException {
        waitFor(30, TimeUnit.SECONDS, () -> showing(robot, ConfirmDialog.CONFIRM_ID).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node dialog = showing(robot, ConfirmDialog.CONFIRM_ID).orElseThrow().getScene().getRoot();
        return robot.from(dialog).lookup(".confirm-line").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
    }

    /** Waits for the dialog, clicks its confirming button, and returns the points it listed. */
    public static List<String> yes(FxRobot robot) throws TimeoutException {
        return click(robot, ConfirmDialog.CONFIRM_ID);
    }

    /** Waits for the dialog, clicks Cancel, and returns the points it listed. */
    public static List<String> no(FxRobot robot) throws TimeoutException {
        return click(robot, ConfirmDialog.CANCEL_ID);
    }

    private static List<String> click(FxRobot robot, String id) throws TimeoutException {
        List<String> lines = lines(robot);
        robot.clickOn(showing(robot, id).orElseThrow());
        waitFor(10, TimeUnit.SECONDS, () -> showing(robot, id).isEmpty());
        return lines;
    }

    private static Optional<Node> showing(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing())
                .findFirst();
    }
}
