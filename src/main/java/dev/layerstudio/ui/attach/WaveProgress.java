package dev.layerstudio.ui.attach;

import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.ProgressListener;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the functions of the running wave are doing, heard from the applier on its worker
 * threads: a line per function, and the count of finished ones as the task's progress. The
 * page reads the lines when the task's sampled message changes.
 */
final class WaveProgress {

    private final ResourceBundle text;
    private final Map<String, WaveView.Line> lines = new ConcurrentHashMap<>();
    private volatile int wave;

    WaveProgress(ResourceBundle text) {
        this.text = text;
    }

    /** A wave starts: each of its functions waits. */
    void begin(int number, List<String> functions) {
        lines.clear();
        functions.forEach(f -> lines.put(f, new WaveView.Line(f, text.getString("attach.waiting"),
                WaveView.Kind.WAITING)));
        wave = number;
    }

    void end() {
        wave = 0;
        lines.clear();
    }

    /** The wave running (0: none). */
    int wave() {
        return wave;
    }

    Map<String, WaveView.Line> lines() {
        return Map.copyOf(lines);
    }

    /** A listener for an apply of {@code total} updates, reporting through {@code p}. */
    ApplyListener listener(ProgressListener p, int total) {
        AtomicInteger done = new AtomicInteger();
        p.progress(0, total);
        return new ApplyListener() {
            @Override
            public void started(FunctionPlan plan) {
                lines.put(plan.functionName(), new WaveView.Line(plan.functionName(),
                        text.getString("attach.updating"), WaveView.Kind.RUNNING));
                p.message(plan.functionName());
            }

            @Override
            public void message(FunctionPlan plan, String message) {
                lines.put(plan.functionName(), new WaveView.Line(plan.functionName(), message,
                        WaveView.Kind.RUNNING));
                p.message(plan.functionName() + ": " + message);
            }

            @Override
            public void finished(ApplyResult result) {
                lines.put(result.functionName(), WaveView.result(result, text));
                p.message(result.functionName() + " " + result.outcome());
                p.progress(done.incrementAndGet(), total);
            }
        };
    }
}
