package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One wave applied or rolled back in the background, one at a time: busy while it runs, its
 * functions' progress, and cancelling, which lets the updates already sent finish and reports
 * once the work has stopped, with the journal as it then stands.
 */
final class WaveRun {

    private static final Logger LOG = LoggerFactory.getLogger(WaveRun.class);

    /** How a run ended; each is called on the thread callbacks run on, before busy is cleared. */
    interface Ended {
        void done(RolloutJournal after);

        /** @param left the journal as the failed work left it (or as it was before, when unreadable) */
        void failed(Optional<RolloutJournal> left, Exception error);

        /** @param left the journal as the cancelled work left it (as it was, when the work never ran) */
        void cancelled(Optional<RolloutJournal> left);
    }

    private final TaskExecutor executor;
    private final RolloutJournals journals;
    private final WaveProgress running;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty cancelling = new SimpleBooleanProperty(this, "cancelling", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private BackgroundTask<RolloutJournal> task;
    private AtomicBoolean stopAsked = new AtomicBoolean();

    WaveRun(TaskExecutor executor, RolloutJournals journals, WaveProgress running) {
        this.executor = executor;
        this.journals = journals;
        this.running = running;
    }

    /**
     * Runs {@code work} (given a listener for its n updates) for wave {@code wave} of rollout {@code id}.
     *
     * @param before   the journal before the run
     * @param changed  called when the functions' lines change (at the start, as progress comes, at the end)
     */
    void start(String id, int wave, List<String> functions, Optional<RolloutJournal> before,
               Function<IntFunction<ApplyListener>, RolloutJournal> work, Runnable changed, Ended ended) {
        busy.set(true);
        progress.set(-1);
        running.begin(wave, functions);
        changed.run();
        AtomicReference<Optional<RolloutJournal>> left = new AtomicReference<>(before);
        AtomicBoolean stop = new AtomicBoolean();
        stopAsked = stop;
        task = BackgroundTask.of(p -> {
            RolloutJournal after;
            try {
                after = work.apply(n -> running.listener(p, n));
            } catch (RuntimeException | Error e) {
                // cancelled, the last write may be cut short by the interrupt: the journal on disk has every result
                boolean cancelled = Thread.interrupted() || stop.get();
                left.set(load(id).or(left::get));
                if (cancelled) {
                    throw cancelled(e);
                }
                throw e;
            }
            if (Thread.interrupted() || stop.get()) {
                // the applier let the updates already sent finish and left the others
                left.set(Optional.of(after));
                throw cancelled(null);
            }
            return after;
        }).reportCancelWhenWorkEnds(); // updates already sent finish first; the journal then records them
        task.messageProperty().addListener((o, a, b) -> changed.run());
        task.progressProperty().addListener((o, a, b) -> progress.set(b.doubleValue()));
        // the journal is taken first, busy cleared last: whoever waits for busy to end sees the journal
        task.onSuccess(after -> {
            ended.done(after);
            end();
        }).onError(Exception.class, e -> {
            ended.failed(left.get(), e);
            end();
        }).onCancelled(() -> {
            ended.cancelled(left.get());
            end();
        }).andFinally(() -> {
            cancelling.set(false);
            changed.run();
        }).start(executor);
    }

    private static CancellationException cancelled(Throwable cause) {
        CancellationException e = new CancellationException(
                "The wave was cancelled; its journal records where it stopped.");
        e.initCause(cause);
        return e;
    }

    /** Asks the running wave to stop; false when none runs. */
    boolean cancel() {
        if (task == null || !task.isRunning()) {
            return false;
        }
        stopAsked.set(true);
        cancelling.set(true);
        task.cancel();
        return true;
    }

    private void end() {
        running.end();
        busy.set(false);
    }

    private Optional<RolloutJournal> load(String id) {
        try {
            return journals.load(id);
        } catch (RuntimeException e) {
            LOG.warn("The journal of rollout {} could not be read after its wave stopped", id, e);
            return Optional.empty();
        }
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    BooleanProperty cancellingProperty() {
        return cancelling;
    }

    DoubleProperty progressProperty() {
        return progress;
    }
}
