package dev.layerstudio.model;

import java.util.List;

/**
 * The optional import check: each top-level module imported by a local Python of the
 * runtime's version, OS and architecture, with only the layer on its path.
 *
 * @param ran     whether the check ran
 * @param reason  why it did not run (or null when it did)
 * @param python  the interpreter used, when it ran
 */
public record ImportCheck(boolean ran, String reason, String python, List<ImportResult> results) {

    public ImportCheck {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** The reason given when nobody asked for the check. */
    public static final String NOT_REQUESTED = "Not requested.";

    public static ImportCheck notRequested() {
        return notRun(NOT_REQUESTED);
    }

    public static ImportCheck notRun(String reason) {
        return new ImportCheck(false, reason, null, List.of());
    }

    public List<ImportResult> failures() {
        return results.stream().filter(r -> !r.ok()).toList();
    }
}
