package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.RolloutJournals;
import dev.layerstudio.aws.Rollouts;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.WaveSelector;
import dev.layerstudio.project.ProjectFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code upgrade --layer NAME --to VERSION [--from VERSION] [--wave SEL]... [--continue | --rollback-wave]
 * [--dry-run]}.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Move every function of the region that uses a layer to another version of it, in place.",
            "With --wave, in stages: each run applies one wave and stops; --continue applies the next,"
                + " --rollback-wave undoes the last applied one. Functions no wave chooses form a last wave.",
            "Functions the new version cannot run on (native code for another processor or Python) are left"
                + " alone and reported, unless --allow-incompatible names them."})
public final class UpgradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--layer", paramLabel = "NAME", description = "Layer name or ARN (required without --project).")
    String layer;

    @Option(names = "--project", paramLabel = "FILE",
            description = "Take the layer's name and, when no --wave is given, the waves from a project file.")
    Path project;

    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "The version to move to.")
    long to;

    @Option(names = "--from", paramLabel = "VERSION", defaultValue = "0",
            description = "Only functions on this version (default: any other version).")
    long from;

    @Option(names = "--wave", paramLabel = "TAG=VALUE|PATTERN|F1,F2",
            description = "A wave, in order: functions with a tag (env=dev), names matching a glob ('api-*'),"
                    + " or listed names. A function goes into the first wave that matches it.")
    List<String> waves = new ArrayList<>();

    @Option(names = "--continue", description = "Apply the next wave of the rollout started with --wave.")
    boolean resume;

    @Option(names = "--rollback-wave", description = "Undo the last applied wave of the rollout.")
    boolean rollback;

    @Option(names = "--dry-run", description = "Print the plan only.")
    boolean dryRun;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        if (resume && rollback) {
            throw new LayerStudioException("Choose one of --continue and --rollback-wave.");
        }
        List<WaveSelector> selectors = waves.stream().map(WaveSelector::parse).toList();
        if (project != null) {
            ProjectFile.Read read = ProjectFile.read(project);
            String unknown = read.unknownKeysSentence(project);
            if (unknown != null) {
                options.output().note("warning: " + unknown);
            }
            LayerProject p = read.project();
            if (layer == null || layer.isBlank()) {
                if (p.layerName().isEmpty()) {
                    throw new LayerStudioException(project + " names no layer; add name = \"...\" under [layer], or"
                            + " give --layer.");
                }
                layer = p.layerName();
            }
            if (selectors.isEmpty()) {
                selectors = p.targets().waveSelectors();
            }
        }
        if (layer == null || layer.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--layer=NAME' (or --project FILE).");
        }
        try (AwsSession session = options.session()) {
            SdkFunctionService service = options.functions(session);
            if (!resume && !rollback && selectors.isEmpty()) {
                AttachPlan plan = service.planUpgrade(layer, to, from);
                if (plan.functions().isEmpty()) {
                    options.output().line("No function in %s uses %s%s.", session.region(), layer,
                            from > 0 ? " version " + from : "");
                }
                return PlanRunner.run(options.output(), service, plan, dryRun, change, false);
            }
            Rollouts rollouts = new Rollouts(service, RolloutJournals.inData(AppDirs.current()));
            RolloutRunner runner = new RolloutRunner(options.output(), rollouts, layer, to, change);
            if (rollback) {
                return runner.rollback(dryRun);
            }
            return resume ? runner.resume(selectors, dryRun) : runner.start(selectors, from, dryRun);
        }
    }
}
