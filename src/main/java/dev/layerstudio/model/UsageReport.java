package dev.layerstudio.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which functions use which versions of a layer, across the scanned regions.
 *
 * @param layer            what was looked for (a name or an ARN)
 * @param regions          the regions that were scanned
 * @param uses             every use found, by region, function and position
 * @param functionsScanned how many functions were read
 * @param failedRegions    region to a plain sentence, for regions that could not be read
 */
public record UsageReport(String layer, List<String> regions, List<LayerUse> uses, int functionsScanned,
                          Map<String, String> failedRegions) {

    public UsageReport {
        regions = List.copyOf(regions);
        uses = uses.stream().sorted(Comparator.comparing(LayerUse::region)
                .thenComparing(LayerUse::functionName).thenComparingInt(LayerUse::position)).toList();
        failedRegions = Map.copyOf(new TreeMap<>(failedRegions));
    }

    /** Uses grouped by versioned layer ARN, newest version first within a layer. */
    public Map<String, List<LayerUse>> byVersion() {
        Map<String, List<LayerUse>> grouped = new LinkedHashMap<>();
        uses.stream()
                .sorted(Comparator.comparing((LayerUse u) -> u.layer().layerArn())
                        .thenComparing(Comparator.comparingLong((LayerUse u) -> u.layer().version()).reversed()))
                .forEach(u -> grouped.computeIfAbsent(u.layer().arn(), k -> new java.util.ArrayList<>()).add(u));
        return grouped;
    }

    /** The uses of exactly this version. */
    public List<LayerUse> usesOf(LayerVersionRef version) {
        return uses.stream().filter(u -> u.layer().arn().equals(version.arn())).toList();
    }

    public boolean complete() {
        return failedRegions.isEmpty();
    }
}
