package dev.layerstudio.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's one executor for background work: named daemon threads, so an
 * unfinished task never keeps the JVM alive, and an orderly shutdown on exit. Tasks started
 * on it run as JavaFX tasks whose callbacks come on the JavaFX thread.
 */
public final class AppExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppExecutor.class);

    private final ExecutorService executor;

    public AppExecutor() {
        this(Math.max(4, java.lang.Runtime.getRuntime().availableProcessors() * 2));
    }

    public AppExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "layer-studio-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> void run(BackgroundTask<T> task) {
        task.runOn(this);
    }

    void submit(Runnable work) {
        executor.execute(work);
    }

    @Override
    public void execute(Runnable r) {
        executor.execute(r);
    }

    /** Interrupts running work and waits briefly for it to stop. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not stop within 3 s of exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
