package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;

/**
 * A function's configuration as far as layers are concerned.
 *
 * @param name             function name
 * @param arn              function ARN
 * @param region           region of the function
 * @param runtime          runtime id, or null (container images have none)
 * @param architectures    instruction set architectures, usually one
 * @param codeSize         size of the deployment package in bytes (zipped)
 * @param layers           the layer list in merge order (the last one wins where paths overlap)
 * @param revisionId       the revision the configuration was read at, or null when the service did not say
 * @param packageType      {@code Zip} or {@code Image}
 * @param lastUpdateStatus {@code Successful}, {@code InProgress}, {@code Failed}, or null
 */
public record FunctionInfo(String name, String arn, String region, String runtime, List<String> architectures,
                           long codeSize, List<AttachedLayer> layers, String revisionId, String packageType,
                           String lastUpdateStatus) {

    public FunctionInfo {
        Objects.requireNonNull(name, "name");
        architectures = architectures == null || architectures.isEmpty()
                ? List.of(Architecture.X86_64.id()) : List.copyOf(architectures);
        layers = layers == null ? List.of() : List.copyOf(layers);
        packageType = packageType == null ? "Zip" : packageType;
    }

    /** The layer ARNs in merge order. */
    public List<String> layerArns() {
        return layers.stream().map(AttachedLayer::arn).toList();
    }

    public String architecture() {
        return architectures.get(0);
    }

    public boolean isImage() {
        return "Image".equalsIgnoreCase(packageType);
    }

    /** The same function with another layer list and revision, as it is after an update. */
    public FunctionInfo withLayers(List<AttachedLayer> newLayers, String newRevisionId) {
        return new FunctionInfo(name, arn, region, runtime, architectures, codeSize, newLayers, newRevisionId,
                packageType, lastUpdateStatus);
    }
}
