package dev.layerstudio.ui.shell;

import javafx.beans.value.ObservableBooleanValue;

/** What the shell needs from each step's controller. */
public interface StepController {

    /** True when the user may go on to the next step. */
    ObservableBooleanValue validProperty();

    /** Called each time the step is shown. */
    default void onShow() {
    }

    /** Called when the user presses Finish on the last step. */
    default void onFinish() {
    }
}
