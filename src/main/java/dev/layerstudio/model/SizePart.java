package dev.layerstudio.model;

/**
 * One contribution to a size limit: "this layer", another layer, the function's code.
 *
 * @param label for people ("function code", a layer's ARN)
 * @param kind  what it is, for code that tells the parts apart
 */
public record SizePart(String label, long bytes, Kind kind) {

    /** What a part of a limit is. */
    public enum Kind {
        /** The layer inspected. */
        THIS_LAYER,
        /** Another layer of the target function. */
        OTHER_LAYER,
        /** The target function's own code. */
        FUNCTION_CODE
    }
}
