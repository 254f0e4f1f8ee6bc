package dev.layerstudio.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.LayerStudioException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests' executor: no toolkit, no waiting, the same callbacks in the same order as the window's. */
class SameThreadTaskExecutorTest {

    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();

    @Test
    void theWorkAndItsCallbacksRunAtOnceWithTheLastProgress() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.<Integer>of(p -> {
            p.message("counting");
            p.progress(3, 4);
            p.log("a line");
            return 42;
        }).onSuccess(r -> seen.add("success " + r)).onLog(seen::add).andFinally(() -> seen.add("finally"));
        task.start(executor);
        assertThat(seen).containsExactly("a line", "success 42", "finally");
        assertThat(task.messageProperty().get()).isEqualTo("counting");
        assertThat(task.progressProperty().get()).isEqualTo(0.75);
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void errorsGoToTheFirstMatchingHandler() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.of(p -> {
            throw new LayerStudioException("It broke.");
        }).onError(IllegalStateException.class, e -> seen.add("wrong handler"))
                .onError(LayerStudioException.class, e -> seen.add(e.getMessage()))
                .andFinally(() -> seen.add("finally")).start(executor);
        assertThat(seen).containsExactly("It broke.", "finally");
    }

    @Test
    void aTaskCancelledBeforeItStartsReportsCancelledAndRunsNoWork() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.<String>of(p -> {
            seen.add("work");
            return "done";
        }).onSuccess(seen::add).onCancelled(() -> seen.add("cancelled")).andFinally(() -> seen.add("finally"));
        task.cancel();
        task.start(executor);
        assertThat(seen).containsExactly("cancelled", "finally");
        assertThat(task.isRunning()).isFalse();
    }
}
