package dev.layerstudio.ui.attach;

import dev.layerstudio.model.FunctionInfo;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One function's stack, before and after: the new list as rows in merge order (drag a
 * row, or use Merge earlier / Merge later), the layer being attached marked, then the
 * warnings for this order and how applying went.
 */
final class StackCard extends VBox {

    private static final String DRAG_PREFIX = "layer-studio-stack-row:";

    private final StackPlan stack;
    private final ResourceBundle text;
    private final ObservableBooleanValue busy;
    private final VBox rows = new VBox(4);
    private final VBox warnings = new VBox(3);
    private final Label verdict = new Label();
    private final VBox choice = new VBox(4);

    StackCard(StackPlan stack, ResourceBundle text, ObservableBooleanValue busy) {
        super(8);
        this.stack = stack;
        this.text = text;
        this.busy = busy;
        getStyleClass().add("stack-card");
        setId("stack-" + stack.functionName());
        FunctionInfo f = stack.planned().function();
        Label name = new Label(f.name());
        name.getStyleClass().add("stack-function");
        name.setMinWidth(Region.USE_PREF_SIZE); // the meta line gives way first
        Label meta = new Label((f.runtime() == null ? "" : f.runtime() + " · ") + f.architecture());
        meta.getStyleClass().add("stack-meta");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label status = new Label();
        status.getStyleClass().add("stack-status");
        status.textProperty().bind(stack.statusProperty());
        status.setWrapText(true);
        status.setMaxWidth(220);
        verdict.setId("verdict-" + f.name());
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, name, meta, verdict, spacer, status);
        header.setAlignment(Pos.BASELINE_LEFT);

        FlowPane before = new FlowPane(4, 4);
        Label beforeTitle = new Label(text.getString("attach.before"));
        beforeTitle.getStyleClass().add("stack-label");
        before.getChildren().add(beforeTitle);
        if (stack.before().isEmpty()) {
            before.getChildren().add(chip(text.getString("attach.noLayers"), "chip-empty"));
        }
        for (String arn : stack.before()) {
            before.getChildren().add(chip(PathShadows.label(arn), "chip-old"));
        }
        Label afterTitle = new Label(text.getString("attach.after"));
        afterTitle.getStyleClass().add("stack-label");
        getChildren().addAll(header, before, afterTitle, rows, warnings, choice);
        stack.after().addListener((ListChangeListener<String>) c -> showRows());
        stack.warnings().addListener((ListChangeListener<String>) c -> showWarnings());
        showRows();
        showWarnings();
    }

    private static Label chip(String label, String style) {
        Label chip = new Label(label);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.getStyleClass().addAll("layer-chip", style);
        return chip;
    }

    private void showRows() {
        rows.getChildren().clear();
        List<String> after = stack.after();
        for (int i = 0; i < after.size(); i++) {
            rows.getChildren().add(row(after.get(i), i, after.size()));
        }
    }

    private HBox row(String arn, int index, int size) {
        Label number = new Label(String.valueOf(index + 1));
        number.getStyleClass().add("stack-number");
        Label label = new Label(PathShadows.label(arn));
        label.setTooltip(new Tooltip(arn));
        label.getStyleClass().add("stack-layer");
        label.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, new FontIcon(Feather.MENU), number, label);
        if (!stack.before().contains(arn)) {
            row.getChildren().add(chip(text.getString("attach.new"), "chip-new"));
            row.getStyleClass().add("stack-row-new");
        }
        if (index == size - 1 && size > 1) {
            Label wins = new Label(text.getString("attach.wins"));
            wins.setTooltip(new Tooltip(text.getString("attach.wins.explain")));
            wins.getStyleClass().add("stack-wins");
            row.getChildren().add(wins);
        }
        Button earlier = new Button(null, new FontIcon(Feather.ARROW_UP));
        earlier.setId("earlier-" + stack.functionName() + "-" + index);
        earlier.setTooltip(new Tooltip(text.getString("attach.mergeEarlier")));
        earlier.setAccessibleText(text.getString("attach.mergeEarlier"));
        earlier.setDisable(index == 0);
        earlier.setOnAction(e -> stack.mergeEarlier(index));
        Button later = new Button(null, new FontIcon(Feather.ARROW_DOWN));
        later.setId("later-" + stack.functionName() + "-" + index);
        later.setTooltip(new Tooltip(text.getString("attach.mergeLater")));
        later.setAccessibleText(text.getString("attach.mergeLater"));
        later.setDisable(index == size - 1);
        later.setOnAction(e -> stack.mergeLater(index));
        for (Button b : List.of(earlier, later)) {
            b.getStyleClass().addAll("flat", "button-icon", "small");
            if (!b.isDisable()) {
                b.disableProperty().bind(busy);
            }
        }
        row.getChildren().addAll(spacer, earlier, later);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("stack-row");
        dragAndDrop(row, index);
        return row;
    }

    /** A row can be dragged onto another row of the same stack: it takes that place. */
    private void dragAndDrop(HBox row, int index) {
        row.setOnDragDetected(e -> {
            if (busy.get()) {
                return;
            }
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + stack.functionName() + ":" + index);
            row.startDragAndDrop(TransferMode.MOVE).setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (draggedIndex(e.getDragboard().getString()) >= 0) {
                e.acceptTransferModes(TransferMode.MOVE);
                row.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), true);
            }
            e.consume();
        });
        row.setOnDragExited(e -> row.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"),
                false));
        row.setOnDragDropped(e -> {
            int from = draggedIndex(e.getDragboard().getString());
            if (from >= 0) {
                stack.move(from, index);
            }
            e.setDropCompleted(from >= 0);
            e.consume();
        });
    }

    private int draggedIndex(String dragged) {
        String prefix = DRAG_PREFIX + stack.functionName() + ":";
        if (dragged == null || !dragged.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(dragged.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void showWarnings() {
        warnings.getChildren().clear();
        java.util.Set<String> blockers = stack.blockers();
        for (String w : stack.warnings()) {
            boolean blocks = blockers.contains(w);
            Label l = new Label(w, new FontIcon(blocks ? Feather.X_OCTAGON : Feather.ALERT_TRIANGLE));
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add(blocks ? "stack-blocker" : "stack-warning");
            warnings.getChildren().add(l);
        }
        boolean blocked = stack.planProperty().get().blocked();
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("blocked"), blocked);
        showVerdict();
    }

    /** The verdict as a chip, and for a blocked function either its attach-anyway choice or why it cannot change. */
    private void showVerdict() {
        var plan = stack.planProperty().get();
        var level = plan.verdict();
        boolean overridden = stack.attachAnywayProperty().get() && !plan.blocked();
        String key = overridden ? "attach.verdict.anyway" : switch (level) {
            case OK -> "attach.verdict.ok";
            case WARNING -> "attach.verdict.warning";
            case BLOCKED -> "attach.verdict.blocked";
        };
        verdict.setText(text.getString(key));
        verdict.getStyleClass().setAll("label", "verdict-chip", "verdict-" + (overridden ? "blocked"
                : level.name().toLowerCase(java.util.Locale.ROOT)));
        choice.getChildren().clear();
        if (!plan.changed() && !plan.blocked()) {
            return;
        }
        if (stack.overridable() && stack.unchangeable().isEmpty()) {
            CheckBox anyway = new CheckBox(String.format(text.getString("attach.anyway"), stack.functionName()));
            anyway.setId("anyway-" + stack.functionName());
            anyway.setWrapText(true);
            anyway.setMinHeight(Region.USE_PREF_SIZE);
            anyway.setSelected(stack.attachAnywayProperty().get());
            anyway.selectedProperty().addListener((o, was, now) -> stack.attachAnywayProperty().set(now));
            anyway.disableProperty().bind(busy);
            anyway.getStyleClass().add("attach-anyway");
            Label why = new Label(text.getString(stack.attachAnywayProperty().get()
                    ? "attach.anyway.chosen" : "attach.anyway.explain"));
            why.setWrapText(true);
            why.setMinHeight(Region.USE_PREF_SIZE);
            why.getStyleClass().add("stack-note");
            choice.getChildren().addAll(anyway, why);
        } else if (plan.blocked()) {
            Label why = new Label(text.getString("attach.cannotChange"), new FontIcon(Feather.SLASH));
            why.setId("cannotChange-" + stack.functionName());
            why.setWrapText(true);
            why.setMinHeight(Region.USE_PREF_SIZE);
            why.getStyleClass().add("stack-note");
            choice.getChildren().add(why);
        }
    }
}
