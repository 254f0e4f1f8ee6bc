package dev.layerstudio.cli;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.project.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code project init}: {@code build}'s flags plus the layer's name, written as a project file. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a project file from build's flags and the layer's name. Paths in it are relative to "
                + "the file, so it can be committed next to your code; 'build --project FILE' then builds the same "
                + "bytes as the flags did."},
        footer = {"", "Example:",
                "  layer-studio project init --layer-name deps -r requirements.txt --runtime python3.12 "
                        + "--add src/mylib --slim"})
public final class ProjectInitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BuildFlags flags = new BuildFlags();

    @Option(names = "--layer-name", required = true, paramLabel = "NAME", description = "The layer's name.")
    String layerName;

    @Option(names = "--runtimes", split = ",", paramLabel = "RUNTIME",
            description = "More runtimes to declare when publishing, besides --runtime.")
    List<String> moreRuntimes = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT", description = "The description to publish with.")
    String description;

    @Option(names = "--license", paramLabel = "TEXT", description = "The license to publish with.")
    String license;

    @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "The bucket for zips above 50 MB.")
    String s3Bucket;

    @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "The regions to publish in.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--function", paramLabel = "NAME|PATTERN|TAG=VALUE",
            description = "A function the layer is attached to: a name, a name pattern ('api-*') or a tag. Repeatable.")
    List<String> functions = new ArrayList<>();

    @Option(names = "--wave", paramLabel = "TAG=VALUE|PATTERN|F1,F2",
            description = "A wave of a staged upgrade, in order (as 'upgrade --wave' takes it). Repeatable.")
    List<String> waves = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ProjectFile.DEFAULT_NAME,
            description = "The project file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Replace the project file when it exists.")
    boolean force;

    @Override
    public Integer call() {
        Output out = new GlobalOptions(spec).output();
        if (flags.runtime == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--runtime=RUNTIME'.");
        }
        if (Files.exists(output) && !force) {
            throw new LayerStudioException(output + " exists already; nothing was written.",
                    "Give another -o, or --force to replace it.", null);
        }
        for (Path f : flags.requirementFiles) {
            missing(f, "-r");
        }
        flags.additions.stream().map(AddedPath::parse).forEach(a -> missing(a.source(), "--add"));
        LayerProject project = project(output.toAbsolutePath().normalize().getParent());
        ProjectFile.write(project, output);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("project", output.toString());
        doc.put("layerName", project.layerName());
        doc.put("runtimes", project.runtimes());
        doc.put("architecture", project.architecture().id());
        out.line("Wrote %s for layer %s (%s, %s). Build it with: layer-studio build --project %s -o layer.zip",
                output, project.layerName(), String.join(", ", project.runtimes()), project.architecture().id(),
                output);
        out.document(doc);
        return 0;
    }

    private static void missing(Path path, String flag) {
        if (!Files.exists(path)) {
            throw new LayerStudioException(flag + " " + path + ": there is no such file or folder; nothing was written.");
        }
    }

    /** The project the flags describe, with paths relative to {@code dir}. */
    LayerProject project(Path dir) {
        Set<String> runtimes = new LinkedHashSet<>();
        runtimes.add(Runtime.parse(flags.runtime).id());
        moreRuntimes.forEach(r -> runtimes.add(Runtime.parse(r.trim()).id()));
        String python = flags.python == null ? null : flags.python.isAbsolute() || flags.python.getParent() == null
                ? flags.python.toString() : ProjectPaths.relative(dir, flags.python);
        LayerProject.Inputs inputs = new LayerProject.Inputs(
                flags.requirementFiles.stream().map(f -> ProjectPaths.relative(dir, f)).toList(), flags.packages,
                flags.groups, Layout.parse(flags.layout), InstallerChoice.parse(flags.installer), python,
                flags.keepScripts);
        List<LayerProject.Code> code = flags.additions.stream().map(AddedPath::parse)
                .map(a -> new LayerProject.Code(ProjectPaths.relative(dir, a.source()), a.destination())).toList();
        return new LayerProject(layerName, List.copyOf(runtimes), Architecture.parse(flags.arch), inputs, code,
                flags.slimming(), flags.conflictPolicy(),
                new LayerProject.Publish(description, license, s3Bucket, regions),
                new LayerProject.Targets(functions, waves));
    }
}
