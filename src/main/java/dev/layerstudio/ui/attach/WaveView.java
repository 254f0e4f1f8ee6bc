package dev.layerstudio.ui.attach;

import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanFlag;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.model.Wave;
import dev.layerstudio.model.WaveRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One wave as the rollout panel shows it: its number and selector, where it stands, and a
 * line per function. Made from a plan (before the rollout starts) or from the journal, with
 * what the running wave's functions are doing laid over it.
 *
 * @param number    1, 2, 3 ...
 * @param label     the selector as written, or "the rest"
 * @param stage     where the wave stands
 * @param functions one line per function of the wave
 */
public record WaveView(int number, String label, Stage stage, List<Line> functions) {

    /** Where a wave stands. */
    public enum Stage { PLANNED, NEXT, RUNNING, APPLIED, PARTIAL, ROLLED_BACK }

    /** What a function line says, for its style. */
    public enum Kind { PLANNED, WAITING, RUNNING, DONE, FAILED, LEFT_ALONE, UNDONE }

    /** One function of a wave and what happened (or will happen) to it. */
    public record Line(String function, String status, Kind kind) {
    }

    public WaveView {
        functions = List.copyOf(functions);
    }

    public Optional<Line> line(String function) {
        return functions.stream().filter(l -> l.function().equals(function)).findFirst();
    }

    /** The waves of a plan nothing of which is applied yet. */
    static List<WaveView> of(RolloutPlan plan, ResourceBundle text) {
        List<WaveView> out = new ArrayList<>();
        for (Wave w : plan.waves()) {
            List<Line> lines = new ArrayList<>();
            for (FunctionPlan f : w.plan().functions()) {
                if (f.blocked()) {
                    lines.add(new Line(f.functionName(), text.getString("rollout.fn.skipped") + " " + reasons(f),
                            Kind.LEFT_ALONE));
                } else if (f.changed()) {
                    lines.add(new Line(f.functionName(), String.format(text.getString("rollout.fn.willMove"),
                            plan.target().version()), Kind.PLANNED));
                } else {
                    lines.add(new Line(f.functionName(), text.getString("attach.outcome.unchanged"), Kind.PLANNED));
                }
            }
            out.add(new WaveView(w.number(), w.label(), Stage.PLANNED, lines));
        }
        return out;
    }

    /**
     * The waves to show: as the journal records them (with the running wave's progress), or, while
     * wave 1 starts, the plan as a journal with every wave pending, or the plan; none without either.
     */
    static List<WaveView> shown(RolloutJournal journal, RolloutPlan plan, WaveProgress running, ResourceBundle text) {
        if (journal != null) {
            return of(journal, running.wave(), running.lines(), text);
        }
        if (plan != null && running.wave() > 0) {
            // wave 1 running: the rollout is recorded on the worker; show it as it starts
            return of(RolloutJournal.start(plan, java.time.Instant.EPOCH), running.wave(), running.lines(), text);
        }
        return plan == null ? List.of() : of(plan, text);
    }

    /** Why a blocked function is skipped: its blocking flags, in plain sentences. */
    static String reasons(FunctionPlan f) {
        return f.flags().stream().filter(PlanFlag::blocking).map(PlanFlag::message)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** What applying the wave asks the user to confirm first, one line per point ("fn: ..."). */
    static List<String> toConfirm(Wave wave) {
        List<String> out = new ArrayList<>();
        for (FunctionPlan f : wave.plan().functions()) {
            f.toConfirm().forEach(flag -> out.add(f.functionName() + ": " + flag.message()));
        }
        return out;
    }

    /** The wave's functions that will be skipped, with why ("fn: ..."). */
    static List<String> skipped(Wave wave) {
        return wave.plan().functions().stream().filter(f -> f.changed() && f.blocked())
                .map(f -> f.functionName() + ": " + reasons(f)).toList();
    }

    /**
     * The waves as the journal records them.
     *
     * @param running the wave being applied or rolled back now (0: none)
     * @param live    what the running wave's functions are doing, by function name
     */
    static List<WaveView> of(RolloutJournal journal, int running, Map<String, Line> live, ResourceBundle text) {
        int next = journal.next().map(WaveRecord::number).orElse(0);
        List<WaveView> out = new ArrayList<>();
        for (WaveRecord w : journal.waves()) {
            List<Line> lines = new ArrayList<>();
            for (String f : w.functions()) {
                Line line = w.number() == running && live.containsKey(f) ? live.get(f) : recorded(w, f, text);
                lines.add(line);
            }
            Stage stage = w.number() == running ? Stage.RUNNING : switch (w.state()) {
                case APPLIED -> Stage.APPLIED;
                case PARTIAL -> Stage.PARTIAL;
                case ROLLED_BACK -> Stage.ROLLED_BACK;
                case PENDING -> w.number() == next ? Stage.NEXT : Stage.PLANNED;
            };
            out.add(new WaveView(w.number(), w.label(), stage, lines));
        }
        return out;
    }

    private static Line recorded(WaveRecord w, String function, ResourceBundle text) {
        if (w.state() == WaveRecord.State.ROLLED_BACK) {
            return w.rollback().stream().filter(r -> r.functionName().equals(function)).findFirst()
                    .map(r -> r.outcome() == ApplyResult.Outcome.UPDATED
                            ? new Line(function, text.getString("rollout.fn.putBack"), Kind.UNDONE)
                            : result(r, text))
                    .orElse(new Line(function, text.getString("rollout.fn.notChanged"), Kind.PLANNED));
        }
        return w.results().stream().filter(r -> r.functionName().equals(function)).findFirst()
                .map(r -> result(r, text))
                .orElse(new Line(function, text.getString(w.applied() ? "rollout.fn.notReached"
                        : "rollout.fn.pending"), Kind.PLANNED));
    }

    /** A function's line once its update (or undo) finished. */
    static Line result(ApplyResult r, ResourceBundle text) {
        String key = switch (r.outcome()) {
            case UPDATED -> "attach.outcome.updated";
            case UNCHANGED -> "attach.outcome.unchanged";
            case BLOCKED -> "rollout.fn.skipped";
            case CONFLICT -> "attach.outcome.conflict";
            case FAILED -> "attach.outcome.failed";
            case CANCELLED -> "attach.outcome.cancelled";
        };
        Kind kind = switch (r.outcome()) {
            case UPDATED, UNCHANGED -> Kind.DONE;
            case BLOCKED -> Kind.LEFT_ALONE;
            case CONFLICT, FAILED, CANCELLED -> Kind.FAILED;
        };
        String message = r.message() == null ? "" : r.message();
        String status = r.ok() || message.isBlank() ? text.getString(key) : text.getString(key) + " " + message;
        return new Line(r.functionName(), status, kind);
    }
}
