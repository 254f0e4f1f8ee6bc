package dev.layerstudio.ui.publish;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.probe.LambdaTestServices;
import dev.layerstudio.ui.task.TaskExecutor;
import java.util.function.Function;

/**
 * What the Publish step works with, its proposal, and the dialogs it opens.
 *
 * @param connector  lists the connection's regions (to publish in others too)
 * @param layers     the layer service of a connection (publishes, finds identical content)
 * @param functions  the function service of a connection (the export lists the version's functions)
 * @param inspector  reads the built zip's content facts for the proposed declaration
 * @param executor   where the work runs
 * @param lambdaTest what Test in Lambda of the published version works with
 */
public record PublishServices(Connector connector, Function<AwsSession, LayerService> layers,
                              Function<AwsSession, FunctionService> functions, Inspector inspector,
                              TaskExecutor executor, LambdaTestServices lambdaTest) {

    /** The window's: the app's services. */
    public static PublishServices of(AppServices services) {
        return new PublishServices(services.connector(), services.layers(), services.functions(),
                services.inspector(), services.tasks(), LambdaTestServices.of(services));
    }
}
