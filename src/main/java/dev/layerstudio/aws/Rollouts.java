package dev.layerstudio.aws;

import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.model.Wave;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.model.WaveSelector;
import dev.layerstudio.model.Waves;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staged upgrades: an upgrade split into waves (by tag, name pattern or list), applied one
 * wave at a time with the same guarded apply and undo as any plan, with a journal that says
 * where the rollout stands.
 *
 * <p>The flow, for the wizard's Attach step or the {@code upgrade --wave} command:
 * <ol>
 *   <li>{@link #plan} - show the waves; nothing is sent or written;</li>
 *   <li>{@link #start} - record them (every wave pending) and get the journal;</li>
 *   <li>{@link #nextWave} - the next wave planned afresh; show it, then {@link #applyWave};</li>
 *   <li>then continue ({@link #nextWave} again), roll the last wave back ({@link #rollbackPlan},
 *       {@link #rollbackWave}), or stop: the journal keeps the place ({@link #find} finds it later).</li>
 * </ol>
 * Each function's result is written to the journal as soon as it is known, so a run that dies
 * mid-wave can still be rolled back or continued.
 */
public final class Rollouts {

    private final FunctionService functions;
    private final RolloutJournals journals;
    private final Clock clock;
    private final Object lock = new Object();

    public Rollouts(FunctionService functions, RolloutJournals journals) {
        this(functions, journals, Clock.systemUTC());
    }

    public Rollouts(FunctionService functions, RolloutJournals journals, Clock clock) {
        this.functions = functions;
        this.journals = journals;
        this.clock = clock;
    }

    public String region() {
        return functions.region();
    }

    public RolloutJournals journals() {
        return journals;
    }

    /**
     * The upgrade of every function of the region on {@code layer} (on {@code fromVersion}, or
     * any other version when 0) to {@code toVersion}, split into waves. Tags are read only when
     * a selector needs them.
     */
    public RolloutPlan plan(String layer, long toVersion, long fromVersion, List<WaveSelector> selectors) {
        if (selectors.isEmpty()) {
            throw new LayerStudioException("A staged upgrade needs at least one wave.",
                    "Give waves like env=dev or 'api-*'.", null);
        }
        AttachPlan all = functions.planUpgrade(layer, toVersion, fromVersion);
        LayerVersionRef target = all.facts().versions().values().stream().map(LayerVersionInfo::ref)
                .filter(r -> r.version() == toVersion).findFirst()
                .orElseThrow(() -> new IllegalStateException("The upgrade plan does not name its target version"));
        Map<String, Map<String, String>> tags = selectors.stream().anyMatch(WaveSelector::needsTags)
                ? functions.tags(all.functions().stream().map(FunctionPlan::function).toList())
                : Map.of();
        return Waves.split(target, fromVersion, all, selectors, tags);
    }

    /** The recorded rollout of {@code layer} (name or ARN) to {@code toVersion} in this region, if any. */
    public Optional<RolloutJournal> find(String layer, long toVersion) {
        List<RolloutJournal> found = journals.find(functions.region(), layer, toVersion);
        if (found.size() > 1) {
            throw new LayerStudioException("Several rollouts of " + layer + " to version " + toVersion + " in "
                    + functions.region() + " are recorded, one per account.", "Name the layer by its ARN.", null);
        }
        return found.stream().findFirst();
    }

    /**
     * Records a new rollout with every wave pending. Refused while a rollout of the same layer to
     * the same version has applied waves and waves still to go; a finished or fully rolled-back
     * one is replaced.
     */
    public RolloutJournal start(RolloutPlan plan) {
        if (plan.waves().isEmpty()) {
            throw new LayerStudioException("No function needs " + plan.target().name() + " version "
                    + plan.target().version() + "; there is nothing to roll out.");
        }
        String id = RolloutJournal.idOf(plan.target());
        Optional<RolloutJournal> existing = journals.load(id).filter(RolloutJournal::underWay);
        if (existing.isPresent()) {
            throw new LayerStudioException("A rollout of " + plan.target().name() + " to version "
                    + plan.target().version() + " is already under way (" + progress(existing.get()) + ").",
                    "Continue it with --continue, undo its last wave with --rollback-wave, or remove "
                            + journals.fileOf(id) + " to start over.", null);
        }
        RolloutJournal journal = RolloutJournal.start(plan, clock.instant());
        journals.save(journal);
        return journal;
    }

    /** The next wave of the rollout planned afresh against the functions as they are now; empty when finished. */
    public Optional<Wave> nextWave(RolloutJournal journal) {
        Optional<WaveRecord> next = journal.next();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        AttachPlan fresh = functions.planUpgrade(journal.layerArn(), journal.toVersion(), journal.fromVersion());
        WaveRecord w = next.get();
        return Optional.of(Waves.recorded(w.number(), w.label(), w.functions(), fresh));
    }

    /**
     * Applies the rollout's next wave (from {@link #plan} or {@link #nextWave}) and returns the
     * journal as it then is. Each function's result is saved as soon as it finishes.
     */
    public RolloutJournal applyWave(RolloutJournal journal, Wave wave, ApplyListener listener) {
        WaveRecord next = journal.next().orElseThrow(() -> new LayerStudioException(
                "Every wave of rollout " + journal.id() + " is applied already."));
        if (next.number() != wave.number()) {
            throw new IllegalArgumentException("Wave " + next.number() + " is next, not wave " + wave.number());
        }
        int number = wave.number();
        RolloutJournal[] current = {journal.with(next.applying(), clock.instant())};
        journals.save(current[0]);
        List<ApplyResult> results = functions.apply(wave.plan(), new ApplyListener() {
            @Override
            public void started(FunctionPlan plan) {
                listener.started(plan);
            }

            @Override
            public void message(FunctionPlan plan, String message) {
                listener.message(plan, message);
            }

            @Override
            public void finished(ApplyResult result) {
                synchronized (lock) {
                    current[0] = current[0].with(current[0].wave(number).withResult(result), clock.instant());
                    journals.save(current[0]);
                }
                listener.finished(result);
            }
        });
        synchronized (lock) {
            // the results again in plan order (the journal got them in the order they finished)
            WaveRecord record = next.applying();
            for (ApplyResult r : results) {
                record = record.withResult(r);
            }
            current[0] = current[0].with(record.applied(results), clock.instant());
            journals.save(current[0]);
            return current[0];
        }
    }

    /** The plan that undoes the last applied wave, checked against each function as it is now; empty if none is. */
    public Optional<AttachPlan> rollbackPlan(RolloutJournal journal) {
        return journal.lastApplied().map(w -> functions.undoPlan(w.results()));
    }

    /** Applies a {@link #rollbackPlan} and records the wave as rolled back (or partly, if some undo failed). */
    public RolloutJournal rollbackWave(RolloutJournal journal, AttachPlan undo, ApplyListener listener) {
        WaveRecord last = journal.lastApplied().orElseThrow(() -> new LayerStudioException(
                "No wave of rollout " + journal.id() + " is applied; there is nothing to roll back."));
        List<ApplyResult> results = functions.apply(undo, listener);
        RolloutJournal done = journal.with(last.rolledBack(results), clock.instant());
        journals.save(done);
        return done;
    }

    /** "2 of 3 waves applied". */
    public static String progress(RolloutJournal journal) {
        long applied = journal.waves().stream().filter(w -> w.state() == WaveRecord.State.APPLIED).count();
        return applied + " of " + journal.waves().size() + " wave" + (journal.waves().size() == 1 ? "" : "s")
                + " applied";
    }
}
