package dev.layerstudio.model;

/**
 * Whether one top-level module imported.
 *
 * @param error the exception's type and message when it did not, else null
 */
public record ImportResult(String module, boolean ok, String error) {
}
