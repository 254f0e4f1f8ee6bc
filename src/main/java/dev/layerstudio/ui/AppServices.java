package dev.layerstudio.ui;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.inspect.ContentFactsInspector;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.SandboxHost;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The services the window works with, made once at start-up (or by a test) and passed
 * to the view models through their constructors.
 *
 * @param executor  the app's executor, closed at exit
 * @param tasks     where the view models start their work: the app's executor, or a test's
 *                  {@code SameThreadTaskExecutor}
 * @param layers    the layer service for a connection (region and account of the session)
 * @param functions the function service for a connection; its plans are judged on what each layer
 *                  version holds (read through the inspector, cached by SHA-256), as in the CLI
 * @param browser   opens a page in the user's browser
 * @param sandbox   the local sandbox, started when first chosen
 * @param journals  where the function services journal each apply, and where the window
 *                  looks for applies that did not finish
 * @param workFolder where the wizard writes the zips it builds
 */
public record AppServices(AppExecutor executor, TaskExecutor tasks, Connector connector, LayerBuilder builder,
                          Inspector inspector,
                          Function<AwsSession, LayerService> layers, Function<AwsSession, FunctionService> functions,
                          Consumer<URI> browser, SandboxHost sandbox, ApplyJournals journals, Path workFolder) {

    /** The real services. */
    public static AppServices production(Consumer<URI> browser) {
        return with(new AppExecutor(), new Connector(), browser);
    }

    /** The real services around a given connector and executor (tests: temporary homes, stubs). */
    public static AppServices with(AppExecutor executor, Connector connector, Consumer<URI> browser) {
        LayerBuilder builder = new DefaultLayerBuilder();
        AppDirs dirs = AppDirs.current();
        return new AppServices(executor, executor, connector, builder, new Inspector(), SdkLayerService::new, null,
                browser, new SandboxHost(Sandbox.Setup.of(dirs), builder), null, dirs.cache().resolve("wizard"))
                .withJournals(ApplyJournals.inData(dirs));
    }

    /** The same services journalling applies in {@code other} (tests: a temporary folder). */
    public AppServices withJournals(ApplyJournals other) {
        return new AppServices(executor, tasks, connector, builder, inspector, layers,
                session -> new SdkFunctionService(session, PlanApplier.Options.defaults(), other,
                        new ContentFactsInspector(inspector)), browser, sandbox, other, workFolder);
    }

    /** The same services with another sandbox (tests: moto's environment of the test harness). */
    public AppServices withSandbox(SandboxHost other) {
        return new AppServices(executor, tasks, connector, builder, inspector, layers, functions, browser, other,
                journals, workFolder);
    }

    /** The same services starting the view models' work on {@code other} (tests: one on the test's thread). */
    public AppServices withTasks(TaskExecutor other) {
        return new AppServices(executor, other, connector, builder, inspector, layers, functions, browser, sandbox,
                journals, workFolder);
    }

    /** Stops what runs in the background: the executor's work first, then the sandbox. At exit. */
    public void close() {
        executor.close();
        sandbox.close();
    }
}
