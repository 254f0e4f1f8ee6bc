package dev.layerstudio.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.LayerStudioException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class BackgroundTaskTest {

    private final AppExecutor executor = new AppExecutor(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void successRunsOnTheFxThreadWithTheLastProgressAndLog() throws Exception {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicBoolean onFxThread = new AtomicBoolean();
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<BackgroundTask<String>> task = new AtomicReference<>();
        Platform.runLater(() -> task.set(BackgroundTask.<String>of(p -> {
            for (int i = 1; i <= 1000; i++) {
                p.progress(i, 1000);
                p.log("line " + i);
            }
            p.message("finished");
            return "ok";
        }).onSuccess(r -> {
            onFxThread.set(Platform.isFxApplicationThread());
            result.set(r);
        }).onLog(log::add).andFinally(done::countDown).start(executor)));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(result.get()).isEqualTo("ok");
        assertThat(onFxThread.get()).isTrue();
        assertThat(task.get().progressProperty().get()).isEqualTo(1.0);
        assertThat(task.get().messageProperty().get()).isEqualTo("finished");
        assertThat(task.get().isRunning()).isFalse();
        // Every line arrives, batched: far fewer callbacks than lines.
        List<String> lines = log.stream().flatMap(b -> b.lines()).toList();
        assertThat(lines).hasSize(1000).startsWith("line 1").endsWith("line 1000");
        assertThat(log.size()).isLessThan(1000);
    }

    @Test
    void errorsGoToTheFirstMatchingHandler() throws Exception {
        AtomicReference<String> handled = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> BackgroundTask.<String>of(p -> {
            throw new LayerStudioException("No Python was found.");
        }).onSuccess(r -> handled.set("success"))
                .onError(LayerStudioException.class, e -> handled.set("plain: " + e.getMessage()))
                .onError(RuntimeException.class, e -> handled.set("generic"))
                .andFinally(done::countDown)
                .start(executor));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handled.get()).isEqualTo("plain: No Python was found.");
    }

    @Test
    void cancelInterruptsTheWorker() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch workerSawInterrupt = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean succeeded = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<BackgroundTask<Void>> task = new AtomicReference<>();
        Platform.runLater(() -> task.set(BackgroundTask.<Void>of(p -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                workerSawInterrupt.countDown();
                throw e;
            }
            return null;
        }).onSuccess(r -> succeeded.set(true))
                .onCancelled(() -> cancelled.set(true))
                .andFinally(done::countDown)
                .start(executor)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.asyncFx(() -> task.get().cancel()).get();
        assertThat(workerSawInterrupt.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelled.get()).isTrue();
        assertThat(succeeded.get()).isFalse();
    }
}
