package dev.layerstudio.ui.attach;

import dev.layerstudio.model.ApplyResult;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The end of the wizard, shown by Finish: the version's ARN (selectable, to copy), each
 * function's list before and after, Undo while it can still put them back, and the ways on:
 * back to the plan, or start another layer.
 */
final class FinishView extends VBox {

    FinishView(FinishSummary summary, ResourceBundle text, ObservableBooleanValue canUndo, Runnable undo,
               Runnable back, Runnable another) {
        super(10);
        setId("finishSummary");
        getStyleClass().add("finish-summary");
        Label title = new Label(text.getString("finish.title"), new FontIcon(Feather.CHECK_CIRCLE));
        title.getStyleClass().add("section-title");
        Label outcome = new Label(headline(summary, text));
        outcome.setId("finishOutcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        TextField arn = new TextField(summary.versionArn());
        arn.setId("finishArn");
        arn.setEditable(false);
        arn.getStyleClass().add("finish-arn");
        Label arnLabel = new Label(text.getString("finish.version"));
        arnLabel.getStyleClass().add("stack-label");
        HBox.setHgrow(arn, Priority.ALWAYS);
        arn.setTooltip(new javafx.scene.control.Tooltip(summary.versionArn()));
        Button copyArn = dev.layerstudio.ui.common.CopyAction.button(arn::getText, text.getString("common.copy.arn"),
                text);
        copyArn.setId("finishCopyArn");
        HBox arnRow = new HBox(8, arnLabel, arn, copyArn);
        arnRow.setAlignment(Pos.CENTER_LEFT);

        VBox list = new VBox(8);
        for (FinishSummary.Entry e : summary.functions()) {
            list.getChildren().add(entry(e, text));
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("edge-to-edge", "plan-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button undoButton = new Button(text.getString("attach.undo"), new FontIcon(Feather.ROTATE_CCW));
        undoButton.setId("finishUndo");
        undoButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !canUndo.get(),
                canUndo));
        undoButton.setOnAction(e -> undo.run());
        Button backButton = new Button(text.getString("finish.back"), new FontIcon(Feather.ARROW_LEFT));
        backButton.setId("finishBack");
        backButton.setOnAction(e -> back.run());
        Button anotherButton = new Button(text.getString("finish.another"), new FontIcon(Feather.PLUS));
        anotherButton.setId("startAnother");
        anotherButton.getStyleClass().add("accent");
        anotherButton.setOnAction(e -> another.run());
        // a narrow window wraps the buttons onto a second line rather than cutting their labels
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(10, 8, undoButton, backButton,
                anotherButton);
        for (Button b : List.of(undoButton, backButton, anotherButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label undoHint = new Label();
        undoHint.getStyleClass().add("status-line");
        undoHint.setWrapText(true);
        undoHint.setMinHeight(Region.USE_PREF_SIZE);
        undoHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> canUndo.get() ? ""
                : text.getString(summary.undone() ? "finish.undoneHint" : "finish.noUndoHint"), canUndo));
        getChildren().addAll(title, outcome, arnRow, scroll, buttons, undoHint);
    }

    private static String headline(FinishSummary s, ResourceBundle text) {
        if (s.functions().isEmpty()) {
            return String.format(text.getString("finish.nothing"), s.versionLabel());
        }
        return String.format(text.getString(s.undone() ? "finish.undone" : "finish.done"), s.versionLabel(),
                s.updated(), s.functions().size());
    }

    private static VBox entry(FinishSummary.Entry e, ResourceBundle text) {
        Label name = new Label(e.function());
        name.getStyleClass().add("stack-function");
        Label outcome = new Label(outcome(e, text));
        outcome.getStyleClass().add("stack-status");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        name.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, name, outcome, chips(text.getString("attach.before"), e.before(), text, "finishBefore-"
                + e.function()), chips(text.getString("finish.after"), e.after(), text, "finishAfter-" + e.function()));
        box.getStyleClass().add("stack-card");
        box.setId("finish-" + e.function());
        return box;
    }

    private static FlowPane chips(String title, List<String> arns, ResourceBundle text, String id) {
        FlowPane row = new FlowPane(4, 4);
        row.setId(id);
        Label t = new Label(title);
        t.getStyleClass().add("stack-label");
        row.getChildren().add(t);
        if (arns.isEmpty()) {
            Label none = new Label(text.getString("attach.noLayers"));
            none.getStyleClass().addAll("layer-chip", "chip-empty");
            row.getChildren().add(none);
        }
        for (String arn : arns) {
            Label chip = new Label(PathShadows.label(arn));
            chip.setTooltip(new Tooltip(arn));
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.getStyleClass().addAll("layer-chip", "chip-old");
            chip.setUserData(arn);
            row.getChildren().add(chip);
        }
        return row;
    }

    private static String outcome(FinishSummary.Entry e, ResourceBundle text) {
        String key = switch (e.outcome()) {
            case UPDATED -> "attach.outcome.updated";
            case UNCHANGED -> "attach.outcome.unchanged";
            case BLOCKED -> "attach.outcome.blocked";
            case CONFLICT -> "attach.outcome.conflict";
            case FAILED -> "attach.outcome.failed";
            case CANCELLED -> "attach.outcome.cancelled";
        };
        return e.outcome() == ApplyResult.Outcome.UPDATED || e.message().isBlank() ? text.getString(key)
                : text.getString(key) + " " + e.message();
    }
}
