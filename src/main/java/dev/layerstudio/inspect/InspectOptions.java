package dev.layerstudio.inspect;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Limits;
import dev.layerstudio.model.Runtime;
import java.util.List;

/**
 * What to check a layer against.
 *
 * @param runtime           the target runtime; null to use the one the layer's own folders name
 * @param architecture      the target architecture; null for Lambda's default, x86_64
 * @param otherLayers       the function's other layers, in the order of its layer list; this layer
 *                          is merged after them (attached last), so its files win on a conflict
 * @param functionCodeBytes unzipped size of the function's own code, 0 when unknown
 * @param importCheck       whether to try importing every top-level module with a local Python
 * @param limits            Lambda's limits (the account's own when known)
 */
public record InspectOptions(Runtime runtime, Architecture architecture, List<LayerSource> otherLayers,
                             long functionCodeBytes, boolean importCheck, Limits limits) {

    public InspectOptions {
        otherLayers = otherLayers == null ? List.of() : List.copyOf(otherLayers);
        limits = limits == null ? Limits.defaults() : limits;
        if (functionCodeBytes < 0) {
            throw new IllegalArgumentException("functionCodeBytes must not be negative");
        }
    }

    public static InspectOptions defaults() {
        return new InspectOptions(null, null, List.of(), 0, false, Limits.defaults());
    }

    public InspectOptions withRuntime(Runtime r) {
        return new InspectOptions(r, architecture, otherLayers, functionCodeBytes, importCheck, limits);
    }

    public InspectOptions withArchitecture(Architecture a) {
        return new InspectOptions(runtime, a, otherLayers, functionCodeBytes, importCheck, limits);
    }

    public InspectOptions withOtherLayers(List<LayerSource> layers) {
        return new InspectOptions(runtime, architecture, layers, functionCodeBytes, importCheck, limits);
    }

    public InspectOptions withFunctionCodeBytes(long bytes) {
        return new InspectOptions(runtime, architecture, otherLayers, bytes, importCheck, limits);
    }

    public InspectOptions withImportCheck(boolean check) {
        return new InspectOptions(runtime, architecture, otherLayers, functionCodeBytes, check, limits);
    }

    public InspectOptions withLimits(Limits l) {
        return new InspectOptions(runtime, architecture, otherLayers, functionCodeBytes, importCheck, l);
    }
}
