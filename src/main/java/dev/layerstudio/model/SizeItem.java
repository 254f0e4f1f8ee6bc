package dev.layerstudio.model;

/**
 * One large file of a layer, and which package it belongs to.
 *
 * @param owner the package (or own-code folder) name
 */
public record SizeItem(String path, long bytes, long zippedBytes, String owner) {
}
