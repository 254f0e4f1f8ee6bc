package dev.layerstudio.model;

/**
 * One function using one version of a layer.
 *
 * @param region       the function's region
 * @param functionName the function
 * @param functionArn  its ARN
 * @param runtime      its runtime, or null
 * @param layer        the layer version it uses
 * @param position     1-based place in its layer list (higher is merged later and wins)
 * @param layerCount   how many layers the function has
 */
public record LayerUse(String region, String functionName, String functionArn, String runtime,
                       LayerVersionRef layer, int position, int layerCount) {
}
