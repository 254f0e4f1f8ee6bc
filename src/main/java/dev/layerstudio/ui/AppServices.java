package dev.layerstudio.ui;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.ui.task.AppExecutor;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The services the window works with, made once at start-up (or by a test) and passed
 * to the view models through their constructors.
 *
 * @param layers    the layer service for a connection (region and account of the session)
 * @param functions the function service for a connection
 * @param browser   opens a page in the user's browser
 */
public record AppServices(AppExecutor executor, Connector connector, LayerBuilder builder, Inspector inspector,
                          Function<AwsSession, LayerService> layers, Function<AwsSession, FunctionService> functions,
                          Consumer<URI> browser) {

    /** The real services. */
    public static AppServices production(Consumer<URI> browser) {
        return new AppServices(new AppExecutor(), new Connector(), new DefaultLayerBuilder(),
                new Inspector(),
                SdkLayerService::new, SdkFunctionService::new, browser);
    }

    /** The real services around a given connector and executor (tests: temporary homes, stubs). */
    public static AppServices with(AppExecutor executor, Connector connector, Consumer<URI> browser) {
        return new AppServices(executor, connector, new DefaultLayerBuilder(),
                new Inspector(),
                SdkLayerService::new, SdkFunctionService::new, browser);
    }
}
