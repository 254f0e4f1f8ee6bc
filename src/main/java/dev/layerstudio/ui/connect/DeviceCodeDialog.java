package dev.layerstudio.ui.connect;

import dev.layerstudio.model.DeviceAuthorization;
import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Shows the device code while the user approves the sign-in in the browser. Escape or
 * Cancel stops the sign-in; the dialog closes by itself when it completes.
 */
final class DeviceCodeDialog {

    private final Alert alert;
    private boolean closedByUs;

    DeviceCodeDialog(Window owner, ResourceBundle text, DeviceAuthorization code, Runnable openBrowser,
                     Runnable cancel) {
        ButtonType open = new ButtonType(text.getString("connect.device.open"), ButtonBar.ButtonData.OTHER);
        alert = new Alert(Alert.AlertType.NONE, "", open, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setTitle(text.getString("connect.device.title"));
        alert.setHeaderText(text.getString("connect.device.header"));
        Label codeLabel = new Label(code.userCode());
        codeLabel.setId("deviceUserCode");
        codeLabel.getStyleClass().add("device-code");
        Label url = new Label(code.verificationUri().toString());
        url.getStyleClass().add("target-detail");
        Label explain = new Label(text.getString("connect.device.explain"));
        explain.setWrapText(true);
        VBox content = new VBox(12, explain, codeLabel, url);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("deviceCodeDialog");
        alert.getDialogPane().lookupButton(open).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            openBrowser.run();
        });
        alert.setOnHidden(e -> {
            if (!closedByUs) {
                cancel.run();
            }
        });
    }

    void show() {
        alert.show();
    }

    void close() {
        closedByUs = true;
        alert.close();
    }
}
