package dev.layerstudio.model;

import java.util.List;

/**
 * A folder or file in the size tree of a layer, ready for a tree table or a treemap:
 * every folder's sizes are the sums of its children, and children are sorted largest first.
 *
 * @param name  the last path segment ("" for the root)
 * @param path  the path inside the layer ("" for the root)
 * @param files how many files are at or below this node
 */
public record SizeNode(String name, String path, EntryKind kind, long bytes, long zippedBytes, int files,
                       List<SizeNode> children) {

    public SizeNode {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
