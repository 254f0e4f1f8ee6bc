package dev.layerstudio.model;

/**
 * Something about one function's new layer list that the user should see before applying.
 *
 * @param kind     what it is
 * @param severity errors stop this function's update; warnings do not
 * @param message  one plain sentence
 * @param layerArn the layer version concerned, or null
 */
public record PlanFlag(Kind kind, Severity severity, String message, String layerArn) {

    public enum Severity {
        WARNING, ERROR
    }

    public enum Kind {
        /** More layers than a function may have. */
        TOO_MANY_LAYERS,
        /** The function's runtime is not among the version's compatible runtimes. */
        RUNTIME_INCOMPATIBLE,
        /** The function's architecture is not among the version's compatible architectures. */
        ARCHITECTURE_INCOMPATIBLE,
        /** Function code plus layers, unzipped, over the limit (only when the sizes are known). */
        UNZIPPED_TOO_LARGE,
        /** A layer in another region than the function. */
        OTHER_REGION,
        /** An entry that is not a versioned layer ARN. */
        NOT_VERSIONED,
        /** Two versions of the same layer in one list. */
        DUPLICATE_LAYER,
        /** A container-image function: it cannot use layers. */
        IMAGE_FUNCTION,
        /** The function's list is no longer what the change expected (someone else changed it). */
        CHANGED_SINCE
    }

    public boolean blocking() {
        return severity == Severity.ERROR;
    }

    static PlanFlag error(Kind kind, String message, String layerArn) {
        return new PlanFlag(kind, Severity.ERROR, message, layerArn);
    }

    static PlanFlag warning(Kind kind, String message, String layerArn) {
        return new PlanFlag(kind, Severity.WARNING, message, layerArn);
    }
}
