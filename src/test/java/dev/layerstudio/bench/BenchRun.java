package dev.layerstudio.bench;

import static org.testfx.util.WaitForAsyncUtils.waitFor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * What the window benchmarks share: an optional flight recording ({@code -Dbench.jfr=FILE},
 * to see what held the JavaFX thread), waiting for a phase's last frames, and the figures
 * written to {@code -Dbench.out} as JSON.
 */
final class BenchRun implements AutoCloseable {

    private final Recording recording;
    private final String jfr = System.getProperty("bench.jfr");

    BenchRun() throws IOException, java.text.ParseException {
        recording = new Recording(Configuration.getConfiguration("profile"));
        if (jfr != null) {
            Duration period = Duration.ofMillis(Long.getLong("bench.jfrPeriodMs", 10));
            recording.enable("jdk.ExecutionSample").withPeriod(period);
            recording.enable("jdk.NativeMethodSample").withPeriod(period);
            recording.start();
        }
    }

    /** A probe started on the JavaFX thread, after a second of its "idle" phase. */
    static PulseProbe idleProbe(org.testfx.api.FxRobot robot) throws InterruptedException {
        PulseProbe probe = new PulseProbe();
        robot.interact(() -> {
            probe.start();
            probe.mark("idle");
        });
        Thread.sleep(1_000);
        return probe;
    }

    /** Waits for three more pulses: what the last step changed has been laid out and drawn in its phase. */
    static void settle(PulseProbe probe) throws Exception {
        int seen = probe.pulsesInPhase();
        waitFor(1, TimeUnit.MINUTES, () -> probe.pulsesInPhase() >= seen + 3);
    }

    /** Writes the recording (when asked for) and the figures, and prints them. */
    void finish(Map<String, Object> result) throws IOException {
        if (jfr != null) {
            recording.dump(Path.of(jfr));
        }
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), json);
        }
        System.out.println(json);
    }

    @Override
    public void close() {
        recording.close();
    }
}
