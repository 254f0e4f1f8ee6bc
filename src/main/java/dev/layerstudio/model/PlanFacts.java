package dev.layerstudio.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan knows besides the functions' configurations: layer versions (for their
 * compatible runtimes and architectures) and unzipped sizes where something measured them.
 *
 * @param versions                  versioned layer ARN to its description
 * @param layerUnzippedBytes        versioned layer ARN to its unzipped size
 * @param functionCodeUnzippedBytes function ARN (or name) to its code's unzipped size
 * @param limits                    the limits to check against
 */
public record PlanFacts(Map<String, LayerVersionInfo> versions, Map<String, Long> layerUnzippedBytes,
                        Map<String, Long> functionCodeUnzippedBytes, Limits limits) {

    public PlanFacts {
        versions = Map.copyOf(versions);
        layerUnzippedBytes = Map.copyOf(layerUnzippedBytes);
        functionCodeUnzippedBytes = Map.copyOf(functionCodeUnzippedBytes);
        Objects.requireNonNull(limits, "limits");
    }

    public static PlanFacts none() {
        return new PlanFacts(Map.of(), Map.of(), Map.of(), Limits.defaults());
    }

    public static PlanFacts of(Collection<LayerVersionInfo> known) {
        return none().withVersions(known);
    }

    public PlanFacts withVersions(Collection<LayerVersionInfo> known) {
        Map<String, LayerVersionInfo> m = new HashMap<>(versions);
        known.forEach(v -> m.put(v.arn(), v));
        return new PlanFacts(m, layerUnzippedBytes, functionCodeUnzippedBytes, limits);
    }

    public PlanFacts withLayerUnzippedBytes(String versionArn, long bytes) {
        Map<String, Long> m = new HashMap<>(layerUnzippedBytes);
        m.put(versionArn, bytes);
        return new PlanFacts(versions, m, functionCodeUnzippedBytes, limits);
    }

    public PlanFacts withFunctionCodeUnzippedBytes(String function, long bytes) {
        Map<String, Long> m = new HashMap<>(functionCodeUnzippedBytes);
        m.put(function, bytes);
        return new PlanFacts(versions, layerUnzippedBytes, m, limits);
    }

    public PlanFacts withLimits(Limits newLimits) {
        return new PlanFacts(versions, layerUnzippedBytes, functionCodeUnzippedBytes, newLimits);
    }
}
