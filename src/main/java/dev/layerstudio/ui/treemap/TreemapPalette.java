package dev.layerstudio.ui.treemap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The treemap's colours: one per kind of content, and one per package for the largest
 * packages of a layer (the rest share a quiet grey). Hues are spread so that
 * neighbouring boxes stay apart in both themes, and none is so light that white text
 * on it is hard to read.
 */
public final class TreemapPalette {

    /** How boxes are coloured. */
    public enum Mode { KIND, PACKAGE }

    private static final Map<TreemapItem.Kind, Color> KINDS = new EnumMap<>(Map.of(
            TreemapItem.Kind.INSTALLED, Color.web("#3f7fd9"),
            TreemapItem.Kind.OWN_CODE, Color.web("#2e9e6a"),
            TreemapItem.Kind.NATIVE, Color.web("#8a5cd1"),
            TreemapItem.Kind.CACHE, Color.web("#d9892b"),
            TreemapItem.Kind.OTHER, Color.web("#7d8895")));

    /** Twelve hues, ordered so that consecutive ones differ clearly. */
    private static final List<Color> PACKAGES = List.of(
            Color.web("#3f7fd9"), Color.web("#e0703a"), Color.web("#2e9e6a"), Color.web("#c04b8a"),
            Color.web("#8a5cd1"), Color.web("#c9a227"), Color.web("#1f9bb0"), Color.web("#d0524f"),
            Color.web("#5d9c3a"), Color.web("#6b6fd6"), Color.web("#b5773a"), Color.web("#3a9e94"));

    private static final Color UNGROUPED = Color.web("#7d8895");

    private final Map<String, Color> byGroup;

    private TreemapPalette(Map<String, Color> byGroup) {
        this.byGroup = byGroup;
    }

    /** Gives the largest packages of the tree their own colour, largest first. */
    public static TreemapPalette of(TreemapItem top) {
        Map<String, Long> sizes = new HashMap<>();
        collect(top, sizes);
        List<String> groups = new ArrayList<>(sizes.keySet());
        groups.sort(Comparator.comparingLong((String g) -> sizes.get(g)).reversed().thenComparing(g -> g));
        Map<String, Color> colors = new HashMap<>();
        for (int i = 0; i < groups.size() && i < PACKAGES.size(); i++) {
            colors.put(groups.get(i), PACKAGES.get(i));
        }
        return new TreemapPalette(colors);
    }

    /** Sums file sizes per package, counting each file once. */
    private static void collect(TreemapItem item, Map<String, Long> sizes) {
        if (!item.hasChildren()) {
            if (item.group() != null) {
                sizes.merge(item.group(), item.size(), Long::sum);
            }
            return;
        }
        item.children().forEach(c -> collect(c, sizes));
    }

    public static Color of(TreemapItem.Kind kind) {
        return KINDS.get(kind);
    }

    /** A package's colour: its own among the largest, else the shared grey. */
    public Color ofGroup(String group) {
        return group == null ? UNGROUPED : byGroup.getOrDefault(group, UNGROUPED);
    }

    public Color colorOf(TreemapItem item, Mode mode) {
        return mode == Mode.PACKAGE ? ofGroup(item.group()) : of(item.kind());
    }

    /** Packages with their own colour, largest first. */
    public List<Map.Entry<String, Color>> legend() {
        return byGroup.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> PACKAGES.indexOf(e.getValue())))
                .toList();
    }

    /** White or near-black, whichever reads better on {@code fill}. */
    public static Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 0.62 ? Color.web("#1f2328") : Color.WHITE;
    }
}
