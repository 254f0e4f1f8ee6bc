package dev.layerstudio.model;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rows of an inventory answer to show. Empty sets and null texts choose everything.
 *
 * @param accounts account ids or names
 * @param regions  regions
 * @param layer    a layer name, layer ARN or layer version ARN
 * @param runtime  a runtime id
 */
public record InventoryFilter(Set<String> accounts, Set<String> regions, String layer, String runtime) {

    public InventoryFilter {
        accounts = accounts == null ? Set.of() : clean(accounts);
        regions = regions == null ? Set.of() : clean(regions);
        layer = layer == null || layer.isBlank() ? null : layer.strip();
        runtime = runtime == null || runtime.isBlank() ? null : runtime.strip();
    }

    public static InventoryFilter none() {
        return new InventoryFilter(Set.of(), Set.of(), null, null);
    }

    public static InventoryFilter of(List<String> accounts, List<String> regions, String layer, String runtime) {
        return new InventoryFilter(accounts == null ? Set.of() : Set.copyOf(accounts),
                regions == null ? Set.of() : Set.copyOf(regions), layer, runtime);
    }

    private static Set<String> clean(Set<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean account(String accountId, String accountName) {
        return accounts.isEmpty() || accounts.contains(accountId) || accountName != null && accounts.contains(accountName);
    }

    public boolean region(String region) {
        return regions.isEmpty() || regions.contains(region);
    }

    /** Whether a layer version (or the layer of one) is the chosen layer. */
    public boolean layer(LayerVersionRef ref) {
        if (layer == null) {
            return true;
        }
        return LayerVersionRef.tryParse(layer).map(w -> w.sameLayer(ref) && (!w.isVersioned()
                || w.version() == ref.version())).orElse(ref.name().equals(layer));
    }

    public boolean runtime(String functionRuntime) {
        return runtime == null || runtime.equalsIgnoreCase(functionRuntime);
    }

    /** Whether a function passes every filter (its layer list must hold the chosen layer). */
    public boolean function(InventoryFunction f, String accountName) {
        return account(f.accountId(), accountName) && region(f.region()) && runtime(f.runtime())
                && (layer == null || f.layerRefs().stream().anyMatch(this::layer));
    }
}
