package dev.layerstudio.ui.inspect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.AttachedLayer;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other layers of a target function, as sources the inspector can read remotely.
 * A version of the layer being made is left out (the new version replaces it); a layer
 * whose content cannot be located is named in {@link #unreadable()} instead.
 *
 * @param sources    the readable layers, in the function's order
 * @param unreadable one sentence per layer that could not be located
 */
record FunctionStack(List<LayerSource> sources, List<String> unreadable) {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionStack.class);

    static FunctionStack none() {
        return new FunctionStack(List.of(), List.of());
    }

    /** Locates each of the function's layers but {@code ownLayer}'s (a name, or null). Calls AWS. */
    static FunctionStack of(AwsSession session, FunctionInfo function, String ownLayer, LayerContentLocator locator) {
        List<LayerSource> sources = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (AttachedLayer layer : function.layers()) {
            Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(layer.arn());
            if (ref.isPresent() && ref.get().name().equals(ownLayer)) {
                continue;
            }
            String label = ref.map(r -> r.name() + ":" + r.version()).orElse(layer.arn());
            try {
                LayerContentLocation where = locator.locate(session, layer.arn());
                sources.add(LayerSource.Remote.at(where));
            } catch (LayerStudioException e) {
                LOG.info("Cannot read {} of {}: {}", layer.arn(), function.name(), e.getMessage());
                unreadable.add(label + ": " + e.getMessage());
            }
        }
        return new FunctionStack(sources, unreadable);
    }
}
