package dev.layerstudio.ui.task;

/**
 * Runs each task's work and then its callbacks at once, on the calling thread: for view-model
 * tests, which then need neither the JavaFX toolkit nor polling. A task cancelled before it
 * runs reports cancelled without running its work.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void run(BackgroundTask<T> task) {
        task.runHere();
    }

    @Override
    public void execute(Runnable work) {
        work.run();
    }
}
