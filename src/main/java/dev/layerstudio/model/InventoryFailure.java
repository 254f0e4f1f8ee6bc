package dev.layerstudio.model;

import java.util.Objects;

/**
 * Why part of an inventory could not be read.
 *
 * @param reason  the kind of failure
 * @param message one plain sentence
 */
public record InventoryFailure(Reason reason, String message) {

    public enum Reason {
        /** The credentials or the role do not allow it (or the sign-in grants no such role). */
        NO_ACCESS("no access"),
        /** The region is not enabled for the account (an opt-in region), or does not accept these credentials. */
        REGION_DISABLED("region disabled"),
        /** AWS kept throttling after the retries. */
        THROTTLED("throttled"),
        /** AWS or the network could not be reached in time. */
        UNREACHABLE("unreachable"),
        /** Anything else; the message says what. */
        OTHER("failed");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** A few words for a table cell: "no access". */
        public String label() {
            return label;
        }
    }

    public InventoryFailure {
        Objects.requireNonNull(reason, "reason");
        message = message == null ? reason.label() : message;
    }
}
