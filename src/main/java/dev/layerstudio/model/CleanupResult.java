package dev.layerstudio.model;

import java.util.Objects;

/**
 * What became of one unused layer version the user chose to delete.
 *
 * @param arn     the versioned ARN
 * @param outcome deleted, kept (with why), or failed (with why)
 * @param message one plain sentence; empty when deleted
 */
public record CleanupResult(String arn, Outcome outcome, String message) {

    public enum Outcome {
        DELETED, KEPT, FAILED
    }

    public CleanupResult {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }
}
