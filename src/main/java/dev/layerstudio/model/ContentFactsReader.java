package dev.layerstudio.model;

/**
 * Reads what a published layer version's content holds. Implemented by {@code inspect}
 * (Range reads of the zip, cached by its SHA-256) and given to the services that plan
 * changes to functions, so every plan is judged on what the layer really holds.
 */
@FunctionalInterface
public interface ContentFactsReader {

    /**
     * The content facts of the zip at {@code location}.
     *
     * @throws LayerStudioException with a plain sentence when it cannot be read
     */
    ContentFacts read(LayerContentLocation location);

    /** A reader that reads nothing: plans then go by the versions' declared runtimes and architectures. */
    static ContentFactsReader none() {
        return location -> {
            throw new LayerStudioException("The content of " + location.layerVersionArn() + " was not read.");
        };
    }
}
