package dev.layerstudio.ui.probe;

import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * "Test in Lambda" in its own window, for a page with no room for the card (Publish: the
 * version just published). Closing it while a test runs cancels the test, which still removes
 * what it created.
 */
public final class LambdaTestDialog {

    private final Dialog<Void> dialog = new Dialog<>();

    public LambdaTestDialog(Window owner, LambdaTestViewModel vm, ResourceBundle text) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.setTitle(text.getString("probe.dialog.title"));
        LambdaTestViewModel.Target t = vm.targetProperty().get();
        dialog.setHeaderText(t == null ? null : String.format(text.getString("probe.dialog.header"), t.label(),
                t.runtime(), t.architecture()));
        LambdaTestPane pane = new LambdaTestPane(vm, text);
        pane.setPrefSize(540, 460);
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnHidden(e -> vm.cancel());
        vm.loadRoles();
    }

    /** Shows the dialog, or brings it to the front when it is shown already. */
    public void show() {
        if (dialog.isShowing()) {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
        } else {
            dialog.show();
        }
    }

    public boolean isShowing() {
        return dialog.isShowing();
    }
}
