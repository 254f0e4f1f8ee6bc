package dev.layerstudio.ui.layer;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.ui.common.TextCells;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * Binds the table of every region's layers: a layer row per layer and region (its region in a
 * column of its own), its versions under it, the same texts as the region's table.
 */
final class AllRegionsTable {

    private AllRegionsTable() {
    }

    /** Fills the table from {@code vm}'s layers, now and whenever they change. */
    static void bind(TreeTableView<LayerRow> table, AllRegionsViewModel vm, ResourceBundle text,
                     List<TreeTableColumn<LayerRow, String>> columns) {
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextCells.headerTooltips(table);
        table.setAccessibleText(text.getString("layer.allRegions.accessible"));
        TreeTableColumn<LayerRow, String> name = columns.get(0);
        column(name, r -> r instanceof LayerRow.Layer l ? l.layer().name()
                : String.format(text.getString("layer.versionRow"), r.version().version()));
        column(columns.get(1), r -> r.layer().region());
        column(columns.get(2), r -> r instanceof LayerRow.Layer && r.version() != null
                ? String.valueOf(r.version().version()) : "");
        column(columns.get(3), r -> r.version() == null ? "" : list(r.version().compatibleRuntimes(), text));
        column(columns.get(4), r -> r.version() == null ? "" : list(r.version().compatibleArchitectures(), text));
        column(columns.get(5), r -> r.version() == null || r.version().codeSize() < 0 ? ""
                : ByteSizes.human(r.version().codeSize()));
        table.setRoot(LayerTreeItems.of(vm.layers()));
        vm.layers().addListener((ListChangeListener<LayerInfo>) c -> table.setRoot(LayerTreeItems.of(vm.layers())));
    }

    private static void column(TreeTableColumn<LayerRow, String> column, Function<LayerRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() == null
                || c.getValue().getValue() == null ? "" : value.apply(c.getValue().getValue())));
        column.setCellFactory(TextCells.withTooltip());
    }

    private static String list(List<String> values, ResourceBundle text) {
        return values.isEmpty() ? text.getString("layer.any") : String.join(", ", values);
    }
}
