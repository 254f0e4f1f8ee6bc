package dev.layerstudio.ui.project;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** The window's debouncer: a pause on the JavaFX thread, started again by every change. */
public final class PauseDebouncer implements ProjectViewModel.Debouncer {

    private final PauseTransition pause;

    public PauseDebouncer(Duration quiet) {
        pause = new PauseTransition(quiet);
    }

    @Override
    public void restart(Runnable action) {
        pause.setOnFinished(e -> action.run());
        pause.playFromStart();
    }

    @Override
    public void cancel() {
        pause.stop();
    }
}
