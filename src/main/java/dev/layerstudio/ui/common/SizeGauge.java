package dev.layerstudio.ui.common;

import dev.layerstudio.model.ByteSizes;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A bar of used bytes against a limit, made of parts (this layer, the function's
 * other layers, its code …), each its own colour with a tooltip. Over the limit the
 * bar turns red and says by how much.
 */
public final class SizeGauge extends VBox {

    /** One part of the bar; {@code styleClass} picks its colour in the theme. */
    public record Part(String name, long bytes, String styleClass) {
    }

    private final Label title = new Label();
    private final Label figures = new Label();
    private final Pane bar = new Pane();
    private List<Part> parts = List.of();
    private long limit = 1;

    public SizeGauge() {
        getStyleClass().add("size-gauge");
        title.getStyleClass().add("gauge-title");
        figures.getStyleClass().add("gauge-figures");
        bar.getStyleClass().add("gauge-bar");
        bar.setMinHeight(14);
        bar.setPrefHeight(14);
        HBox header = new HBox(8, title, new Region(), figures);
        HBox.setHgrow(header.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        header.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(header, bar);
        setSpacing(4);
        bar.widthProperty().addListener((o, a, b) -> layoutBar());
    }

    public void show(String name, long limitBytes, List<Part> newParts) {
        this.limit = Math.max(1, limitBytes);
        this.parts = List.copyOf(newParts);
        long used = parts.stream().mapToLong(Part::bytes).sum();
        title.setText(name);
        boolean over = used > limit;
        figures.setText(ByteSizes.human(used) + " of " + ByteSizes.human(limit)
                + (over ? " — " + ByteSizes.human(used - limit) + " over" : " — " + ByteSizes.human(limit - used) + " free"));
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over"), over);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("near"), !over && used > limit * 0.85);
        setAccessibleText(name + ": " + figures.getText());
        layoutBar();
    }

    public String figuresText() {
        return figures.getText();
    }

    private void layoutBar() {
        bar.getChildren().clear();
        double width = bar.getWidth();
        long used = parts.stream().mapToLong(Part::bytes).sum();
        double scale = width / Math.max(limit, used);
        double x = 0;
        for (Part p : parts) {
            double w = Math.max(p.bytes() > 0 ? 2 : 0, p.bytes() * scale);
            Region seg = new Region();
            seg.getStyleClass().addAll("gauge-part", p.styleClass());
            seg.resizeRelocate(x, 0, w, 14);
            Tooltip.install(seg, new Tooltip(p.name() + ": " + ByteSizes.human(p.bytes())));
            bar.getChildren().add(seg);
            x += w;
        }
        if (used > limit) {
            Region mark = new Region();
            mark.getStyleClass().add("gauge-limit");
            mark.resizeRelocate(limit * scale - 1, -3, 2, 20);
            bar.getChildren().add(mark);
        }
    }
}
