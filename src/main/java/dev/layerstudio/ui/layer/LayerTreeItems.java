package dev.layerstudio.ui.layer;

import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerVersionInfo;
import java.util.List;
import javafx.scene.control.TreeItem;

/** The layer table's rows for the layers shown: a row per layer, its versions under it. */
final class LayerTreeItems {

    private LayerTreeItems() {
    }

    static TreeItem<LayerRow> of(List<LayerInfo> layers) {
        TreeItem<LayerRow> top = new TreeItem<>();
        for (LayerInfo l : layers) {
            TreeItem<LayerRow> item = new TreeItem<>(new LayerRow.Layer(l));
            for (LayerVersionInfo v : l.versions()) {
                item.getChildren().add(new TreeItem<>(new LayerRow.Version(l, v)));
            }
            top.getChildren().add(item);
        }
        return top;
    }
}
