package dev.layerstudio.ui.project;

import dev.layerstudio.model.LayerProject;
import dev.layerstudio.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and removes the recovery copy off the JavaFX thread, in the order asked: a write asked
 * before a later clear (or a later write) is skipped, so a saved project never leaves a stale copy.
 */
final class RecoveryWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryWriter.class);

    private final ProjectRecovery recovery;
    private final TaskExecutor executor;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();

    RecoveryWriter(ProjectRecovery recovery, TaskExecutor executor, Clock clock) {
        this.recovery = recovery;
        this.executor = executor;
        this.clock = clock;
    }

    /** Writes the copy in the background, unless something newer was asked first. */
    void write(LayerProject project, Path file) {
        long mine = generation.incrementAndGet();
        run(() -> {
            synchronized (recovery) {
                if (generation.get() == mine) {
                    try {
                        recovery.write(project, file, clock.instant());
                    } catch (RuntimeException e) {
                        LOG.warn("Could not write the recovery copy", e);
                    }
                }
            }
        });
    }

    /** Removes the copy in the background. */
    void clear() {
        generation.incrementAndGet();
        run(this::clearHere);
    }

    /** Off the JavaFX thread; once the app's background work has been shut down (at exit), not at all. */
    private void run(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("Background work has stopped; the recovery copy is left as it is", e);
        }
    }

    /** Removes the copy here and now (at a clean close). */
    void clearHere() {
        generation.incrementAndGet();
        synchronized (recovery) {
            recovery.clear();
        }
    }
}
