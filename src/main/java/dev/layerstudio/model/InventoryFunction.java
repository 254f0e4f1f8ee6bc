package dev.layerstudio.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One function as the organization inventory read it.
 *
 * @param accountId     the 12-digit account it lives in
 * @param region        its region
 * @param name          function name
 * @param arn           function ARN
 * @param runtime       runtime id, or null (container images have none)
 * @param architecture  {@code x86_64} or {@code arm64}
 * @param layers        versioned layer ARNs in merge order
 * @param lastModified  when its configuration last changed, or null when not known
 * @param codeSize      zipped size of its code in bytes, or -1
 * @param packageType   {@code Zip} or {@code Image}
 */
public record InventoryFunction(String accountId, String region, String name, String arn, String runtime,
                                String architecture, List<String> layers, Instant lastModified, long codeSize,
                                String packageType) {

    public InventoryFunction {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(name, "name");
        architecture = architecture == null || architecture.isBlank() ? Architecture.X86_64.id() : architecture;
        layers = layers == null ? List.of() : List.copyOf(layers);
        packageType = packageType == null ? "Zip" : packageType;
    }

    /** The layer versions in its list that are layer version ARNs. */
    public List<LayerVersionRef> layerRefs() {
        return layers.stream().map(LayerVersionRef::tryParse).flatMap(Optional::stream).toList();
    }

    /** Whether some version of the named layer (name or ARN, with or without version) is in its list. */
    public boolean usesLayer(String layer) {
        Optional<LayerVersionRef> wanted = LayerVersionRef.tryParse(layer);
        return layerRefs().stream().anyMatch(r -> wanted.map(w -> r.sameLayer(w)
                && (!w.isVersioned() || w.version() == r.version())).orElse(r.name().equals(layer)));
    }

    /** The function as the attach planner sees it. */
    public FunctionInfo toFunctionInfo() {
        return new FunctionInfo(name, arn, region, runtime, List.of(architecture), codeSize,
                layers.stream().map(a -> new AttachedLayer(a, -1)).toList(), null, packageType, null);
    }

    /** {@code account/region/name}: unique across an inventory. */
    public String key() {
        return accountId + "/" + region + "/" + name;
    }
}
