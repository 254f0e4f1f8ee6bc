package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.task.TaskExecutor;
import java.util.function.Function;

/**
 * What the Attach step works with: its own view model, the staged rollout and the export.
 *
 * @param functions the function service of a connection (plans, applies, undoes)
 * @param layers    the layer service of a connection (the export reads who may use the version)
 * @param inspector reads the files of the layers in a plan, for the hidden-file warnings
 * @param executor  where the work runs
 * @param rollouts  where staged rollouts keep their place
 */
public record AttachServices(Function<AwsSession, FunctionService> functions,
                             Function<AwsSession, LayerService> layers, Inspector inspector, TaskExecutor executor,
                             RolloutJournals rollouts) {

    /** The window's: the app's services, rollouts kept beside the apply journals. */
    public static AttachServices of(AppServices services) {
        return new AttachServices(services.functions(), services.layers(), services.inspector(), services.tasks(),
                RolloutJournals.beside(services.journals()));
    }

    /** The same with the rollouts kept in {@code other} (tests: a temporary folder). */
    public AttachServices withRollouts(RolloutJournals other) {
        return new AttachServices(functions, layers, inspector, executor, other);
    }
}
