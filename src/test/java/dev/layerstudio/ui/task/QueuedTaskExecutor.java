package dev.layerstudio.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Holds each task until the test lets it run (on the test's thread, as {@link SameThreadTaskExecutor}
 * would): for what happens between a task's start and its end, such as the user changing the
 * inputs or cancelling before the work begins.
 */
public final class QueuedTaskExecutor implements TaskExecutor {

    private final SameThreadTaskExecutor now = new SameThreadTaskExecutor();
    private final Deque<Runnable> waiting = new ArrayDeque<>();

    @Override
    public <T> void run(BackgroundTask<T> task) {
        waiting.add(() -> now.run(task));
    }

    @Override
    public void execute(Runnable work) {
        waiting.add(work);
    }

    /** How many tasks wait. */
    public int waiting() {
        return waiting.size();
    }

    /** Runs the tasks waiting, and those they start, until none is left. */
    public void runAll() {
        while (!waiting.isEmpty()) {
            waiting.poll().run();
        }
    }
}
