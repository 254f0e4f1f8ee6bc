package dev.layerstudio.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.ImportCheck;
import dev.layerstudio.model.ImportResult;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SizeItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect}: what is in a layer, what it costs against Lambda's limits, what is wrong with it. */
@Command(name = "inspect",
        description = {"Look inside a layer without extracting it: sizes, packages, Lambda's limits and problems.",
            "A published version is read over HTTP, only its zip's directory and a few small files."})
public final class InspectCommand implements Callable<Integer> {

    static final int SHOWN = 10;

    /**
     * Runtimes and architectures by their Lambda ids (python3.12, x86_64), the rest by name.
     * A report holds no dates, so this mapper goes without the date module the others load.
     */
    private static ObjectMapper json() {
        return new ObjectMapper()
                .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .registerModule(Output.runtimeIds())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ZIP|DIR|LAYER_VERSION_ARN|URL", description = "The layer to inspect.")
    String target;

    @Option(names = "--runtime", paramLabel = "R",
            description = "Runtime to check against, such as python3.12 (default: the one the layer's folders name).")
    String runtime;

    @Option(names = "--arch", paramLabel = "A", description = "x86_64 (default) or arm64.")
    String arch;

    @Option(names = "--with", paramLabel = "ZIP|ARN",
            description = "Another layer of the target function, in the order of its layer list; the inspected"
                    + " layer is merged after them. Repeatable.")
    List<String> with = new ArrayList<>();

    @Option(names = "--function-code-bytes", paramLabel = "N",
            description = "Unzipped size of the function's own code, counted against the 250 MB limit.")
    long functionCodeBytes;

    @Option(names = "--import-check",
            description = "Import every top-level module with a local Python of the runtime's version, with only"
                    + " the layer on its path.")
    boolean importCheck;

    @Override
    public Integer call() {
        GlobalOptions global = new GlobalOptions(spec);
        Output out = global.output();
        // a cold JVM spends a fifth of a second making the mapper: made while the layer is read
        CompletableFuture<ObjectMapper> json = out.json() ? CompletableFuture.supplyAsync(InspectCommand::json) : null;
        InspectionReport report;
        try (LayerSources sources = new LayerSources(global)) {
            LayerSource source = sources.resolve(target);
            List<LayerSource> others = with.stream().map(sources::resolve).toList();
            Inspector inspector = new Inspector();
            List<LayerSource> all = new ArrayList<>(others);
            all.add(source);
            inspector.prepare(all);
            InspectOptions options = InspectOptions.defaults()
                    .withRuntime(runtime == null ? null : Runtime.parse(runtime))
                    .withArchitecture(arch == null ? null : Architecture.parse(arch))
                    .withOtherLayers(others)
                    .withFunctionCodeBytes(requireNonNegative(functionCodeBytes))
                    .withImportCheck(importCheck);
            report = inspector.inspect(source, options, ProgressListener.NONE);
        }
        if (out.json()) {
            // compact and streamed: a report lists every entry, and a 10,000-entry document
            // need not be indented or held as one string first
            try {
                json.join().writeValue(out.out(), report);
                out.out().println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            print(report, out);
        }
        return 0;
    }

    private long requireNonNegative(long bytes) {
        if (bytes < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--function-code-bytes must not be negative.");
        }
        return bytes;
    }

    static void print(InspectionReport r, Output out) {
        out.line("%s", r.source());
        out.line("  %s zipped%s, %s unzipped, %d files; layout %s%s", ByteSizes.human(r.zippedBytes()),
                r.zippedEstimated() ? " (estimated)" : "", ByteSizes.human(r.unzippedBytes()), r.fileCount(),
                r.layout(), r.runtime() == null ? "" : "; checked for " + r.runtime() + " " + r.architecture());
        out.line("");
        out.line("Limits");
        for (LimitCheck l : r.limits()) {
            out.line("  %-15s %10s of %-8s %s", l.name(), ByteSizes.human(l.usedBytes()), ByteSizes.human(l.limitBytes()),
                    l.ok() ? ByteSizes.human(l.headroomBytes()) + " left" : "OVER by " + ByteSizes.human(-l.headroomBytes()));
        }
        out.line("");
        out.line("Packages");
        for (PackageUsage p : r.packages().subList(0, Math.min(SHOWN * 2, r.packages().size()))) {
            out.line("  %-40s %10s %7d files", p.version() == null ? p.root() + p.name() + " (own)"
                    : p.name() + " " + p.version(), ByteSizes.human(p.bytes()), p.files());
        }
        more(out, r.packages().size(), SHOWN * 2);
        out.line("");
        out.line("Largest files");
        for (SizeItem i : r.topConsumers().subList(0, Math.min(SHOWN, r.topConsumers().size()))) {
            out.line("  %10s  %s", ByteSizes.human(i.bytes()), i.path());
        }
        out.line("");
        out.line(r.findings().isEmpty() ? "No problems found." : "Findings");
        for (Finding f : r.findings()) {
            out.line("  %-7s %-28s %s", f.severity(), f.code(), f.message());
        }
        if (!r.importCheck().ran() && !r.importCheck().reason().equals(ImportCheck.NOT_REQUESTED)) {
            out.line("");
            out.line("Import check not run: %s", r.importCheck().reason());
        }
        if (r.importCheck().ran()) {
            out.line("");
            out.line("Import check with %s: %d of %d modules imported", r.importCheck().python(),
                    r.importCheck().results().size() - r.importCheck().failures().size(), r.importCheck().results().size());
            for (ImportResult i : r.importCheck().failures()) {
                out.line("  %s: %s", i.module(), i.error());
            }
        }
        for (String note : r.notes()) {
            out.line("Note: %s", note);
        }
    }

    static void more(Output out, int total, int shown) {
        if (total > shown) {
            out.line("  … and %d more", total - shown);
        }
    }
}
