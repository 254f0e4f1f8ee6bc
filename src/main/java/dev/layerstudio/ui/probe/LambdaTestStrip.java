package dev.layerstudio.ui.probe;

import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Test in Lambda on a page with little room (Inspect's side column): one line that says how
 * the last test went, and the button that opens the {@link LambdaTestDialog}. The test's
 * failed imports show in the page's own findings.
 */
public final class LambdaTestStrip extends HBox {

    private LambdaTestDialog dialog;

    public LambdaTestStrip(LambdaTestViewModel vm, ResourceBundle text) {
        super(8);
        setId("lambdaTestStrip");
        setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("lambdaTestStripStatus");
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(javafx.beans.binding.Bindings.when(vm.statusProperty().isEmpty())
                .then(text.getString("probe.strip.idle")).otherwise(vm.statusProperty()));
        HBox.setHgrow(status, Priority.ALWAYS);
        Button open = new Button(text.getString("probe.open"), new FontIcon(Feather.PLAY));
        open.setId("openLambdaTestButton");
        open.setMnemonicParsing(true);
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.disableProperty().bind(vm.targetProperty().isNull());
        open.setOnAction(e -> {
            if (dialog == null || !dialog.isShowing()) {
                dialog = new LambdaTestDialog(getScene().getWindow(), vm, text);
            }
            dialog.show();
        });
        getChildren().addAll(status, open);
    }
}
