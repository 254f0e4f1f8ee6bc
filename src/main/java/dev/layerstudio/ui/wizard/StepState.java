package dev.layerstudio.ui.wizard;

/** How a step appears in the step list. */
public enum StepState {
    /** Visited and valid. */
    DONE,
    /** Shown now. */
    CURRENT,
    /** Reachable: every step before it is valid. */
    OPEN,
    /** Not reachable until an earlier step is valid. */
    LOCKED
}
