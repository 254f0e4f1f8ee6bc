package dev.layerstudio.build;

import dev.layerstudio.model.ProgressListener;

/** Moves the progress bar through the stages of an install, never backwards. */
final class StageTracker {
    private final ProgressListener progress;
    private double done;
    private InstallerTool.Stage stage;

    StageTracker(ProgressListener progress) {
        this.progress = progress;
    }

    void advance(InstallerTool.Step step) {
        if (stage != step.stage()) {
            stage = step.stage();
            done = Math.max(done, stage.start);
        } else {
            InstallerTool.Stage[] all = InstallerTool.Stage.values();
            double end = stage.ordinal() + 1 < all.length ? all[stage.ordinal() + 1].start : 0.95;
            done = Math.min(end, done + (end - done) * 0.15); // each step closes part of the gap
        }
        progress.message(step.message());
        progress.progress(Math.round(done * 1000), 1000);
    }
}
