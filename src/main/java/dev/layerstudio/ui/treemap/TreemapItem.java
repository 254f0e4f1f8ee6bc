package dev.layerstudio.ui.treemap;

import java.util.Comparator;
import java.util.List;

/**
 * One box of a treemap: a folder or file with its size, what kind of content it is
 * (for its colour), and its children, largest first.
 */
public record TreemapItem(String name, String path, long size, Kind kind, List<TreemapItem> children) {

    /** What colours a box. */
    public enum Kind { INSTALLED, OWN_CODE, NATIVE, CACHE, OTHER }

    public TreemapItem {
        children = children.stream().sorted(Comparator.comparingLong(TreemapItem::size).reversed()).toList();
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
