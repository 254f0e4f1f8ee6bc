package dev.layerstudio.ui.common;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab leaves a text area, as it leaves every other field. A JavaFX text area types a tab
 * character instead and lets only Ctrl+Tab out, which traps someone working from the keyboard
 * in a requirements list or a description that never needs a tab character.
 */
public final class TabOut {

    private TabOut() {
    }

    /** Tab and Shift+Tab move the focus to the next or previous control; Ctrl+Tab still does too. */
    public static void of(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            e.consume();
            // the text area's own keys move the focus on Ctrl+Tab (there is no public call for it)
            area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB,
                    e.isShiftDown(), true, false, false));
        });
    }
}
