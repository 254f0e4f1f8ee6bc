package dev.layerstudio.cli;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.build.PinnedRequirements;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.SlimReport;
import dev.layerstudio.model.ZipResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code build}: requirements plus the user's own files into a layer zip. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a layer zip: install requirements for a Lambda runtime and architecture "
                + "(pip or uv for Python, npm for Node.js, from any OS), add your own files, and write the same "
                + "bytes every time."},
        footer = {"", "Examples:",
                "  layer-studio build -r requirements.txt --runtime python3.12 --arch arm64 -o layer.zip",
                "  layer-studio build requests --runtime python3.13 --add src/mylib -o layer.zip",
                "  layer-studio build --runtime python3.12 --add handlers=python/ -o code.zip",
                "  layer-studio build --project layer-studio.toml -o layer.zip",
                "  layer-studio build -r package.json --runtime nodejs22.x --arch arm64 -o node-layer.zip",
                "  layer-studio build sharp@0.34.4 --runtime nodejs22.x --layout nodeNN -o sharp.zip"})
public final class BuildCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BuildCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    BuildFlags flags = new BuildFlags();

    @Option(names = "--project", paramLabel = "FILE",
            description = "Build what a project file says (see 'project init'); then give only -o, "
                    + "--emit-requirements and -v.")
    Path project;

    @Option(names = "--emit-requirements", paramLabel = "FILE",
            description = "Also write the exact versions installed (name==version) to FILE, to build the same "
                    + "layer again later with -r FILE.")
    Path emitRequirements;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "ZIP", description = "The zip to write.")
    Path output;

    @Option(names = {"-v", "--verbose"}, description = "Print pip's or uv's output as it comes (on stderr).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        GlobalOptions global = new GlobalOptions(spec);
        Output out = global.output();
        BuildSpec buildSpec = buildSpec(out);
        if (emitRequirements != null && buildSpec.install().runtime().isNode()) {
            throw new LayerStudioException("--emit-requirements writes a pip requirements file; a Node.js layer's"
                    + " versions are pinned by its package-lock.json.");
        }
        buildSpec.install().runtime().supportNote(LocalDate.now()).ifPresent(n -> out.note("warning: " + n));
        LayerBuilder builder = new DefaultLayerBuilder();
        BuildResult result = CtrlC.interrupts(() -> builder.build(buildSpec, listener(out)),
                Duration.ofSeconds(15), "build-cancel");
        if (emitRequirements != null) {
            PinnedRequirements.write(result, emitRequirements);
            out.note("Wrote the " + result.packages().size() + " installed versions to " + emitRequirements);
        }
        if (out.json()) {
            out.document(json(result));
        } else {
            printSummary(out, result);
        }
        return 0;
    }

    BuildSpec buildSpec() {
        return buildSpec(null);
    }

    /** The build asked for: from the project file when --project is given, else from the flags. */
    BuildSpec buildSpec(Output out) {
        if (project == null) {
            if (flags.runtime == null) {
                throw new ParameterException(spec.commandLine(),
                        "Missing required option: '--runtime=RUNTIME' (or --project FILE).");
            }
            return flags.buildSpec(output);
        }
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = parsed.matchedOptions().stream().map(OptionSpec::longestName)
                .filter(BuildFlags.NAMES::contains).toList();
        if (!given.isEmpty() || !parsed.matchedPositionals().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--project takes what to build from the project file;"
                    + " leave out " + (given.isEmpty() ? "the packages" : String.join(", ", given))
                    + " (or change the file).");
        }
        ProjectFile.Read read = ProjectFile.read(project);
        String unknown = read.unknownKeysSentence(project);
        if (unknown != null && out != null) {
            out.note("warning: " + unknown);
        }
        return read.project().buildSpec(read.dir(), output);
    }

    /** Stage messages on stderr (each once); the tools' own lines with --verbose, and always in the log file. */
    private ProgressListener listener(Output out) {
        return new ProgressListener() {
            private String last;

            @Override
            public synchronized void message(String message) {
                if (!message.equals(last)) {
                    last = message;
                    out.note(message);
                }
            }

            @Override
            public void log(String line) {
                LOG.debug("tool: {}", line);
                if (verbose) {
                    out.note("  " + line);
                }
            }
        };
    }

    private static void printSummary(Output out, BuildResult r) {
        ZipResult zip = r.zip();
        out.line("Built %s for %s %s (layout %s/)", zip.output(), r.runtime().id(), r.architecture().id(),
                r.layout().root(r.runtime()));
        if (r.installer() != null) {
            out.line("  installer    %s", r.installer());
        }
        if (!r.packages().isEmpty()) {
            out.line("  packages     %s", r.packages().stream().map(InstalledPackage::toString)
                    .collect(Collectors.joining(", ")));
        }
        out.line("  zipped       %s (%,d bytes)", human(zip.zippedBytes()), zip.zippedBytes());
        out.line("  unzipped     %s (%,d bytes)", human(zip.unzippedBytes()), zip.unzippedBytes());
        out.line("  entries      %,d (%,d files)", zip.entries(), zip.files());
        out.line("  sha256       %s", zip.sha256Hex());
        out.line("  CodeSha256   %s", zip.codeSha256());
        SlimReport slim = r.slimming();
        if (!slim.savings().isEmpty()) {
            out.line("Slimming left out %s in %,d files:", human(slim.totalBytes()), slim.totalFiles());
            for (SlimReport.Saving s : slim.savings()) {
                out.line("  %-34s %9s  %,d files", s.rule().title(), human(s.bytes()), s.files());
            }
        }
        for (String note : r.notes()) {
            out.line("Note: %s", note);
        }
    }

    static Map<String, Object> json(BuildResult r) {
        ZipResult zip = r.zip();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("output", zip.output().toString());
        doc.put("sha256", zip.sha256Hex());
        doc.put("codeSha256", zip.codeSha256());
        doc.put("zippedBytes", zip.zippedBytes());
        doc.put("unzippedBytes", zip.unzippedBytes());
        doc.put("entries", zip.entries());
        doc.put("files", zip.files());
        doc.put("runtime", r.runtime().id());
        doc.put("architecture", r.architecture().id());
        doc.put("layout", r.layout().id());
        doc.put("installer", r.installer());
        doc.put("packages", r.packages().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("version", p.version());
            m.put("requested", p.requested());
            return m;
        }).toList());
        doc.put("slimming", r.slimming().savings().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", s.rule().name().toLowerCase(Locale.ROOT));
            m.put("files", s.files());
            m.put("bytes", s.bytes());
            return m;
        }).toList());
        doc.put("notes", r.notes());
        return doc;
    }

    static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }
}
