package dev.layerstudio.model;

import java.util.List;

/**
 * What applying a plan did to one function.
 *
 * @param functionName the function
 * @param region       its region
 * @param outcome      what happened
 * @param before       its list before the update (re-read if the function had changed meanwhile)
 * @param after        the list sent (for {@link Outcome#UPDATED}); otherwise the planned list
 * @param current      the function as read after the update, or null when it could not be read
 * @param recomputed   whether the plan was recomputed because the function had changed (412)
 * @param message      one plain sentence
 */
public record ApplyResult(String functionName, String region, Outcome outcome, List<String> before,
                          List<String> after, FunctionInfo current, boolean recomputed, String message) {

    public enum Outcome {
        /** The new list was set and Lambda finished the update. */
        UPDATED,
        /** The list already was what the plan asks for; nothing was sent. */
        UNCHANGED,
        /** An error flag kept the function unchanged. */
        BLOCKED,
        /** The function changed again (or was changed by someone else); nothing was sent over it. */
        CONFLICT,
        /** The update failed; the function keeps its previous list. */
        FAILED,
        /** Stopped before this function was updated. */
        CANCELLED
    }

    public ApplyResult {
        before = before == null ? List.of() : List.copyOf(before);
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** Whether the function ended as the plan wanted. */
    public boolean ok() {
        return outcome == Outcome.UPDATED || outcome == Outcome.UNCHANGED;
    }
}
