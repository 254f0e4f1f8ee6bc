package dev.layerstudio.model;

/** One contribution to a size limit: "this layer", another layer, the function's code. */
public record SizePart(String label, long bytes) {
}
