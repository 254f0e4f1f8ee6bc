package dev.layerstudio.ui.task;

import dev.layerstudio.model.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs work off the JavaFX thread.
 *
 * <pre>{@code
 * BackgroundTask.of(progress -> builder.build(spec, progress))
 *     .onSuccess(result -> vm.show(result))
 *     .onError(LayerStudioException.class, e -> vm.fail(e.getMessage()))
 *     .andFinally(() -> vm.busy(false))
 *     .start(executor);
 * }</pre>
 *
 * The work receives a {@link ProgressListener}; what it reports lands in plain fields
 * that a timeline samples ten times a second, so a loop over 10,000 files costs the
 * JavaFX thread ten updates a second, not 10,000. Log lines are batched the same way.
 * Callbacks run on the JavaFX thread. {@link #cancel()} interrupts the worker.
 */
public final class BackgroundTask<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);
    private static final Duration SAMPLE_EVERY = Duration.millis(100);

    /** Work that reports progress and may be interrupted. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressListener progress) throws Exception;
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        boolean tryHandle(Throwable t) {
            if (type.isInstance(t)) {
                handler.accept(type.cast(t));
                return true;
            }
            return false;
        }
    }

    private final Work<T> work;
    private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
    private Consumer<? super T> onSuccess = r -> { };
    private Runnable onCancelled = () -> { };
    private Runnable andFinally = () -> { };
    private Consumer<String> onLog;
    private Supplier<?> inputs;
    private Object askedWith;
    private Consumer<? super T> onStale = r -> { };
    private boolean reportCancelWhenWorkEnds;

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    private final Sampler sampler = new Sampler();
    private boolean started;
    private volatile boolean cancelRequested;
    private Task<T> task;
    private Timeline timeline;
    private final Object workerLock = new Object();
    private Thread worker;

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Handles errors of this type (first matching handler wins, in the order given). */
    public <E extends Throwable> BackgroundTask<T> onError(Class<E> type, Consumer<? super E> handler) {
        errorHandlers.add(new ErrorHandler<>(type, handler));
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Receives the tool output lines the work logs, in batches, on the JavaFX thread. */
    public BackgroundTask<T> onLog(Consumer<String> handler) {
        this.onLog = handler;
        return this;
    }

    /**
     * Drops the result when what the work was started for has changed by the time it ends: the
     * inputs are read when the task starts (on the caller's thread) and again when it succeeds;
     * when they differ ({@link Objects#equals}), {@code dropped} gets the result instead of the
     * success handler (to close what it holds, say). Errors and cancelling are reported as usual.
     */
    public BackgroundTask<T> unlessChanged(Supplier<?> inputs, Consumer<? super T> dropped) {
        this.inputs = Objects.requireNonNull(inputs);
        this.onStale = Objects.requireNonNull(dropped);
        return this;
    }

    /**
     * Cancelling interrupts the work and waits for it to end: the cancelled handler runs once the
     * work has stopped (so what it left behind can be read), not as soon as cancel is asked. For
     * work that stops promptly when interrupted.
     */
    public BackgroundTask<T> reportCancelWhenWorkEnds() {
        this.reportCancelWhenWorkEnds = true;
        return this;
    }

    public BackgroundTask<T> andFinally(Runnable handler) {
        this.andFinally = Objects.requireNonNull(handler);
        return this;
    }

    /** Starts the work on the executor (the window's: call on the JavaFX thread). */
    public BackgroundTask<T> start(TaskExecutor executor) {
        if (started) {
            throw new IllegalStateException("A background task runs once.");
        }
        started = true;
        askedWith = inputs == null ? null : inputs.get();
        running.set(true);
        executor.run(this);
        return this;
    }

    /** The window's way: a JavaFX task on the worker threads, sampled by a timeline. */
    void runOn(AppExecutor executor) {
        task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return runWork();
            }
        };
        task.setOnSucceeded(e -> finish(() -> succeeded(task.getValue())));
        task.setOnFailed(e -> finish(() -> handleError(task.getException())));
        task.setOnCancelled(e -> finish(onCancelled));
        timeline = new Timeline(new KeyFrame(SAMPLE_EVERY, e -> sample()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
        if (cancelRequested) {
            task.cancel(true);
        }
        executor.submit(task);
    }

    /** The tests' way: the work and its callbacks now, on this thread. */
    void runHere() {
        T result;
        try {
            result = runWork();
        } catch (Exception e) {
            finish(() -> handleError(e));
            return;
        }
        finish(() -> succeeded(result));
    }

    /** The work on the thread that runs it; a cancel asked before it starts stops it there. */
    private T runWork() throws Exception {
        synchronized (workerLock) {
            if (cancelRequested) {
                throw new CancellationException("Cancelled before it started.");
            }
            worker = Thread.currentThread();
        }
        try {
            return work.run(sampler);
        } finally {
            synchronized (workerLock) {
                worker = null;
                Thread.interrupted(); // an interrupt meant for this work does not reach the thread's next one
            }
        }
    }

    private void succeeded(T result) {
        if (inputs != null && !Objects.equals(askedWith, inputs.get())) {
            LOG.debug("A result was dropped: its inputs changed while the work ran");
            onStale.accept(result);
            return;
        }
        onSuccess.accept(result);
    }

    /**
     * Interrupts the work; the cancelled handler and then the finally handler run (at once, or
     * once the work has stopped: {@link #reportCancelWhenWorkEnds()}). A task cancelled before
     * its work starts never runs it and reports cancelled.
     */
    public void cancel() {
        synchronized (workerLock) {
            cancelRequested = true;
            if (reportCancelWhenWorkEnds) {
                if (worker != null) {
                    worker.interrupt();
                }
                return;
            }
        }
        if (task != null) {
            task.cancel(true);
        }
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    private void finish(Runnable handler) {
        if (timeline != null) {
            timeline.stop();
        }
        sample();
        running.set(false);
        try {
            handler.run();
        } finally {
            andFinally.run();
        }
    }

    private void handleError(Throwable error) {
        if (error instanceof CancellationException || error instanceof InterruptedException) {
            onCancelled.run();
            return;
        }
        // Every failure reaches the log with its stack trace; the handler shows the user a sentence.
        LOG.warn("Background work failed: {}", error.toString(), error);
        for (ErrorHandler<?> h : errorHandlers) {
            if (h.tryHandle(error)) {
                return;
            }
        }
        LOG.error("No handler for {}", error.getClass().getName());
    }

    private void sample() {
        assert timeline == null || Platform.isFxApplicationThread();
        progress.set(sampler.fraction());
        String m = sampler.message;
        if (m != null) {
            message.set(m);
        }
        if (onLog != null) {
            List<String> lines = sampler.drainLog();
            if (!lines.isEmpty()) {
                onLog.accept(String.join("\n", lines));
            }
        }
    }

    /** Written by the worker, read by the timeline. */
    private static final class Sampler implements ProgressListener {
        private volatile long done;
        private volatile long total = -1;
        private volatile String message;
        private final List<String> log = new ArrayList<>();

        @Override
        public void progress(long done, long total) {
            this.done = done;
            this.total = total;
        }

        @Override
        public void message(String message) {
            this.message = message;
        }

        @Override
        public void log(String line) {
            synchronized (log) {
                log.add(line);
            }
        }

        double fraction() {
            long t = total;
            return t <= 0 ? -1 : Math.min(1.0, (double) done / t);
        }

        List<String> drainLog() {
            synchronized (log) {
                if (log.isEmpty()) {
                    return List.of();
                }
                List<String> copy = new ArrayList<>(log);
                log.clear();
                return copy;
            }
        }
    }
}
