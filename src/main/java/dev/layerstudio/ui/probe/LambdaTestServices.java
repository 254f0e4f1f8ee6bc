package dev.layerstudio.ui.probe;

import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.task.TaskExecutor;

/**
 * What Test in Lambda works with.
 *
 * @param executor where the probe and the role list run
 * @param journals where each probe journals what it creates, so recovery can remove what a killed run left
 */
public record LambdaTestServices(TaskExecutor executor, ProbeJournals journals) {

    /** The window's: the app's executor, the probe journals beside the apply journals. */
    public static LambdaTestServices of(AppServices services) {
        return new LambdaTestServices(services.tasks(), ProbeJournals.beside(services.journals()));
    }
}
