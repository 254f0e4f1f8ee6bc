package dev.layerstudio.ui.common;

import dev.layerstudio.model.ByteSizes;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A bar of used bytes against a limit, made of parts (this layer, the function's
 * other layers, its code …), each its own colour with a tooltip and an entry in the
 * legend below. Near the limit the bar turns amber; over it, red, with the limit
 * marked and the excess named.
 */
public final class SizeGauge extends VBox {

    /** One part of the bar; {@code styleClass} picks its colour in the theme. */
    public record Part(String name, long bytes, String styleClass) {
    }

    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    private static final PseudoClass NEAR = PseudoClass.getPseudoClass("near");
    private static final double BAR_HEIGHT = 12;

    private final Label title = new Label();
    private final Label percent = new Label();
    private final Label figures = new Label();
    private final Pane bar = new Pane();
    private final FlowPane legend = new FlowPane(12, 2);
    private List<Part> parts = List.of();
    private long limit = 1;

    public SizeGauge() {
        getStyleClass().add("size-gauge");
        title.getStyleClass().add("gauge-title");
        figures.getStyleClass().add("gauge-figures");
        percent.getStyleClass().add("gauge-percent");
        title.setMinWidth(0);
        TextCells.tooltipFollowsText(title); // "Unzipped, with the function" is cut in a narrow column
        percent.setMinWidth(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("gauge-bar");
        legend.getStyleClass().add("gauge-legend");
        bar.setMinHeight(BAR_HEIGHT);
        bar.setPrefHeight(BAR_HEIGHT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, percent);
        header.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(header, bar, figures, legend);
        setSpacing(5);
        bar.widthProperty().addListener((o, a, b) -> layoutBar());
    }

    public void show(String name, long limitBytes, List<Part> newParts) {
        this.limit = Math.max(1, limitBytes);
        this.parts = List.copyOf(newParts);
        long used = used();
        title.setText(name);
        boolean over = used > limit;
        figures.setText(ByteSizes.human(used) + " of " + ByteSizes.human(limit)
                + (over ? " — " + ByteSizes.human(used - limit) + " over" : " — " + ByteSizes.human(limit - used) + " free"));
        percent.setText(String.format(java.util.Locale.ROOT, used > 0 && used * 100 < limit ? "<1%%" : "%.0f%%",
                100.0 * used / limit));
        pseudoClassStateChanged(OVER, over);
        pseudoClassStateChanged(NEAR, !over && used > limit * 0.85);
        setAccessibleText(name + ": " + figures.getText());
        legend.getChildren().clear();
        if (parts.size() > 1) {
            for (Part p : parts) {
                Region swatch = new Region();
                swatch.getStyleClass().addAll("gauge-swatch", p.styleClass());
                Label entry = new Label(p.name() + "  " + ByteSizes.human(p.bytes()), swatch);
                entry.getStyleClass().add("gauge-legend-entry");
                legend.getChildren().add(entry);
            }
        }
        legend.setManaged(parts.size() > 1);
        legend.setVisible(parts.size() > 1);
        layoutBar();
    }

    public String figuresText() {
        return figures.getText();
    }

    /** The parts shown, in bar order. */
    public List<Part> parts() {
        return parts;
    }

    public long limit() {
        return limit;
    }

    private long used() {
        return parts.stream().mapToLong(Part::bytes).sum();
    }

    private void layoutBar() {
        bar.getChildren().clear();
        double width = bar.getWidth();
        long used = used();
        double scale = width / Math.max(limit, used);
        double x = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            double w = Math.max(p.bytes() > 0 ? 3 : 0, p.bytes() * scale);
            Region seg = new Region();
            seg.getStyleClass().addAll("gauge-part", p.styleClass());
            if (i == 0) {
                seg.getStyleClass().add("first");
            }
            if (i == parts.size() - 1) {
                seg.getStyleClass().add("last");
            }
            seg.setManaged(false); // the bar places its parts itself; a managed Region would shrink to 0
            seg.resizeRelocate(x, 0, w, BAR_HEIGHT);
            Tooltip.install(seg, new Tooltip(p.name() + ": " + ByteSizes.human(p.bytes())));
            bar.getChildren().add(seg);
            x += w;
        }
        if (used > limit) {
            Region mark = new Region();
            mark.getStyleClass().add("gauge-limit");
            mark.setManaged(false);
            mark.resizeRelocate(limit * scale - 1, -3, 2, BAR_HEIGHT + 6);
            bar.getChildren().add(mark);
        }
    }
}
