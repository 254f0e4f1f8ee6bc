package dev.layerstudio.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command's work so that Ctrl-C (the JVM shutting down) interrupts it and the process
 * waits, up to a bound, for the work to clean up after itself (a build stops pip and removes
 * its staging folder; a test in Lambda deletes what it created).
 */
final class CtrlC {

    /** Work that may be interrupted. */
    interface Work<T> {
        T run() throws Exception;
    }

    private CtrlC() {
    }

    /**
     * @param cleanup how long the process waits, after Ctrl-C, for the work to end
     * @param name    the shutdown hook thread's name
     */
    static <T> T interrupts(Work<T> work, Duration cleanup, String name) throws Exception {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                finished.await(cleanup.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        java.lang.Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run();
        } finally {
            finished.countDown();
            try {
                java.lang.Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: let it finish waiting for us
            }
        }
    }
}
