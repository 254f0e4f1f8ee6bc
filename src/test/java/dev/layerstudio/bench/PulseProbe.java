package dev.layerstudio.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Records the time between consecutive JavaFX pulses, by phase. An animation timer keeps
 * a pulse requested every frame, so a gap longer than a frame is time the JavaFX thread
 * spent on something else: the longest gap is how long the window was frozen at worst.
 * Start, mark and stop on the JavaFX thread.
 */
final class PulseProbe extends AnimationTimer {

    private final Map<String, List<Long>> gaps = new LinkedHashMap<>();
    private final List<String> longGaps = new ArrayList<>();
    private List<Long> current;
    private String phase;
    private long last;

    /** Gaps from now on count toward {@code phase}. */
    synchronized void mark(String phase) {
        this.phase = phase;
        current = gaps.computeIfAbsent(phase, p -> new ArrayList<>());
    }

    @Override
    public synchronized void handle(long now) {
        if (last != 0 && current != null) {
            current.add(now - last);
            if (now - last > 100_000_000L) {
                longGaps.add(phase + ": " + ms(now - last) + " ms, ending " + Instant.now());
            }
        }
        last = now;
    }

    /** Per phase: pulses, the longest gap, the 99th percentile and the gaps over 100 ms, in milliseconds. */
    Map<String, Map<String, Object>> summary() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : gaps.entrySet()) {
            List<Long> sorted = e.getValue().stream().sorted().toList();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("pulses", sorted.size());
            s.put("maxGapMs", sorted.isEmpty() ? 0 : ms(sorted.get(sorted.size() - 1)));
            s.put("p99GapMs", sorted.isEmpty() ? 0 : ms(sorted.get((int) Math.floor(0.99 * (sorted.size() - 1)))));
            s.put("gapsOver100Ms", sorted.stream().filter(g -> g > 100_000_000L).count());
            out.put(e.getKey(), s);
        }
        return out;
    }

    /** Pulses seen so far in the current phase (any thread may ask). */
    synchronized int pulsesInPhase() {
        return current == null ? 0 : current.size();
    }

    /** Each gap over 100 ms: its phase, length and the wall-clock time it ended (to find it in a recording). */
    List<String> longGaps() {
        return List.copyOf(longGaps);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
