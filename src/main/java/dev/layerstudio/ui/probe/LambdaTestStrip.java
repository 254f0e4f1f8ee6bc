package dev.layerstudio.ui.probe;

import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Test in Lambda on a page with little room (Inspect's side column): a small button that
 * opens the {@link LambdaTestDialog}, and a line, shown once there is something to say, on
 * how the last test went. The test's failed imports show in the page's own findings.
 */
public final class LambdaTestStrip {

    private final Button button;
    private final Label status;
    private LambdaTestDialog dialog;

    public LambdaTestStrip(LambdaTestViewModel vm, ResourceBundle text) {
        status = new Label();
        status.setId("lambdaTestStripStatus");
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        button = new Button(text.getString("probe.open"), new FontIcon(Feather.PLAY));
        button.setId("openLambdaTestButton");
        button.getStyleClass().add("small");
        button.setMnemonicParsing(true);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(text.getString("probe.strip.idle")));
        button.disableProperty().bind(vm.targetProperty().isNull());
        button.setOnAction(e -> {
            if (dialog == null || !dialog.isShowing()) {
                dialog = new LambdaTestDialog(button.getScene().getWindow(), vm, text);
            }
            dialog.show();
        });
    }

    /** Opens the dialog (for the findings' heading). */
    public Button button() {
        return button;
    }

    /** How the last test went; hidden until then (for under the findings). */
    public Label status() {
        return status;
    }
}
