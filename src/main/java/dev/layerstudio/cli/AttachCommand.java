package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerVersionRef;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attach --layer ARN --function F... [--position ...]}: add a version, keeping every other layer. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach a layer version to functions without dropping the layers they have.",
            "Another version of the same layer is replaced. Layers merge in list order and the last one wins"
                + " where two hold the same file.",
            "A function the layer cannot run on (native code for another processor or Python) is left alone and"
                + " the run fails, unless --allow-incompatible names it; warnings are confirmed once."})
public final class AttachCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--layer", required = true, paramLabel = "LAYER_VERSION_ARN",
            description = "arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION")
    String layer;

    @Option(names = "--function", required = true, split = ",", arity = "1..*", paramLabel = "FUNCTION",
            description = "Function names or ARNs.")
    List<String> functions;

    @Option(names = "--position", paramLabel = "last|first|N|keep", defaultValue = "keep",
            description = "Where the layer goes: last (wins over the others), first, the N-th place (from 1), or"
                    + " keep (default: the place of the version it replaces, else last).")
    String position;

    @Option(names = "--dry-run", description = "Print the plan only.")
    boolean dryRun;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        LayerVersionRef ref = LayerVersionRef.parse(layer);
        if (!ref.isVersioned()) {
            throw new dev.layerstudio.model.LayerStudioException("'" + layer + "' names no version; functions use"
                    + " layer versions (...:layer:NAME:VERSION).");
        }
        LayerPosition where = LayerPosition.parse(position);
        try (AwsSession session = options.session()) {
            SdkFunctionService service = options.functions(session);
            AttachPlan plan = service.planAttach(ref, functions, where);
            return PlanRunner.run(options.output(), service, plan, dryRun, change, true);
        }
    }
}
