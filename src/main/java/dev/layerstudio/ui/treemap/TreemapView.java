package dev.layerstudio.ui.treemap;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.ui.treemap.SquarifiedLayout.Rect;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A squarified treemap of a size tree, two levels deep: each child of the shown item
 * as a framed box with its name, its own children laid out inside. Hover shows the
 * path and size; a click on a box with children drills into it.
 */
public final class TreemapView extends Region {

    private static final double HEADER = 18;
    private static final double PAD = 2;
    private static final double MIN_LABEL_WIDTH = 36;

    private static final Map<TreemapItem.Kind, Color> COLORS = new EnumMap<>(Map.of(
            TreemapItem.Kind.INSTALLED, Color.web("#4c8bf5"),
            TreemapItem.Kind.OWN_CODE, Color.web("#2da44e"),
            TreemapItem.Kind.NATIVE, Color.web("#8250df"),
            TreemapItem.Kind.CACHE, Color.web("#9a6700"),
            TreemapItem.Kind.OTHER, Color.web("#6e7781")));

    private record Box(TreemapItem item, Rect rect, int depth) {
    }

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<TreemapItem> root = new SimpleObjectProperty<>(this, "root");
    private final List<Box> boxes = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();
    private Consumer<TreemapItem> onDrill = item -> root.set(item);
    private Box hovered;

    public TreemapView() {
        getStyleClass().add("treemap");
        getChildren().add(canvas);
        root.addListener((o, a, b) -> requestLayout());
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> hover(boxAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> hover(null));
        canvas.setOnMouseClicked(e -> {
            Box b = boxAt(e.getX(), e.getY());
            if (e.getButton() == MouseButton.PRIMARY && b != null) {
                TreemapItem target = b.depth() == 1 || !b.item().hasChildren() ? parentAtDepthOne(b) : b.item();
                if (target != null && target.hasChildren()) {
                    onDrill.accept(target);
                }
            }
        });
    }

    public ObjectProperty<TreemapItem> rootProperty() {
        return root;
    }

    /** What a click on a box with children does (default: show it). */
    public void setOnDrill(Consumer<TreemapItem> handler) {
        this.onDrill = handler;
    }

    /** The item under a point, or null: the deepest box there. */
    public TreemapItem itemAt(double x, double y) {
        Box b = boxAt(x, y);
        return b == null ? null : b.item();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        canvas.setWidth(Math.max(0, w));
        canvas.setHeight(Math.max(0, h));
        paint();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 320;
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        boxes.clear();
        TreemapItem item = root.get();
        if (item == null || item.size() <= 0) {
            return;
        }
        Rect all = new Rect(0, 0, canvas.getWidth(), canvas.getHeight());
        layoutLevel(item.children().isEmpty() ? List.of(item) : item.children(), all, 1);
        for (Box b : boxes) {
            draw(g, b);
        }
    }

    private void layoutLevel(List<TreemapItem> items, Rect area, int depth) {
        List<Rect> rects = SquarifiedLayout.layout(items.stream().map(i -> (double) i.size()).toList(), area);
        for (int i = 0; i < items.size(); i++) {
            Rect r = rects.get(i);
            if (r.width() < 1 || r.height() < 1) {
                continue;
            }
            TreemapItem it = items.get(i);
            boxes.add(new Box(it, r, depth));
            if (depth == 1 && it.hasChildren() && r.width() > 40 && r.height() > HEADER + 12) {
                Rect inner = new Rect(r.x() + PAD, r.y() + HEADER, r.width() - 2 * PAD, r.height() - HEADER - PAD);
                layoutLevel(it.children(), inner, 2);
            }
        }
    }

    private void draw(GraphicsContext g, Box b) {
        Rect r = b.rect();
        Color base = COLORS.get(b.item().kind());
        Color fill = b.depth() == 1 ? base.deriveColor(0, 0.9, 0.75, 1) : base.deriveColor(0, 0.75, 1.05, 1);
        if (b == hovered) {
            fill = fill.brighter();
        }
        g.setFill(fill);
        g.fillRect(r.x(), r.y(), r.width(), r.height());
        g.setStroke(Color.rgb(255, 255, 255, 0.85));
        g.setLineWidth(b.depth() == 1 ? 1.5 : 0.75);
        g.strokeRect(r.x() + 0.5, r.y() + 0.5, r.width() - 1, r.height() - 1);
        if (r.width() >= MIN_LABEL_WIDTH && r.height() >= 14) {
            g.setFill(Color.WHITE);
            g.setFont(Font.font(null, b.depth() == 1 ? FontWeight.BOLD : FontWeight.NORMAL, 11));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            String label = b.item().name() + (r.width() > 110 ? "  " + ByteSizes.human(b.item().size()) : "");
            g.save();
            g.beginPath();
            g.rect(r.x(), r.y(), r.width() - 2, r.height());
            g.clip();
            g.fillText(label, r.x() + 4, r.y() + 3);
            g.restore();
        }
    }

    private Box boxAt(double x, double y) {
        for (int i = boxes.size() - 1; i >= 0; i--) {
            if (boxes.get(i).rect().contains(x, y)) {
                return boxes.get(i);
            }
        }
        return null;
    }

    private TreemapItem parentAtDepthOne(Box b) {
        if (b.depth() == 1) {
            return b.item();
        }
        for (Box candidate : boxes) {
            if (candidate.depth() == 1 && candidate.rect().contains(b.rect().x() + 0.1, b.rect().y() + 0.1)) {
                return candidate.item();
            }
        }
        return null;
    }

    private void hover(Box b) {
        if (b == hovered) {
            return;
        }
        hovered = b;
        if (b == null) {
            tooltip.setText(null);
            tooltip.hide();
        } else {
            TreemapItem root0 = root.get();
            double share = root0 == null || root0.size() == 0 ? 0 : 100.0 * b.item().size() / root0.size();
            tooltip.setText(b.item().path() + "\n" + ByteSizes.human(b.item().size())
                    + String.format(java.util.Locale.ROOT, "  (%.1f%% of this view)", share));
        }
        paint();
    }
}
