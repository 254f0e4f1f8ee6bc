package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where one wave of a rollout stands, as its journal records it.
 *
 * @param number    1, 2, 3 ...
 * @param label     the selector as written, or {@link Wave#REST}
 * @param functions the functions chosen for the wave when the rollout started
 * @param state     pending, applied (fully or partly) or rolled back
 * @param results   one result per function, the latest attempt (an update is kept over a later "unchanged")
 * @param undo      what rolling the wave back restores, one entry per function the wave updated; always
 *                  derived from {@code results} (the value given is ignored)
 * @param rollback  the results of rolling it back, when it was
 */
public record WaveRecord(int number, String label, List<String> functions, State state, List<ApplyResult> results,
                         List<Restore> undo, List<ApplyResult> rollback) {

    public enum State {
        /** Not applied yet (or applied and rolled back: {@link #ROLLED_BACK}). */
        PENDING,
        /** Every function ended as planned, or was blocked by a flag that needs a person. */
        APPLIED,
        /** Applied, but some functions failed, conflicted or were cancelled; continuing retries them. */
        PARTIAL,
        /** Applied and undone; continuing applies it again. */
        ROLLED_BACK
    }

    /**
     * One function's undo: while it still has {@code expect}, it gets {@code restore} back.
     */
    public record Restore(String function, String region, List<String> expect, List<String> restore) {
        public Restore {
            expect = List.copyOf(expect);
            restore = List.copyOf(restore);
        }
    }

    public WaveRecord {
        Objects.requireNonNull(label, "label");
        functions = functions == null ? List.of() : List.copyOf(functions);
        state = state == null ? State.PENDING : state;
        results = results == null ? List.of() : List.copyOf(results);
        undo = results.stream().filter(r -> r.outcome() == ApplyResult.Outcome.UPDATED)
                .map(r -> new Restore(r.functionName(), r.region(), r.after(), r.before())).toList();
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
    }

    public static WaveRecord pending(Wave wave) {
        return new WaveRecord(wave.number(), wave.label(), wave.functionNames(), State.PENDING, List.of(), List.of(),
                List.of());
    }

    /** Whether this wave's changes are live (fully or partly). */
    public boolean applied() {
        return state == State.APPLIED || state == State.PARTIAL;
    }

    /**
     * The wave with one more function's result. A function updated earlier and now found
     * unchanged keeps its update, so rolling back still restores what it had before.
     */
    public WaveRecord withResult(ApplyResult result) {
        List<ApplyResult> merged = new ArrayList<>();
        boolean placed = false;
        for (ApplyResult r : results) {
            if (r.functionName().equals(result.functionName())) {
                boolean keepOld = r.outcome() == ApplyResult.Outcome.UPDATED
                        && result.outcome() == ApplyResult.Outcome.UNCHANGED;
                merged.add(keepOld ? r : result);
                placed = true;
            } else {
                merged.add(r);
            }
        }
        if (!placed) {
            merged.add(result);
        }
        return new WaveRecord(number, label, functions, state, merged, undo, rollback);
    }

    /** The wave once an apply finished: applied, or partly when some function should be tried again. */
    public WaveRecord applied(List<ApplyResult> attempt) {
        boolean retry = attempt.stream().anyMatch(WaveRecord::worthRetrying);
        return new WaveRecord(number, label, functions, retry ? State.PARTIAL : State.APPLIED, results, undo,
                List.of());
    }

    /** The wave as its apply starts: partly applied until every function has ended as planned. */
    public WaveRecord applying() {
        return new WaveRecord(number, label, functions, State.PARTIAL, results, undo, List.of());
    }

    /**
     * The wave once rolled back. Functions whose undo failed or was cancelled keep their
     * results, and the wave stays partly applied, so rolling back again retries them; a
     * function someone changed since is left to them.
     */
    public WaveRecord rolledBack(List<ApplyResult> undone) {
        Set<String> retry = new HashSet<>();
        for (ApplyResult r : undone) {
            if (r.outcome() == ApplyResult.Outcome.FAILED || r.outcome() == ApplyResult.Outcome.CANCELLED) {
                retry.add(r.functionName());
            }
        }
        if (retry.isEmpty()) {
            return new WaveRecord(number, label, functions, State.ROLLED_BACK, List.of(), List.of(), undone);
        }
        List<ApplyResult> left = results.stream().filter(r -> retry.contains(r.functionName())).toList();
        return new WaveRecord(number, label, functions, State.PARTIAL, left, List.of(), undone);
    }

    private static boolean worthRetrying(ApplyResult r) {
        return r.outcome() == ApplyResult.Outcome.FAILED || r.outcome() == ApplyResult.Outcome.CONFLICT
                || r.outcome() == ApplyResult.Outcome.CANCELLED;
    }
}
