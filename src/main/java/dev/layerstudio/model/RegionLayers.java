package dev.layerstudio.model;

import java.util.List;

/**
 * The layers of one region, or why they could not be read.
 *
 * @param region the region
 * @param layers its layers with their versions (empty when it failed)
 * @param error  one plain sentence, or null when the region was read
 */
public record RegionLayers(String region, List<LayerInfo> layers, String error) {

    public RegionLayers {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    public boolean ok() {
        return error == null;
    }
}
