package dev.layerstudio.ui.contents;

import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.LayerContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A node of the layer tree whose children are made the first time they are asked for,
 * so a layer of 50,000 files costs only the rows the user opens. Folders it finds in
 * {@code expanded} open themselves; opening and closing is written back there, so a
 * rebuilt tree (after an edit) opens the same folders.
 */
final class ContentTreeItem extends TreeItem<ContentNode> {

    /** Folders first, then by name, case-insensitively. */
    static final Comparator<ContentNode> ORDER = Comparator.comparing((ContentNode n) -> !n.directory())
            .thenComparing(ContentNode::name, String.CASE_INSENSITIVE_ORDER);

    private LayerContent content;
    private final Set<String> expanded;
    private boolean loaded;

    /** The invisible root (the top of the layer). */
    static ContentTreeItem root(LayerContent content, Set<String> expanded) {
        ContentTreeItem root = new ContentTreeItem(content, null, expanded);
        root.setExpanded(true);
        return root;
    }

    private ContentTreeItem(LayerContent content, ContentNode node, Set<String> expanded) {
        super(node);
        this.content = content;
        this.expanded = expanded;
        if (node != null && node.directory()) {
            setExpanded(expanded.contains(node.path()));
            expandedProperty().addListener((o, was, now) -> {
                if (now) {
                    expanded.add(node.path());
                } else {
                    expanded.remove(node.path());
                }
            });
        }
    }

    /**
     * Shows another content under this (root) item: its rows are made again, but the tree
     * keeps its root, so the view reuses its cells and updates them once, where a new root
     * would have them updated at once and then rebuilt on the next layout.
     */
    void show(LayerContent next) {
        content = next;
        if (loaded) {
            loaded = false;
            getChildren();
        }
    }

    @Override
    public boolean isLeaf() {
        return getValue() != null && !getValue().directory();
    }

    @Override
    public ObservableList<TreeItem<ContentNode>> getChildren() {
        if (!loaded) {
            loaded = true;
            List<ContentNode> nodes = new ArrayList<>(content.children(getValue() == null ? "" : getValue().path()));
            nodes.sort(ORDER);
            List<TreeItem<ContentNode>> items = new ArrayList<>(nodes.size());
            for (ContentNode n : nodes) {
                items.add(new ContentTreeItem(content, n, expanded));
            }
            super.getChildren().setAll(items);
        }
        return super.getChildren();
    }
}
