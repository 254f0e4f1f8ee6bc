package dev.layerstudio.ui.attach;

import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.Wave;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** The sentences the staged rollout says, from the journal and the waves: kept out of its view model. */
final class RolloutTexts {

    /** A status line and whether it reports something not as planned. */
    record Said(String message, boolean error) {
    }

    private final ResourceBundle text;

    RolloutTexts(ResourceBundle text) {
        this.text = text;
    }

    /** "Wave 1 of 3 (env=dev) done: 2 updated, 1 not as planned. Next: ..." */
    Said waveDone(RolloutJournal after, int number) {
        WaveRecord w = after.wave(number);
        long updated = w.results().stream().filter(r -> r.outcome() == ApplyResult.Outcome.UPDATED).count();
        long notOk = w.results().stream().filter(r -> !r.ok()).count();
        return new Said(String.format(text.getString("rollout.waveDone"), w.number(), after.waves().size(), w.label(),
                updated, notOk) + " " + next(after), notOk > 0);
    }

    /** What the rollout does next, or that it is complete. */
    String next(RolloutJournal j) {
        return j.next().map(n -> String.format(text.getString("rollout.next"), n.number(), n.label()))
                .orElse(text.getString("rollout.complete"));
    }

    /** How rolling back wave {@code number} went. */
    Said rolledBack(RolloutJournal done, int number) {
        WaveRecord w = done.wave(number);
        long back = w.rollback().stream().filter(r -> r.outcome() == ApplyResult.Outcome.UPDATED).count();
        boolean all = w.state() == WaveRecord.State.ROLLED_BACK;
        return new Said(String.format(text.getString(all ? "rollout.rolledBack" : "rollout.rolledBackPartly"),
                w.number(), w.label(), back), !all);
    }

    /**
     * The question before applying {@code wave}, or null when nothing needs confirming: its
     * warnings (content not read, metadata that does not match pure-Python content), then the
     * functions it skips and why.
     */
    Confirmation confirmation(Wave wave, Runnable apply) {
        List<String> lines = WaveView.toConfirm(wave);
        if (lines.isEmpty()) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        WaveView.skipped(wave).forEach(l -> notes.add(text.getString("rollout.fn.skipped") + " " + l));
        return new Confirmation(String.format(text.getString("rollout.confirm.title"), wave.number()),
                String.format(text.getString("rollout.confirm.header"), wave.number(), wave.plan().updates().size()),
                lines, notes, text.getString("rollout.confirm.yes"), apply);
    }

}
