package dev.layerstudio.ui.common;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Copy for values people paste elsewhere (an ARN, a SHA-256): a small button beside the value
 * puts it on the clipboard; its tooltip says what it copies, then that it was copied.
 */
public final class CopyAction {

    private CopyAction() {
    }

    /** A flat copy button for the value {@code value} gives when clicked; {@code what} names it ("the ARN"). */
    public static Button button(Supplier<String> value, String what, ResourceBundle text) {
        Button b = new Button();
        b.getStyleClass().addAll("flat", "button-icon", "copy-button");
        install(b, value, what, text);
        return b;
    }

    /** Makes an existing button (from FXML) copy the value. */
    public static void install(ButtonBase button, Supplier<String> value, String what, ResourceBundle text) {
        String hint = String.format(text.getString("common.copy.tip"), what);
        button.setGraphic(new FontIcon(Feather.COPY));
        button.setAccessibleText(hint);
        Tooltip tip = new Tooltip(hint);
        button.setTooltip(tip);
        button.setOnAction(e -> {
            String v = value.get();
            if (v == null || v.isEmpty()) {
                return;
            }
            ClipboardContent content = new ClipboardContent();
            content.putString(v);
            Clipboard.getSystemClipboard().setContent(content);
            tip.setText(String.format(text.getString("common.copied"), what));
        });
        button.hoverProperty().addListener((o, was, now) -> {
            if (!now) {
                tip.setText(hint);
            }
        });
    }
}
