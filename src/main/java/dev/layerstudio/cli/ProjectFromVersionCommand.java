package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishedStart;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.project.ProjectStart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code project from-version ARN|ZIP -o DIR}: a project that builds a published version again. */
@Command(name = "from-version", mixinStandardHelpOptions = true,
        description = {"Start a project from a published layer version (or a layer zip): its packages pinned to the"
                + " versions its *.dist-info records, in requirements.txt; every file no package owns (your code)"
                + " extracted into layer-code/; runtimes, architecture, description and license from the version."
                + " Building the project unchanged gives the same packages and files."},
        footer = {"", "Example:",
                "  layer-studio project from-version arn:aws:lambda:eu-west-1:123456789012:layer:deps:7 -o deps"})
public final class ProjectFromVersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARN|ZIP", description = "A layer version ARN, or a layer zip.")
    String source;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The project's folder (new, or without a project in it).")
    Path dir;

    @Option(names = "--layer-name", paramLabel = "NAME", description = "The layer's name (default: the version's).")
    String layerName;

    @Option(names = "--runtime", split = ",", paramLabel = "RUNTIME",
            description = "Runtimes, the first built for (default: the version's compatible runtimes).")
    List<String> runtimes = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture (default: the version's first).")
    String arch;

    @Override
    public Integer call() {
        GlobalOptions global = new GlobalOptions(spec);
        Output out = global.output();
        ProjectStart.checkFree(dir);
        LayerVersionInfo info = null;
        LayerSource layer;
        if (LayerVersionRef.isLayerArn(source)) {
            try (AwsSession session = global.session()) {
                info = version(session, LayerVersionRef.parse(source));
                LayerContentLocation where = new LayerContentLocator().locate(session, info);
                layer = LayerSource.Remote.at(where);
            }
        } else {
            layer = LayerSource.of(Path.of(source));
        }
        String name = layerName != null ? layerName : info != null ? info.name() : null;
        if (name == null || name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Give --layer-name: a zip does not say its layer's name.");
        }
        List<String> declared = !runtimes.isEmpty() ? runtimes : info == null ? List.of()
                : info.compatibleRuntimes().stream().filter(r -> Runtime.fromId(r).isPresent()).toList();
        if (declared.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Give --runtime: " + (info == null
                    ? "a zip does not say which runtime it is for." : "the version declares no runtime."));
        }
        Architecture architecture = arch != null ? Architecture.parse(arch) : info == null
                || info.compatibleArchitectures().isEmpty() ? Architecture.X86_64
                : Architecture.parse(info.compatibleArchitectures().get(0));
        declared.forEach(Runtime::parse); // an unknown runtime is said before anything is written
        Path codeDir = dir.resolve(PublishedStart.CODE_FOLDER);
        PublishedStart start = new Inspector().startFrom(layer, codeDir, new ProgressListener() {
            @Override
            public void message(String message) {
                out.note(message);
            }
        });
        LayerProject.Publish publish = info == null ? LayerProject.Publish.none()
                : new LayerProject.Publish(info.description(), info.license(), null, List.of());
        LayerProject project = start.project(name, declared, architecture, publish);
        Path file = ProjectStart.write(dir, start, project, layer.label());
        out.line("Wrote %s: %d %s pinned in %s, %d of your files in %s.", file, start.pins().size(),
                start.pins().size() == 1 ? "package" : "packages", PublishedStart.REQUIREMENTS_FILE,
                start.ownFiles().size(), codeDir);
        for (String note : start.notes()) {
            out.line("Note: %s", note);
        }
        out.line("Build it with: layer-studio build --project %s -o layer.zip", file);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("project", file.toString());
        doc.put("layerName", name);
        doc.put("runtimes", declared);
        doc.put("architecture", architecture.id());
        doc.put("pins", start.pins());
        doc.put("ownFiles", start.ownFiles());
        doc.put("code", start.codePaths());
        doc.put("slimming", project.slimming().stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        doc.put("installer", start.installer().id());
        doc.put("notes", start.notes());
        out.document(doc);
        return 0;
    }

    private static LayerVersionInfo version(AwsSession session, LayerVersionRef ref) {
        if (!ref.isVersioned()) {
            throw new LayerStudioException("'" + ref.arn() + "' names a layer, not one of its versions.",
                    "Add the version number: " + ref.layerArn() + ":N.", null);
        }
        if (ref.region().equals(session.region())) {
            return new SdkLayerService(session).getVersion(ref.layerArn(), ref.version());
        }
        try (AwsSession there = session.inRegion(ref.region())) {
            return new SdkLayerService(there).getVersion(ref.layerArn(), ref.version());
        }
    }
}
