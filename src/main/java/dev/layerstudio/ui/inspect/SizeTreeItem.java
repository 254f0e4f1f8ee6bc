package dev.layerstudio.ui.inspect;

import dev.layerstudio.model.SizeNode;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** A row of the size tree table; its children are made the first time it is opened. */
final class SizeTreeItem extends TreeItem<SizeNode> {

    private boolean childrenMade;

    SizeTreeItem(SizeNode node) {
        super(node);
    }

    @Override
    public boolean isLeaf() {
        return getValue().children().isEmpty();
    }

    @Override
    public ObservableList<TreeItem<SizeNode>> getChildren() {
        if (!childrenMade) {
            childrenMade = true;
            super.getChildren().setAll(getValue().children().stream().map(SizeTreeItem::new).toList());
        }
        return super.getChildren();
    }

    /** The row for {@code path} at or below this one, opening the rows on the way; null when absent. */
    SizeTreeItem reveal(String path) {
        if (getValue().path().equals(path)) {
            return this;
        }
        for (TreeItem<SizeNode> c : getChildren()) {
            String p = c.getValue().path();
            if (path.equals(p) || path.startsWith(p + "/")) {
                setExpanded(true);
                return ((SizeTreeItem) c).reveal(path);
            }
        }
        return null;
    }
}
