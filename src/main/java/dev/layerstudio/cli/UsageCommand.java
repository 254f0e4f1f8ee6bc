package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Regions;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.UsageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code usage --layer NAME [--all-regions]}: which functions use which version. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Which functions use which version of a layer.")
public final class UsageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--layer", required = true, paramLabel = "NAME",
            description = "Layer name, layer ARN, or layer version ARN.")
    String layer;

    @Option(names = "--all-regions", description = "Scan every region where Lambda runs.")
    boolean allRegions;

    @Option(names = "--regions", split = ",", arity = "1..*", paramLabel = "REGION",
            description = "Scan these regions instead of the chosen one.")
    List<String> regions = new ArrayList<>();

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        try (AwsSession session = options.session()) {
            List<String> targets = allRegions ? Regions.lambdaRegions() : regions;
            UsageReport report = new SdkFunctionService(session).usage(layer, targets);
            out.line("%s: %d use(s) in %d function(s) scanned, %d region(s)", layer, report.uses().size(),
                    report.functionsScanned(), report.regions().size());
            report.byVersion().forEach((arn, uses) -> {
                LayerUse first = uses.get(0);
                out.line("  %s (%s): %d function(s)", Views.shortArn(arn), first.region(), uses.size());
                for (LayerUse u : uses) {
                    out.line("    %s  (layer %d of %d, %s)", u.functionName(), u.position(), u.layerCount(),
                            u.runtime() == null ? "no runtime" : u.runtime());
                }
            });
            report.failedRegions().forEach((region, why) -> out.line("  %s: not scanned - %s", region, why));
            out.document(Views.usage(report));
            return report.complete() ? 0 : FailureHandler.FAILED;
        }
    }
}
