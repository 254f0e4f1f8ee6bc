package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.project.ProjectFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--function", split = ",", arity = "1..*", paramLabel = "FUNCTION",
            description = "Function names or ARNs (required without --project).")
    List<String> functions = new ArrayList<>();

    @Option(names = "--project", paramLabel = "FILE",
            description = "Without --function: the functions the project file's [attach] functions choose (names,"
                    + " name patterns, tags) among the region's functions.")
    Path project;

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
            throw new LayerStudioException("'" + layer + "' names no version; functions use"
                    + " layer versions (...:layer:NAME:VERSION).");
        }
        LayerPosition where = LayerPosition.parse(position);
        if (functions.isEmpty() && project == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--function=FUNCTION' (or"
                    + " --project FILE).");
        }
        try (AwsSession session = options.session()) {
            SdkFunctionService service = options.functions(session);
            if (functions.isEmpty()) {
                functions = fromProject(options.output(), service, session.region());
            }
            AttachPlan plan = service.planAttach(ref, functions, where);
            return PlanRunner.run(options.output(), service, plan, dryRun, change, true);
        }
    }

    /** The region's functions the project's selectors choose; one sentence when they choose none. */
    private List<String> fromProject(Output out, SdkFunctionService service, String region) {
        ProjectFile.Read read = ProjectFile.read(project);
        String unknown = read.unknownKeysSentence(project);
        if (unknown != null) {
            out.note("warning: " + unknown);
        }
        LayerProject.Targets targets = read.project().targets();
        if (targets.functions().isEmpty()) {
            throw new LayerStudioException(project + " names no functions; add functions = [\"...\"] under [attach],"
                    + " or give --function.");
        }
        List<FunctionInfo> all = service.listFunctions();
        Map<String, Map<String, String>> tags = targets.needsTags() ? service.tags(all) : Map.of();
        List<String> chosen = targets.choose(all.stream().map(FunctionInfo::name).toList(), tags);
        if (chosen.isEmpty()) {
            throw new LayerStudioException("No function in " + region + " matches " + String.join(", ",
                    targets.functions()) + " (" + project.getFileName() + ", [attach] functions).");
        }
        out.note("The project chooses " + String.join(", ", chosen) + ".");
        return chosen;
    }
}
