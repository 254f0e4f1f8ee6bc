package dev.layerstudio.ui.wizard;

import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerVersionInfo;
import java.util.Optional;

/**
 * The layer the wizard makes a version of: an existing one (with its versions), or a
 * new name.
 *
 * @param existing the layer as listed, or null for a new layer
 */
public record LayerChoice(String name, LayerInfo existing) {

    public static LayerChoice newLayer(String name) {
        return new LayerChoice(name, null);
    }

    public static LayerChoice of(LayerInfo layer) {
        return new LayerChoice(layer.name(), layer);
    }

    public boolean isNew() {
        return existing == null;
    }

    /** The newest published version, when the layer exists and has one. */
    public Optional<LayerVersionInfo> latest() {
        return existing == null ? Optional.empty() : existing.latest();
    }
}
