package dev.layerstudio.model;

/**
 * Hears how applying a plan goes, one function at a time. Called from worker threads,
 * possibly several at once: implementations must be thread-safe and quick.
 */
public interface ApplyListener {

    ApplyListener NONE = new ApplyListener() {
    };

    /** Work on this function starts. */
    default void started(FunctionPlan plan) {
    }

    /** Something worth showing happens ("waiting for an update in progress"). */
    default void message(FunctionPlan plan, String message) {
    }

    /** This function is done, one way or another. */
    default void finished(ApplyResult result) {
    }
}
