package dev.layerstudio.ui.layer;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The Layer page's view models besides {@link LayerViewModel}: actions on a version (delete,
 * inspect, copy), its permissions, and the layers of every region.
 */
public record LayerActions(VersionActionsViewModel versions, PermissionsViewModel permissions,
                           AllRegionsViewModel allRegions) {

    /**
     * The page's actions over the engine's layer service; after a deletion the region's list
     * ({@code reloadRegion}) and, when shown, every region's list are read again.
     */
    public static LayerActions of(WizardState state, Function<AwsSession, LayerService> layers, TaskExecutor executor,
                                  java.util.ResourceBundle text, Runnable reloadRegion) {
        return of(state, layers, new AllRegionsViewModel(state, executor, text), executor, text, reloadRegion);
    }

    /** The same with a given all-regions view model (tests: a chosen set of regions). */
    public static LayerActions of(WizardState state, Function<AwsSession, LayerService> layers,
                                  AllRegionsViewModel allRegions, TaskExecutor executor, ResourceBundle text,
                                  Runnable reloadRegion) {
        VersionActionsViewModel versions = new VersionActionsViewModel(state, layers, executor, text, () -> {
            reloadRegion.run();
            allRegions.reload();
        });
        return new LayerActions(versions, new PermissionsViewModel(state, layers, executor, text), allRegions);
    }
}
