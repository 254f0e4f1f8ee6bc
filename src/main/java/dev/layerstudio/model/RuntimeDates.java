package dev.layerstudio.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A runtime's place in Lambda's deprecation policy: the day support ends and the days Lambda
 * stops creating and updating functions on it (each null when AWS has published none).
 *
 * <p>{@link #of(String)} is the one place the inventory looks these dates up: the runtime table.
 */
public record RuntimeDates(String runtime, LocalDate deprecated, LocalDate blockCreate, LocalDate blockUpdate) {

    /** Where a runtime stands on a day. */
    public enum Status {
        SUPPORTED("supported"), DEPRECATED("deprecated"), CREATE_BLOCKED("create blocked"),
        UPDATE_BLOCKED("update blocked"), UNKNOWN("not in the table");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The dates of a runtime id, from the runtime table ({@link Runtime}), when it lists the runtime. */
    public static Optional<RuntimeDates> of(String runtime) {
        return runtime == null ? Optional.empty() : Runtime.fromId(runtime.strip()).filter(Runtime::listed)
                .map(r -> new RuntimeDates(r.id(), r.deprecated().orElse(null), r.blockCreate().orElse(null),
                        r.blockUpdate().orElse(null)));
    }

    /** Where {@code runtime} stands on {@code today}; {@link Status#UNKNOWN} when the table does not have it. */
    public static Status status(String runtime, LocalDate today) {
        return of(runtime).map(d -> d.status(today)).orElse(Status.UNKNOWN);
    }

    public Status status(LocalDate today) {
        if (reached(blockUpdate, today)) {
            return Status.UPDATE_BLOCKED;
        }
        if (reached(blockCreate, today)) {
            return Status.CREATE_BLOCKED;
        }
        return reached(deprecated, today) ? Status.DEPRECATED : Status.SUPPORTED;
    }

    private static boolean reached(LocalDate day, LocalDate today) {
        return day != null && !today.isBefore(day);
    }
}
