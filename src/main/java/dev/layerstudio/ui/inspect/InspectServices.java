package dev.layerstudio.ui.inspect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.probe.LambdaTestServices;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the Inspect step works with.
 *
 * @param builder    zips the wizard's content and makes the findings' fixes
 * @param inspector  inspects the zip, an opened zip or version, and the latest version for the diff
 * @param functions  the function service of a connection (the target picker's functions)
 * @param executor   where the work runs
 * @param workFolder where the wizard's zip is written
 * @param lambdaTest what Test in Lambda of the shown layer works with
 */
public record InspectServices(LayerBuilder builder, Inspector inspector, Function<AwsSession, FunctionService> functions,
                              TaskExecutor executor, Path workFolder, LambdaTestServices lambdaTest) {

    /** The window's: the app's services. */
    public static InspectServices of(AppServices services) {
        return new InspectServices(services.builder(), services.inspector(), services.functions(), services.tasks(),
                services.workFolder(), LambdaTestServices.of(services));
    }

    /** Where the wizard's zip is written: one file per layer name in the work folder. */
    Path zipPath(LayerChoice layer) {
        String name = layer == null || layer.name() == null || layer.name().isBlank() ? "layer"
                : layer.name().replaceAll("[^A-Za-z0-9_-]", "_");
        return workFolder.resolve(name + ".zip");
    }
}
