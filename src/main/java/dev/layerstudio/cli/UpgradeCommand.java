package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.AttachPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code upgrade --layer NAME --to VERSION [--from VERSION] [--dry-run]}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Move every function of the region that uses a layer to another version of it, in place.")
public final class UpgradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--layer", required = true, paramLabel = "NAME", description = "Layer name or ARN.")
    String layer;

    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "The version to move to.")
    long to;

    @Option(names = "--from", paramLabel = "VERSION", defaultValue = "0",
            description = "Only functions on this version (default: any other version).")
    long from;

    @Option(names = "--dry-run", description = "Print the plan only.")
    boolean dryRun;

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        try (AwsSession session = options.session()) {
            SdkFunctionService service = new SdkFunctionService(session);
            AttachPlan plan = service.planUpgrade(layer, to, from);
            if (plan.functions().isEmpty()) {
                options.output().line("No function in %s uses %s%s.", session.region(), layer,
                        from > 0 ? " version " + from : "");
            }
            return PlanRunner.run(options.output(), service, plan, dryRun);
        }
    }
}
