package dev.layerstudio.model;

/**
 * How long-running work reports where it stands. Implementations must be cheap and
 * thread-safe: hot loops call them per file, and the UI samples what they record a
 * few times a second rather than repainting per call.
 *
 * <p>Cancellation is the calling thread's interrupt flag: work checks
 * {@link Thread#isInterrupted()} and stops with {@link java.util.concurrent.CancellationException}
 * or {@link InterruptedException}, leaving no partial output behind.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** {@code done} of {@code total} units; a negative total means "unknown". */
    default void progress(long done, long total) {
    }

    /** A short line saying what is happening now ("Installing requests 2.32.3"). */
    default void message(String message) {
    }

    /** One line of tool output, such as pip's, for a live log. */
    default void log(String line) {
    }
}
