package dev.layerstudio.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The findings as rows in a box as tall as they are, scrolling only when the page has no
 * room for them all. A report has a handful of findings (one per kind of problem), so rows
 * are made anew for each report; a list view would draw empty rows under the last one and
 * keep its own height whatever the count.
 */
final class FindingList {

    /** The least height the box keeps when the column is short, in the font's size: about two findings. */
    private static final double MIN_SHOWN_EM = 12;

    private FindingList() {
    }

    /** Shows {@code items} in {@code rows} (the content of {@code scroll}), or the placeholder's text when there are none. */
    static void bind(ScrollPane scroll, VBox rows, ObservableList<FindingFix.Item> items, ObservableStringValue placeholder,
                     ResourceBundle text, Consumer<FindingFix> onFix, ObservableBooleanValue busy) {
        Label none = new Label();
        none.textProperty().bind(placeholder);
        none.setWrapText(true);
        none.getStyleClass().add("finding-placeholder");
        Runnable show = () -> {
            List<Node> shown = new ArrayList<>();
            for (FindingFix.Item item : items) {
                FindingRow row = new FindingRow(text, item, onFix, busy);
                if (!shown.isEmpty()) {
                    row.getStyleClass().add("finding-row-after");
                }
                shown.add(row);
            }
            rows.getChildren().setAll(shown.isEmpty() ? List.of(none) : shown);
            scroll.setVvalue(0);
        };
        items.addListener((ListChangeListener<FindingFix.Item>) c -> show.run());
        show.run();
        // the rows' height at the width they are given (wrapped sentences), not at their widest
        scroll.prefViewportHeightProperty().bind(rows.heightProperty());
        // when the column is short it gives way, but keeps a finding or two whole in view
        scroll.minHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            double insets = scroll.snappedTopInset() + scroll.snappedBottomInset();
            return Math.min(rows.getHeight(), MIN_SHOWN_EM * none.getFont().getSize()) + insets;
        }, rows.heightProperty(), scroll.insetsProperty(), none.fontProperty()));
    }
}
