package dev.layerstudio.ui.inspect;

import dev.layerstudio.model.SizeNode;
import dev.layerstudio.ui.treemap.TreemapItem;
import dev.layerstudio.ui.treemap.TreemapView;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeTableView;

/**
 * Keeps the size table and the treemap on the same folder: drilling into the treemap selects the
 * folder's row; selecting a row drills the treemap to it (a file's row, to its folder). One moving
 * the other does not move it back.
 */
final class TableMapSync {

    private final TreeTableView<SizeNode> table;
    private final TreemapView treemap;
    private final Supplier<LayerMap> map;
    private boolean moving;

    private TableMapSync(TreeTableView<SizeNode> table, TreemapView treemap, Supplier<LayerMap> map) {
        this.table = table;
        this.treemap = treemap;
        this.map = map;
    }

    /** Links the two views for as long as they live. */
    static void link(TreeTableView<SizeNode> table, TreemapView treemap, Supplier<LayerMap> map) {
        TableMapSync sync = new TableMapSync(table, treemap, map);
        treemap.trail().addListener((ListChangeListener<TreemapItem>) c -> sync.treemapMoved());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> sync.rowChosen(row));
    }

    private void treemapMoved() {
        if (moving || treemap.trail().isEmpty() || !(table.getRoot() instanceof SizeTreeItem root)) {
            return;
        }
        moving = true;
        try {
            SizeTreeItem row = root.reveal(treemap.shown().path());
            if (row != null && row != root) {
                table.getSelectionModel().select(row);
                table.scrollTo(Math.max(0, table.getRow(row) - 2));
            }
        } finally {
            moving = false;
        }
    }

    private void rowChosen(javafx.scene.control.TreeItem<SizeNode> row) {
        LayerMap m = map.get();
        if (moving || row == null || m == null) {
            return;
        }
        String path = row.getValue().path();
        TreemapItem item = m.tree().find(path);
        if (item != null && !item.hasChildren()) {
            item = m.tree().find(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
        }
        moving = true;
        try {
            treemap.drillTo(item);
        } finally {
            moving = false;
        }
    }
}
