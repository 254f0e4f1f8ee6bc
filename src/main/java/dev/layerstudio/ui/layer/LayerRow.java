package dev.layerstudio.ui.layer;

import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerVersionInfo;

/** A row of the layer table: a layer (showing its latest version) or one of its versions. */
public sealed interface LayerRow {

    LayerInfo layer();

    /** The version the row describes: the layer's latest, or the version itself; null for a layer with none. */
    LayerVersionInfo version();

    record Layer(LayerInfo layer) implements LayerRow {
        @Override
        public LayerVersionInfo version() {
            return layer.latest().orElse(null);
        }
    }

    record Version(LayerInfo layer, LayerVersionInfo version) implements LayerRow {
    }
}
