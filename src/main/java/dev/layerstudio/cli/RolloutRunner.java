package dev.layerstudio.cli;

import dev.layerstudio.aws.Rollouts;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.model.Wave;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.model.WaveSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The staged side of {@code upgrade}: each run applies one wave (or rolls one back) and says
 * what comes next.
 */
final class RolloutRunner {

    private final Output out;
    private final Rollouts rollouts;
    private final String layer;
    private final long to;
    private final ChangeOptions change;
    private final Map<String, Object> doc = new LinkedHashMap<>();

    RolloutRunner(Output out, Rollouts rollouts, String layer, long to, ChangeOptions change) {
        this.out = out;
        this.rollouts = rollouts;
        this.layer = layer;
        this.to = to;
        this.change = change;
    }

    /** Plans the waves, records the rollout and applies wave 1 (a dry run shows the waves and wave 1 only). */
    int start(List<WaveSelector> selectors, long from, boolean dryRun) {
        RolloutPlan plan = rollouts.plan(layer, to, from, selectors);
        doc.put("dryRun", dryRun);
        out.line("Rollout: %s", plan.description());
        for (Wave w : plan.waves()) {
            out.line("  wave %d (%s): %s", w.number(), w.label(), String.join(", ", w.functionNames()));
        }
        if (!plan.emptySelectors().isEmpty()) {
            out.line("  no function to change for: %s", String.join(", ", plan.emptySelectors()));
        }
        doc.put("waves", plan.waves().stream().map(RolloutRunner::wave).toList());
        doc.put("emptySelectors", plan.emptySelectors());
        if (plan.waves().isEmpty()) {
            out.line("No function of %s uses %s%s; nothing to roll out.", rollouts.region(), layer,
                    from > 0 ? " version " + from : "");
            out.document(doc);
            return 0;
        }
        Wave first = withChoices(plan.waves().get(0));
        if (dryRun) {
            showWave(first, plan.waves().size());
            out.line("Dry run: nothing was changed and no rollout was recorded.");
            out.document(doc);
            return 0;
        }
        if (!confirmed(first, plan.waves().size())) {
            return FailureHandler.FAILED;
        }
        return apply(rollouts.start(plan), first);
    }

    /** Applies the next wave of the recorded rollout. */
    int resume(List<WaveSelector> selectors, boolean dryRun) {
        RolloutJournal journal = journal();
        List<String> asked = selectors.stream().map(WaveSelector::describe).toList();
        if (!asked.isEmpty() && !asked.equals(journal.selectors())) {
            throw new LayerStudioException("This rollout's waves are " + String.join(" ", journal.selectors())
                    + "; they were fixed when it started.", "Leave out --wave, or give the same waves.", null);
        }
        doc.put("dryRun", dryRun);
        Optional<Wave> next = rollouts.nextWave(journal);
        if (next.isEmpty()) {
            out.line("Rollout %s is complete: %s.", journal.id(), Rollouts.progress(journal));
            doc.put("rollout", rollout(journal));
            out.document(doc);
            return 0;
        }
        Wave wave = withChoices(next.get());
        if (dryRun) {
            showWave(wave, journal.waves().size());
            out.line("Dry run: nothing was changed.");
            doc.put("rollout", rollout(journal));
            out.document(doc);
            return 0;
        }
        if (!confirmed(wave, journal.waves().size())) {
            return FailureHandler.FAILED;
        }
        return apply(journal, wave);
    }

    /** Undoes the last applied wave of the recorded rollout. */
    int rollback(boolean dryRun) {
        RolloutJournal journal = journal();
        WaveRecord last = journal.lastApplied().orElseThrow(() -> new LayerStudioException("No wave of rollout "
                + journal.id() + " is applied; there is nothing to roll back."));
        AttachPlan undo = rollouts.rollbackPlan(journal).orElseThrow();
        out.line("Rolling back wave %d of %d (%s):", last.number(), journal.waves().size(), last.label());
        Views.printPlan(out, undo);
        doc.put("dryRun", dryRun);
        doc.put("wave", last.number());
        doc.put("plan", Views.plan(undo));
        if (dryRun) {
            out.line("Dry run: nothing was changed.");
            doc.put("rollout", rollout(journal));
            out.document(doc);
            return 0;
        }
        RolloutJournal after = rollouts.rollbackWave(journal, undo, listener());
        List<ApplyResult> results = after.wave(last.number()).rollback();
        return finish(after, results);
    }

    private RolloutJournal journal() {
        return rollouts.find(layer, to).orElseThrow(() -> new LayerStudioException("No rollout of " + layer
                + " to version " + to + " in " + rollouts.region() + " is recorded.",
                "Start one with --wave (e.g. --wave env=dev).", null));
    }

    /** The wave with the functions the user chose to change although incompatible. */
    private Wave withChoices(Wave wave) {
        return new Wave(wave.number(), wave.label(), change.apply(wave.plan()), wave.skipped());
    }

    /** Shows the wave first when it has warnings, so the question is asked about what is on screen. */
    private boolean confirmed(Wave wave, int of) {
        if (wave.plan().toConfirm().isEmpty()) {
            return true;
        }
        showWave(wave, of);
        if (change.confirmed(out, wave.plan())) {
            return true;
        }
        doc.put("confirmed", false);
        out.document(doc);
        return false;
    }

    private int apply(RolloutJournal journal, Wave wave) {
        if (!doc.containsKey("plan")) {
            showWave(wave, journal.waves().size());
        }
        out.note("Applying wave " + wave.number() + " to " + wave.plan().updates().size() + " function(s)...");
        RolloutJournal after = rollouts.applyWave(journal, wave, listener());
        return finish(after, after.wave(wave.number()).results());
    }

    private int finish(RolloutJournal journal, List<ApplyResult> results) {
        out.line("Results:");
        Views.printResults(out, results);
        long notOk = results.stream().filter(r -> !r.ok() && r.outcome() != ApplyResult.Outcome.BLOCKED).count();
        out.line("%d updated, %d not as planned. %s.", results.stream()
                .filter(r -> r.outcome() == ApplyResult.Outcome.UPDATED).count(), notOk, Rollouts.progress(journal));
        doc.put("results", results.stream().map(Views::result).toList());
        journal.next().ifPresentOrElse(n -> out.line("Next: wave %d of %d (%s): %s. Run again with --continue;"
                        + " --rollback-wave undoes the last applied wave.", n.number(), journal.waves().size(),
                n.label(), String.join(", ", n.functions())),
                () -> out.line("Rollout complete. --rollback-wave undoes the last wave."));
        out.line("Journal: %s", rollouts.journals().fileOf(journal.id()));
        doc.put("rollout", rollout(journal));
        out.document(doc);
        return notOk == 0 ? 0 : FailureHandler.FAILED;
    }

    private void showWave(Wave wave, int of) {
        out.line("Wave %d of %d (%s):", wave.number(), of, wave.label());
        Views.printPlan(out, wave.plan());
        if (!wave.skipped().isEmpty()) {
            out.line("  left alone, no longer on the version being replaced: %s", String.join(", ", wave.skipped()));
        }
        List<FunctionPlan> blocked = wave.plan().blocked();
        if (!blocked.isEmpty()) {
            out.line("  skipped, the new version cannot run on them: %s", String.join(", ",
                    blocked.stream().map(FunctionPlan::functionName).toList()));
        }
        doc.put("wave", wave.number());
        doc.put("plan", Views.plan(wave.plan()));
        doc.put("skipped", wave.skipped());
        doc.put("blocked", blocked.stream().map(p -> Map.of("function", p.functionName(), "reasons",
                p.flags().stream().filter(f -> f.blocking()).map(f -> f.message()).toList())).toList());
    }

    private ApplyListener listener() {
        return new ApplyListener() {
            @Override
            public void message(FunctionPlan p, String message) {
                out.note("  " + message);
            }

            @Override
            public void finished(ApplyResult r) {
                out.note("  " + r.outcome().name().toLowerCase(Locale.ROOT) + ": " + r.functionName());
            }
        };
    }

    private Map<String, Object> rollout(RolloutJournal j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("journal", rollouts.journals().fileOf(j.id()).toString());
        m.put("layerArn", j.layerArn());
        m.put("toVersion", j.toVersion());
        m.put("fromVersion", j.fromVersion());
        m.put("finished", j.finished());
        m.put("next", j.next().map(WaveRecord::number).orElse(null));
        m.put("waves", j.waves().stream().map(w -> {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("number", w.number());
            wm.put("label", w.label());
            wm.put("state", w.state().name().toLowerCase(Locale.ROOT));
            wm.put("functions", w.functions());
            wm.put("undo", w.undo());
            return wm;
        }).toList());
        return m;
    }

    private static Map<String, Object> wave(Wave w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", w.number());
        m.put("label", w.label());
        m.put("functions", w.functionNames());
        m.put("changes", w.plan().updates().size());
        return m;
    }
}
