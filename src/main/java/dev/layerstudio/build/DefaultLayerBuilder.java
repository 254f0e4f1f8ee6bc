package dev.layerstudio.build;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.SlimReport;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.model.ZipResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The build engine: pip or uv (npm for Node.js, in {@link NpmInstaller}) into a staging folder, the user's files beside it, one deterministic zip. */
public final class DefaultLayerBuilder implements LayerBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultLayerBuilder.class);
    /** Share of a whole build's progress bar that installing takes; zipping takes the rest. */
    private static final double INSTALL_SHARE = 0.6;

    private final BuildEnvironment env;
    private final ProcessRunner runner;
    private final EntryCache entries;
    private final InstallReuse installs;
    private final InstallerFinder installers;

    public DefaultLayerBuilder() {
        this(BuildEnvironment.system());
    }

    public DefaultLayerBuilder(BuildEnvironment env) {
        this(env, AppDirs.current().cache());
    }

    /**
     * An engine that keeps what it reuses between builds (compressed zip entries, the last
     * installations) under {@code cacheDir}.
     */
    public DefaultLayerBuilder(BuildEnvironment env, Path cacheDir) {
        this.env = env;
        this.runner = new ProcessRunner(toolEnvironment(env));
        this.installers = new InstallerFinder(env, runner);
        this.entries = new EntryCache(cacheDir.resolve("zip-entries"), EntryCache.DEFAULT_MAX_BYTES);
        this.installs = new InstallReuse(cacheDir.resolve("installs"), InstallReuse.DEFAULT_MAX_BYTES);
    }

    // ---- install ----

    @Override
    public Installation install(InstallSpec spec, ProgressListener progress) throws IOException {
        if (spec.requirements().isEmpty()) {
            return Installation.empty(spec);
        }
        if (spec.runtime().isNode()) {
            return installNode(spec, progress);
        }
        Path base = Path.of("").toAbsolutePath();
        Path work = WorkDirs.create(env.workRoot());
        try {
            InputFiles.Expanded inputs = InputFiles.expand(spec.requirements(), base, work.resolve("inputs"));
            Requirements requirements = inputs.requirements();
            for (String summary : inputs.summaries()) {
                progress.message("Read " + summary);
                progress.log("Read " + summary);
            }
            List<String> requirementArgs = RequirementArgs.arguments(requirements, base);
            progress.message("Looking for " + (spec.installer() == InstallerChoice.PIP ? "Python and pip" : "an installer"));
            progress.progress(0, 1000);
            InstallerTool tool = installers.choose(spec);
            Path target = work.resolve("target");
            Path report = work.resolve("pip-report.json");
            List<String> options = RequirementArgs.shownOptions(requirements, base,
                    tool instanceof InstallerTool.Uv, effectiveEnvironment());
            List<String> firstCommand = tool.command(spec, target, report, requirementArgs);
            // keeping scripts changes what the cleaned tree holds, though not the installer's command
            Optional<String> reuseKey = installs.key(firstCommand, requirementArgs, target, report,
                    tool.describe() + (spec.keepScripts() ? " keep-scripts" : ""), base, effectiveEnvironment());
            Optional<InstallReuse.Kept> kept = reuseKey.flatMap(installs::find);
            if (kept.isPresent()) {
                return reused(spec, requirements, work, tool, kept.get(), base, options, inputs.summaries(), progress);
            }
            for (String option : options) {
                progress.log("Index option in use: " + option);
            }
            SourceBuilder sources = new SourceBuilder(runner, work.resolve("built-from-source"), work.resolve("inputs"));
            while (true) {
                List<String> args = new ArrayList<>(requirementArgs);
                args.addAll(sources.findLinks());
                try {
                    runInstaller(spec, tool, target, report, args, progress);
                    break;
                } catch (SourceOnlyException e) {
                    if (!sources.mayBuild(e)) {
                        throw e;
                    }
                    WorkDirs.delete(target);
                    sources.build(spec, e, installers.pythonToBuild(spec, e),
                            RequirementArgs.indexArguments(requirements, base), progress);
                }
            }
            InstalledTreeCleaner.Cleaned cleaned = InstalledTreeCleaner.clean(target, spec.keepScripts());
            if (!cleaned.removed().isEmpty()) {
                progress.log("Left out of the layer (installer and host files): " + String.join(", ", cleaned.removed()));
            }
            if (!cleaned.rewritten().isEmpty()) {
                progress.log("Scripts now run " + InstalledTreeCleaner.LAMBDA_PYTHON + ": "
                        + String.join(", ", cleaned.rewritten()));
            }
            progress.message("Reading what was installed");
            var packages = tool.packages(target, report, RequirementArgs.requestedNames(requirements, base));
            List<ContentNode> nodes = Files.isDirectory(target)
                    ? ContentScanner.scanInstalled(target, spec.layout().root(spec.runtime()))
                    : List.of();
            reuseKey.ifPresent(key -> installs.keep(key, target, report));
            progress.progress(1000, 1000);
            progress.message("Installed " + packages.size() + " package" + (packages.size() == 1 ? "" : "s"));
            List<String> notes = new ArrayList<>(inputs.summaries());
            notes.addAll(sources.notes());
            return new Installation(spec, work, tool.describe(), packages, LayerContent.of(nodes), options, notes);
        } catch (InterruptedException e) {
            WorkDirs.delete(work);
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while installing");
        } catch (RuntimeException | IOException e) {
            WorkDirs.delete(work);
            throw e;
        }
    }

    /** A Node.js runtime's packages, installed by npm (see {@link NpmInstaller}). */
    private Installation installNode(InstallSpec spec, ProgressListener progress) throws IOException {
        try {
            return new NpmInstaller(env, runner, installs).install(spec, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while installing");
        }
    }

    /** Runs pip or uv once; a failure comes back as the sentence for the user. */
    private void runInstaller(InstallSpec spec, InstallerTool tool, Path target, Path report, List<String> args,
                              ProgressListener progress) throws IOException, InterruptedException {
        List<String> command = tool.command(spec, target, report, args);
        progress.log("$ " + RequirementArgs.mask(String.join(" ", command)));
        progress.message("Installing for " + PlatformTags.describe(spec.runtime(), spec.architecture())
                + " with " + tool.describe());
        StageTracker tracker = new StageTracker(progress);
        ProcessRunner.Result result = runner.run(command, null, line -> {
            progress.log(line);
            InstallerTool.Step step = tool.stepOf(line);
            if (step != null) {
                tracker.advance(step);
            }
        });
        if (!result.ok()) {
            throw tool.diagnose(spec, command, result);
        }
    }

    /** The last installation of the same inputs, read where it is kept (see {@link InstallReuse}). */
    private static Installation reused(InstallSpec spec, Requirements requirements, Path work, InstallerTool tool,
                                       InstallReuse.Kept kept, Path base, List<String> options, List<String> notes,
                                       ProgressListener progress) throws IOException {
        progress.log("Nothing the installation depends on changed: reusing the last one (" + tool.describe() + ")");
        var packages = tool.packages(kept.target(), kept.report(), RequirementArgs.requestedNames(requirements,
                base));
        List<ContentNode> nodes = ContentScanner.scanInstalled(kept.target(), spec.layout().root(spec.runtime()));
        progress.progress(1000, 1000);
        progress.message("Reused the installation of " + packages.size() + " package"
                + (packages.size() == 1 ? "" : "s"));
        return new Installation(spec, work, tool.describe(), packages, LayerContent.of(nodes), options, notes);
    }

    // ---- content ----

    @Override
    public LayerContent add(LayerContent content, AddedPath path) {
        return content.add(ContentScanner.scanUser(path.source(), path.resolvedDestination(), path::excludes));
    }

    @Override
    public SlimReport previewSlimming(LayerContent content, Set<SlimRule> rules) {
        return Slimmer.preview(content, rules);
    }

    @Override
    public LayerContent applySlimming(LayerContent content, SlimReport report) {
        return Slimmer.apply(content, report);
    }

    // ---- zip ----

    @Override
    public ZipResult zip(LayerContent content, Path output, ProgressListener progress) throws IOException {
        List<ContentNode> conflicts = content.conflicts();
        if (!conflicts.isEmpty()) {
            throw conflictError(conflicts);
        }
        LayerContent zipped = withoutOutput(content, output);
        if (zipped.isEmpty()) {
            throw new LayerStudioException("There is nothing to put in the layer.",
                    "Give requirements to install, or add your own files or folders.", null);
        }
        progress.message("Zipping " + zipped.fileCount() + " files");
        LayerZipWriter writer = new LayerZipWriter(env.threads(), entries);
        ZipResult result = writer.write(zipped, output, progress);
        LOG.info("Zipped {} entries, {} of them copied from the cache of compressed entries", result.entries(),
                writer.reusedEntries());
        return result;
    }

    /** The content less any node read from the output file itself (an earlier zip inside an added folder). */
    private static LayerContent withoutOutput(LayerContent content, Path output) {
        Path out = output.toAbsolutePath().normalize();
        List<String> self = content.nodes().stream()
                .filter(n -> !n.directory() && n.source().file().toAbsolutePath().normalize().equals(out))
                .map(ContentNode::path).toList();
        return content.removeAll(self);
    }

    static LayerStudioException conflictError(List<ContentNode> conflicts) {
        String list = conflicts.stream().limit(5)
                .map(n -> n.path() + " (" + n.sources().stream().map(ContentSource::describe)
                        .collect(Collectors.joining(" and ")) + ")")
                .collect(Collectors.joining("; "));
        int n = conflicts.size();
        return new LayerStudioException((n == 1 ? "One file in the layer comes" : n + " files in the layer come")
                + " from two sources: " + list + (n > 5 ? "; …" : "") + ".",
                "Choose which one wins (--prefer mine or --prefer installed), or put one of them elsewhere (--add SRC=DEST).",
                null);
    }

    // ---- all at once ----

    @Override
    public BuildResult build(BuildSpec spec, ProgressListener progress) throws IOException {
        InstallSpec install = spec.install();
        if (install.requirements().isEmpty() && spec.additions().isEmpty()) {
            throw new LayerStudioException("There is nothing to put in the layer.",
                    "Give requirements (packages or -r requirements.txt), or add your own files or folders (--add).",
                    null);
        }
        boolean installs = !install.requirements().isEmpty();
        try (Installation installation = install(install, installs ? scaled(progress, 0, INSTALL_SHARE) : progress)) {
            LayerContent content = installation.content();
            for (AddedPath added : spec.additions()) {
                checkCancelled();
                content = add(content, ownCodeFor(install, added));
            }
            content = content.resolveAll(spec.conflictPolicy());
            SlimReport slim = Slimmer.preview(content, spec.slimming());
            content = Slimmer.apply(content, slim);
            ProgressListener zipProgress = installs ? scaled(progress, INSTALL_SHARE, 1) : progress;
            ZipResult zip = zip(content, spec.output(), zipProgress);
            List<String> notes = new ArrayList<>();
            for (String option : installation.indexOptions()) {
                notes.add("Index option in use: " + option);
            }
            notes.addAll(installation.notes());
            for (SlimRule rule : spec.slimming()) {
                if (rule.note() != null) {
                    notes.add(rule.note());
                }
            }
            progress.message("Built " + zip.output().getFileName());
            return new BuildResult(zip, installation.packages(), install.runtime(), install.architecture(),
                    install.layout(), installation.installer(), slim, notes);
        }
    }

    /** A Node.js layer's own code goes beside its packages, where require() finds it, unless placed. */
    private static AddedPath ownCodeFor(InstallSpec install, AddedPath added) {
        if (!install.runtime().isNode() || added.destination() != null) {
            return added;
        }
        return added.withDestination(install.layout().root(install.runtime()) + "/");
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled");
        }
    }

    /** Maps a listener's 0..1 onto a part of another's bar. */
    static ProgressListener scaled(ProgressListener target, double from, double to) {
        return new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                if (total > 0) {
                    double f = from + (to - from) * Math.min(1.0, (double) done / total);
                    target.progress(Math.round(f * 1000), 1000);
                }
            }

            @Override
            public void message(String message) {
                target.message(message);
            }

            @Override
            public void log(String line) {
                target.log(line);
            }
        };
    }

    // ---- environment for the tools ----

    private Map<String, String> effectiveEnvironment() {
        Map<String, String> all = new HashMap<>(System.getenv());
        all.putAll(env.environment());
        return all;
    }

    private static Map<String, String> toolEnvironment(BuildEnvironment env) {
        Map<String, String> vars = new HashMap<>();
        vars.put("PYTHONUNBUFFERED", "1");
        vars.put("PYTHONIOENCODING", "utf-8");
        vars.put("PYTHONDONTWRITEBYTECODE", "1");
        vars.put("PIP_NO_INPUT", "1");
        vars.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        vars.put("NO_COLOR", "1");
        if (!env.searchPath().isEmpty()) {
            vars.put("PATH", env.pathVariable());
        }
        vars.putAll(env.environment());
        return vars;
    }
}
