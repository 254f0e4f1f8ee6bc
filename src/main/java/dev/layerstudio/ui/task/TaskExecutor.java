package dev.layerstudio.ui.task;

/**
 * Where {@link BackgroundTask}s run. The window uses {@link AppExecutor} (worker threads,
 * callbacks on the JavaFX thread, progress sampled ten times a second); view-model tests use
 * {@link SameThreadTaskExecutor}, which runs the work and its callbacks at once on the calling
 * thread, so they need no toolkit and no waiting.
 */
public interface TaskExecutor {

    /** Starts the task's work; its callbacks run on the thread the implementation promises. */
    <T> void run(BackgroundTask<T> task);

    /** Runs plain work off the caller's thread (or, for tests, on it). */
    void execute(Runnable work);
}
