package dev.layerstudio.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A runtime's place in Lambda's deprecation policy: the day support ends and the days Lambda
 * stops creating and updating functions on it (each null when AWS has published none).
 *
 * <p>{@link #of(String)} is the one place the inventory looks these dates up, so they can come
 * from the runtime table when {@code model.Runtime} carries them.
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

    /**
     * From "Lambda runtimes" in the AWS Lambda Developer Guide, read 2026-12-02 (AWS moves these
     * dates). Runtimes without a published deprecation are listed with nulls.
     */
    private static final Map<String, RuntimeDates> TABLE = Map.of(
            "python3.9", dates("python3.9", "2025-12-15", "2026-08-31", "2026-09-30"),
            "python3.10", dates("python3.10", "2026-06-30", "2026-07-31", "2026-08-31"),
            "python3.11", dates("python3.11", "2027-06-30", "2027-07-31", "2027-08-31"),
            "python3.12", dates("python3.12", "2028-10-31", "2028-11-30", "2029-01-10"),
            "python3.13", dates("python3.13", "2029-06-30", "2029-07-31", "2029-08-31"),
            "python3.14", dates("python3.14", "2029-06-30", "2029-07-31", "2029-08-31"),
            "nodejs18.x", dates("nodejs18.x", "2025-09-01", null, null));

    /** The dates of a runtime id, when the table has it. */
    public static Optional<RuntimeDates> of(String runtime) {
        return runtime == null ? Optional.empty() : Optional.ofNullable(TABLE.get(runtime.strip().toLowerCase(
                java.util.Locale.ROOT)));
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

    private static RuntimeDates dates(String id, String deprecated, String blockCreate, String blockUpdate) {
        return new RuntimeDates(id, day(deprecated), day(blockCreate), day(blockUpdate));
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
