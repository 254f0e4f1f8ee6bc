package dev.layerstudio.ui.common;

import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way errors reach the user: a plain sentence, what to do, and expandable
 * details. The stack trace goes to the log file only.
 */
public final class ErrorPresenter {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPresenter.class);

    private final ResourceBundle bundle;

    public ErrorPresenter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** Logs the failure and shows it in a dialog over {@code owner}. */
    public void show(Window owner, String title, Throwable error) {
        UserMessage m = UserMessage.of(error);
        LOG.warn("{}: {}", title, m.summary(), error);
        Alert alert = new Alert(Alert.AlertType.ERROR, m.hint() == null ? "" : m.hint(), ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(m.summary());
        TextArea details = new TextArea(m.details());
        TabOut.of(details);
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(6);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().getStyleClass().add("error-dialog");
        alert.getDialogPane().lookupButton(ButtonType.OK).setAccessibleText(bundle.getString("common.ok"));
        alert.show();
    }
}
