package dev.layerstudio.ui.treemap;

import java.util.Comparator;
import java.util.List;

/**
 * One box of a treemap: a folder or file with its size, what kind of content it is and
 * which package it belongs to (for its colour), and its children, largest first.
 *
 * @param group the package (or own-code folder) it belongs to, or null when none
 * @param files how many files are at or below it
 */
public record TreemapItem(String name, String path, long size, Kind kind, String group, int files,
                          List<TreemapItem> children) {

    /** What colours a box when the treemap is coloured by kind. */
    public enum Kind { INSTALLED, OWN_CODE, NATIVE, CACHE, OTHER }

    public TreemapItem {
        children = children.stream().sorted(Comparator.comparingLong(TreemapItem::size).reversed()).toList();
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }

    /** The item at {@code path} at or below this one, or null. */
    public TreemapItem find(String wanted) {
        if (path.equals(wanted)) {
            return this;
        }
        for (TreemapItem c : children) {
            if (wanted.equals(c.path) || wanted.startsWith(c.path + "/")) {
                return c.find(wanted);
            }
        }
        return null;
    }

    /** The items from this one down to {@code target} (both included), or an empty list when it is not below. */
    public List<TreemapItem> trailTo(TreemapItem target) {
        if (this == target || path.equals(target.path())) {
            return List.of(this);
        }
        for (TreemapItem c : children) {
            if (target.path().equals(c.path) || target.path().startsWith(c.path + "/")) {
                List<TreemapItem> below = c.trailTo(target);
                if (!below.isEmpty()) {
                    return java.util.stream.Stream.concat(java.util.stream.Stream.of(this), below.stream()).toList();
                }
            }
        }
        return List.of();
    }

    @Override
    public String toString() {
        return name;
    }
}
