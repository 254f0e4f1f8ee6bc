package dev.layerstudio.model;

/**
 * One entry of a function's layer list.
 *
 * @param arn      the versioned layer ARN
 * @param codeSize zipped size in bytes as Lambda reports it, or -1
 */
public record AttachedLayer(String arn, long codeSize) {
}
