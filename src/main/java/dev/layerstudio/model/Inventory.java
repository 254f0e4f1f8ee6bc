package dev.layerstudio.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every function and layer version of the chosen accounts and regions, slice by slice
 * (account × region), each with the time it was read; slices that failed say why. Never
 * all-or-nothing: what could be read is kept.
 *
 * @param source            what was read: "IAM Identity Center session 'org' (role ReadOnly)", "profiles a, b",
 *                          "AWS Config aggregator 'org'"
 * @param layerVersionsRead whether the source reads layer versions (an AWS Config aggregator reads functions only)
 * @param slices            one per account and region, sorted by account then region
 */
public record Inventory(String source, boolean layerVersionsRead, List<InventorySlice> slices) {

    private static final Comparator<InventorySlice> ORDER = Comparator.comparing(InventorySlice::accountName,
            String.CASE_INSENSITIVE_ORDER).thenComparing(InventorySlice::accountId).thenComparing(InventorySlice::region);

    public Inventory {
        Objects.requireNonNull(source, "source");
        slices = slices == null ? List.of() : slices.stream().sorted(ORDER).toList();
    }

    public List<InventoryFunction> functions() {
        return slices.stream().flatMap(s -> s.functions().stream()).toList();
    }

    public List<InventoryLayerVersion> layerVersions() {
        return slices.stream().flatMap(s -> s.layerVersions().stream()).toList();
    }

    /** The slices that could not be read. */
    public List<InventorySlice> failed() {
        return slices.stream().filter(s -> !s.ok()).toList();
    }

    public boolean complete() {
        return slices.stream().allMatch(InventorySlice::ok);
    }

    /** The oldest read time of any slice (the whole picture is at least this fresh), or null when empty. */
    public Instant oldestRead() {
        return slices.stream().map(InventorySlice::readAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Account id to name, for the accounts of this inventory. */
    public Map<String, String> accountNames() {
        Map<String, String> names = new LinkedHashMap<>();
        slices.forEach(s -> names.putIfAbsent(s.accountId(), s.accountName()));
        return names;
    }

    /** This inventory with some slices read again: each replaces the slice of its account and region, or is added. */
    public Inventory withSlices(List<InventorySlice> fresh) {
        List<InventorySlice> merged = new ArrayList<>(slices);
        for (InventorySlice f : fresh) {
            merged.removeIf(s -> s.key().equals(f.key()) || s.accountName().equals(f.accountName())
                    && s.region().equals(f.region()));
            merged.add(f);
        }
        return new Inventory(source, layerVersionsRead, merged);
    }
}
