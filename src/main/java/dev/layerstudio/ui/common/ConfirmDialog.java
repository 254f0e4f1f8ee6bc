package dev.layerstudio.ui.common;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One question before something that changes the user's account: what will happen, the
 * points to look at (one line each), and two buttons. Shown without blocking the event
 * loop; {@code onConfirm} runs only when the user chooses the confirming button.
 */
public final class ConfirmDialog {

    /** The confirming button's id (for tests and accessibility tools). */
    public static final String CONFIRM_ID = "confirmButton";
    /** The cancelling button's id. */
    public static final String CANCEL_ID = "cancelConfirmButton";

    private ConfirmDialog() {
    }

    /** Shows {@code question} over {@code owner}, with {@code cancel} as the other button. */
    public static Dialog<ButtonType> ask(Window owner, Confirmation question, String cancel) {
        return ask(owner, question.title(), question.header(), question.lines(), question.notes(), question.yes(),
                cancel, question.onYes());
    }

    /** Without notes: only points to look at. */
    public static Dialog<ButtonType> ask(Window owner, String title, String header, List<String> lines,
                                         String confirm, String cancel, Runnable onConfirm) {
        return ask(owner, title, header, lines, List.of(), confirm, cancel, onConfirm);
    }

    /**
     * @param owner   the window it belongs to
     * @param title   the window title
     * @param header  one sentence: what will happen
     * @param lines   what to look at first (may be empty)
     * @param notes   what will be left as it is, and why (may be empty)
     * @param confirm the confirming button's text
     * @param cancel  the cancelling button's text
     */
    public static Dialog<ButtonType> ask(Window owner, String title, String header, List<String> lines,
                                         List<String> notes, String confirm, String cancel, Runnable onConfirm) {
        ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass()
                        .filtered(c -> c.startsWith("theme-")));
            }
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().getStyleClass().add("confirm-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(yes, no);
        VBox list = new VBox(6);
        list.setId("confirmLines");
        for (String line : lines) {
            Label l = new Label(line, new FontIcon(Feather.ALERT_TRIANGLE));
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("confirm-line");
            list.getChildren().add(l);
        }
        for (String note : notes) {
            Label l = new Label(note, new FontIcon(Feather.SLASH));
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().addAll("confirm-line", "confirm-note");
            list.getChildren().add(l);
        }
        int count = lines.size() + notes.size();
        if (count > 0) {
            ScrollPane scroll = new ScrollPane(list);
            scroll.setFitToWidth(true);
            scroll.setPrefViewportWidth(560);
            scroll.setPrefViewportHeight(Math.min(320, 40 + 44.0 * count));
            scroll.getStyleClass().add("edge-to-edge");
            dialog.getDialogPane().setContent(scroll);
        }
        Button yesButton = (Button) dialog.getDialogPane().lookupButton(yes);
        yesButton.setId(CONFIRM_ID);
        yesButton.setDefaultButton(false);
        Button noButton = (Button) dialog.getDialogPane().lookupButton(no);
        noButton.setId(CANCEL_ID);
        noButton.setDefaultButton(true);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == yes) {
                onConfirm.run();
            }
        });
        dialog.show();
        return dialog;
    }
}
