package dev.layerstudio.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The one guard for results that arrive after their inputs changed, and cancelling that waits for the work. */
class StaleResultTest {

    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();

    @Test
    void aResultWhoseInputsChangedGoesToTheDroppedHandlerNotToSuccess() {
        AtomicReference<String> input = new AtomicReference<>("a");
        List<String> seen = new ArrayList<>();
        BackgroundTask.of(p -> "made for a")
                .unlessChanged(input::get, r -> seen.add("dropped " + r))
                .onSuccess(r -> seen.add("shown " + r))
                .andFinally(() -> seen.add("finally"))
                .start(executor);
        input.set("b"); // the user changed the input while the work ran
        executor.runAll();
        assertThat(seen).containsExactly("dropped made for a", "finally");
    }

    @Test
    void aResultWhoseInputsAreEqualAgainIsShown() {
        AtomicReference<String> input = new AtomicReference<>("a");
        List<String> seen = new ArrayList<>();
        BackgroundTask.of(p -> "made for a")
                .unlessChanged(input::get, r -> seen.add("dropped"))
                .onSuccess(r -> seen.add("shown " + r))
                .start(executor);
        input.set(new String("a")); // an equal value, not the same object
        executor.runAll();
        assertThat(seen).containsExactly("shown made for a");
    }

    @Test
    void waitingForTheWorkReportsCancelledOnceItStoppedWithWhatItLeft() {
        List<String> seen = new ArrayList<>();
        AtomicReference<BackgroundTask<String>> task = new AtomicReference<>();
        task.set(BackgroundTask.<String>of(p -> {
            task.get().cancel(); // asked while the work runs: the work goes on until it stops itself
            seen.add("interrupted " + Thread.currentThread().isInterrupted());
            throw new CancellationException("stopped after the updates already sent");
        }).reportCancelWhenWorkEnds()
                .onSuccess(seen::add)
                .onCancelled(() -> seen.add("cancelled"))
                .andFinally(() -> seen.add("finally")));
        task.get().start(executor);
        executor.runAll();
        assertThat(seen).containsExactly("interrupted true", "cancelled", "finally");
        assertThat(Thread.currentThread().isInterrupted()).isFalse(); // the interrupt stays with the work
    }

    @Test
    void waitingForTheWorkACancelBeforeItStartsRunsNoWork() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.<String>of(p -> {
            seen.add("work");
            return "done";
        }).reportCancelWhenWorkEnds().onCancelled(() -> seen.add("cancelled")).andFinally(() -> seen.add("finally"));
        task.start(executor);
        task.cancel();
        executor.runAll();
        assertThat(seen).containsExactly("cancelled", "finally");
        assertThat(task.isRunning()).isFalse();
    }
}
