package dev.layerstudio.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A layer in one region with all of its versions, newest first.
 *
 * @param name     the layer's name
 * @param layerArn the unversioned ARN
 * @param region   the region it lives in
 * @param versions every version that still exists, newest first
 */
public record LayerInfo(String name, String layerArn, String region, List<LayerVersionInfo> versions) {

    public LayerInfo {
        Objects.requireNonNull(name, "name");
        versions = versions == null ? List.of()
                : versions.stream().sorted(Comparator.comparingLong(LayerVersionInfo::version).reversed()).toList();
    }

    /** The newest version, if any is left. */
    public Optional<LayerVersionInfo> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    public Optional<LayerVersionInfo> version(long number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }
}
