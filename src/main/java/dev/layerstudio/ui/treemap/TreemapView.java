package dev.layerstudio.ui.treemap;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.ui.treemap.SquarifiedLayout.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A squarified treemap of a size tree, two levels deep: each child of the shown folder
 * as a rounded box with a header (name and size), its own children laid out inside.
 * Boxes are coloured by kind of content or by package ({@link #colorModeProperty()}).
 * Hover highlights a box and shows its path, size, files and package; a click on a box
 * with children drills into it; Backspace, Escape or a right click goes back up.
 * {@link #trail()} is the path from the top to the shown folder, for a breadcrumb.
 */
public final class TreemapView extends Region {

    private static final double GAP = 3;
    private static final double HEADER = 20;
    private static final double INNER_PAD = 3;
    private static final double RADIUS = 5;
    private static final Font HEADER_FONT = Font.font(null, FontWeight.BOLD, 12);
    private static final Font CHILD_FONT = Font.font(null, FontWeight.NORMAL, 11);
    private static final Font SIZE_FONT = Font.font(null, FontWeight.NORMAL, 10);

    private record Box(TreemapItem item, Rect rect, int depth, Color fill) {
    }

    private final Canvas canvas = new Canvas();
    private final ObservableList<TreemapItem> trail = FXCollections.observableArrayList();
    private final ObservableList<TreemapItem> trailView = FXCollections.unmodifiableObservableList(trail);
    private final ObjectProperty<TreemapPalette.Mode> colorMode =
            new SimpleObjectProperty<>(this, "colorMode", TreemapPalette.Mode.KIND);
    private final ReadOnlyObjectWrapper<TreemapItem> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final List<Box> boxes = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();
    private final Text measure = new Text();
    private TreemapPalette palette;
    private Box hoveredBox;

    public TreemapView() {
        getStyleClass().add("treemap");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        trail.addListener((javafx.collections.ListChangeListener<TreemapItem>) c -> {
            hoveredBox = null;
            hovered.set(null);
            updateAccessibleText();
            paint();
        });
        colorMode.addListener((o, a, b) -> paint());
        tooltip.setShowDelay(Duration.millis(120));
        tooltip.getStyleClass().add("treemap-tooltip");
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> hover(boxAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> hover(null));
        canvas.setOnMouseClicked(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.BACK) {
                up();
                return;
            }
            Box b = boxAt(e.getX(), e.getY());
            if (e.getButton() == MouseButton.PRIMARY && b != null) {
                TreemapItem target = topBoxOf(b).item();
                if (target.hasChildren()) {
                    drillTo(target);
                }
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.ESCAPE) {
                if (up()) {
                    e.consume();
                }
            }
        });
    }

    /** Shows a new tree from its top; package colours are given out by this tree's package sizes. */
    public void setTree(TreemapItem top) {
        palette = top == null ? null : TreemapPalette.of(top);
        if (top == null) {
            trail.clear();
        } else {
            trail.setAll(top);
        }
    }

    /** The top of the tree, or null. */
    public TreemapItem tree() {
        return trail.isEmpty() ? null : trail.get(0);
    }

    /** The folder shown now, or null. */
    public TreemapItem shown() {
        return trail.isEmpty() ? null : trail.get(trail.size() - 1);
    }

    /** From the top of the tree to the folder shown, both included. */
    public ObservableList<TreemapItem> trail() {
        return trailView;
    }

    /** Shows a folder of the tree (by its place in the tree); nothing happens for a file or an unknown item. */
    public void drillTo(TreemapItem item) {
        TreemapItem top = tree();
        if (top == null || item == null || !item.hasChildren()) {
            return;
        }
        List<TreemapItem> path = top.trailTo(item);
        if (!path.isEmpty() && !path.equals(trail)) {
            trail.setAll(path);
        }
    }

    /** Shows the folder above the shown one; false at the top. */
    public boolean up() {
        if (trail.size() <= 1) {
            return false;
        }
        trail.remove(trail.size() - 1);
        return true;
    }

    public ObjectProperty<TreemapPalette.Mode> colorModeProperty() {
        return colorMode;
    }

    /** The palette of the current tree (for a legend), or null when there is no tree. */
    public TreemapPalette palette() {
        return palette;
    }

    /** The item under the mouse, or null. */
    public ReadOnlyObjectProperty<TreemapItem> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The item under a point, or null: the deepest box there. */
    public TreemapItem itemAt(double x, double y) {
        Box b = boxAt(x - snappedLeftInset(), y - snappedTopInset());
        return b == null ? null : b.item();
    }

    /** The items drawn as boxes now, outermost first. */
    public List<TreemapItem> visibleItems() {
        return boxes.stream().map(Box::item).toList();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            // a layout pass that leaves the size as it was keeps the picture: every change
            // of what is shown paints at once
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
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
        TreemapItem item = shown();
        if (item == null || item.size() <= 0 || palette == null) {
            return;
        }
        Rect all = new Rect(GAP / 2, GAP / 2, canvas.getWidth() - GAP, canvas.getHeight() - GAP);
        TreemapItem content = throughSingleFolders(item);
        layoutLevel(content.hasChildren() ? content.children() : List.of(content), all, 1);
        for (Box b : boxes) {
            draw(g, b);
        }
        if (hoveredBox != null) {
            outline(g, hoveredBox);
        }
    }

    /**
     * Where a folder holds nothing but one folder ({@code python/} alone at the top), shows
     * that folder's content at once: a box that fills the whole map says nothing.
     */
    static TreemapItem throughSingleFolders(TreemapItem item) {
        TreemapItem shown = item;
        while (shown.children().size() == 1 && shown.children().get(0).hasChildren()) {
            shown = shown.children().get(0);
        }
        return shown;
    }

    private void layoutLevel(List<TreemapItem> items, Rect area, int depth) {
        List<Rect> rects = SquarifiedLayout.layout(items.stream().map(i -> (double) i.size()).toList(), area);
        double gap = depth == 1 ? GAP : 1;
        for (int i = 0; i < items.size(); i++) {
            Rect r = rects.get(i).inset(gap / 2);
            if (r.width() < 2 || r.height() < 2) {
                continue;
            }
            TreemapItem it = items.get(i);
            Color base = palette.colorOf(it, colorMode.get());
            // siblings of one colour get slightly different shades, so their edges show
            Color fill = depth == 1 ? base : base.deriveColor(0, 0.85, 1.0 + 0.07 * ((i % 3) - 1) + 0.12, 1);
            boxes.add(new Box(it, r, depth, fill));
            if (depth == 1 && it.hasChildren() && r.width() > 36 && r.height() > HEADER + 14) {
                Rect inner = new Rect(r.x() + INNER_PAD, r.y() + HEADER, r.width() - 2 * INNER_PAD,
                        r.height() - HEADER - INNER_PAD);
                layoutLevel(it.children(), inner, 2);
            }
        }
    }

    private void draw(GraphicsContext g, Box b) {
        Rect r = b.rect();
        Color fill = b == hoveredBox ? b.fill().deriveColor(0, 0.9, 1.15, 1) : b.fill();
        double radius = b.depth() == 1 ? RADIUS : 3;
        g.setFill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, fill.deriveColor(0, 0.92, 1.08, 1)), new Stop(1, fill.deriveColor(0, 1, 0.94, 1))));
        g.fillRoundRect(r.x(), r.y(), r.width(), r.height(), radius * 2, radius * 2);
        g.setStroke(fill.deriveColor(0, 1, 0.7, 0.55));
        g.setLineWidth(1);
        g.strokeRoundRect(r.x() + 0.5, r.y() + 0.5, r.width() - 1, r.height() - 1, radius * 2, radius * 2);
        label(g, b, fill);
    }

    private void label(GraphicsContext g, Box b, Color fill) {
        Rect r = b.rect();
        boolean header = b.depth() == 1;
        Font font = header ? HEADER_FONT : CHILD_FONT;
        double minHeight = header ? 16 : 14;
        if (r.width() < 30 || r.height() < minHeight) {
            return;
        }
        g.setFill(TreemapPalette.textOn(fill));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double x = r.x() + 5;
        double room = r.width() - 10;
        String size = ByteSizes.human(b.item().size());
        boolean nested = header && b.item().hasChildren() && r.height() > HEADER + 14;
        if (header && nested) {
            String name = fit(b.item().name(), room - width(size, SIZE_FONT) - 8, font);
            g.setFont(font);
            g.fillText(name, x, r.y() + 4);
            if (width(name, font) + width(size, SIZE_FONT) + 8 <= room) {
                g.setFont(SIZE_FONT);
                g.setGlobalAlpha(0.85);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(size, r.x() + r.width() - 5, r.y() + 5);
                g.setGlobalAlpha(1);
            }
            return;
        }
        g.setFont(font);
        g.fillText(fit(b.item().name(), room, font), x, r.y() + 3);
        if (r.height() >= 30 && width(size, SIZE_FONT) <= room) {
            g.setFont(SIZE_FONT);
            g.setGlobalAlpha(0.85);
            g.fillText(size, x, r.y() + 17);
            g.setGlobalAlpha(1);
        }
    }

    private static void outline(GraphicsContext g, Box b) {
        Rect r = b.rect();
        double radius = b.depth() == 1 ? RADIUS : 3;
        g.setStroke(Color.rgb(0, 0, 0, 0.45));
        g.setLineWidth(3);
        g.strokeRoundRect(r.x() + 1.5, r.y() + 1.5, r.width() - 3, r.height() - 3, radius * 2, radius * 2);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokeRoundRect(r.x() + 1.5, r.y() + 1.5, r.width() - 3, r.height() - 3, radius * 2, radius * 2);
    }

    private double width(String s, Font font) {
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** The text, shortened with an ellipsis to fit {@code room} pixels; empty when not even a letter fits. */
    private String fit(String s, double room, Font font) {
        if (width(s, font) <= room) {
            return s;
        }
        // the longest prefix that fits with its ellipsis, by halving: a few measurements, not one per letter
        int fits = 0;
        int low = 1;
        int high = s.length() - 1;
        while (low <= high) {
            int n = (low + high) >>> 1;
            if (width(s.substring(0, n) + "…", font) <= room) {
                fits = n;
                low = n + 1;
            } else {
                high = n - 1;
            }
        }
        return fits == 0 ? "" : s.substring(0, fits) + "…";
    }

    private Box boxAt(double x, double y) {
        for (int i = boxes.size() - 1; i >= 0; i--) {
            if (boxes.get(i).rect().contains(x, y)) {
                return boxes.get(i);
            }
        }
        return null;
    }

    /** The outermost box that holds {@code b} (itself at depth 1). */
    private Box topBoxOf(Box b) {
        if (b.depth() == 1) {
            return b;
        }
        for (Box candidate : boxes) {
            if (candidate.depth() == 1 && candidate.rect().contains(b.rect().x() + 0.1, b.rect().y() + 0.1)) {
                return candidate;
            }
        }
        return b;
    }

    private void hover(Box b) {
        if (b == hoveredBox) {
            return;
        }
        hoveredBox = b;
        hovered.set(b == null ? null : b.item());
        if (b == null) {
            tooltip.setText(null);
            tooltip.hide();
        } else {
            TreemapItem shown = shown();
            TreemapItem it = b.item();
            double share = shown == null || shown.size() == 0 ? 0 : 100.0 * it.size() / shown.size();
            tooltip.setText(it.path() + "\n" + ByteSizes.human(it.size()) + " unzipped · " + it.files()
                    + (it.files() == 1 ? " file" : " files")
                    + (it.group() == null ? "" : " · " + it.group())
                    + String.format(Locale.ROOT, "\n%.1f%% of %s", share, shown == null ? "" : label(shown)));
        }
        paint();
    }

    private static String label(TreemapItem item) {
        return item.path().isEmpty() ? "the layer" : item.name();
    }

    private void updateAccessibleText() {
        TreemapItem s = shown();
        if (s == null) {
            setAccessibleText(null);
            return;
        }
        StringBuilder sb = new StringBuilder("Treemap of " + label(s) + ", " + ByteSizes.human(s.size()) + ". Largest: ");
        s.children().stream().limit(3).forEach(c -> sb.append(c.name()).append(' ')
                .append(ByteSizes.human(c.size())).append(", "));
        setAccessibleText(sb.toString().replaceAll(", $", "."));
    }
}
