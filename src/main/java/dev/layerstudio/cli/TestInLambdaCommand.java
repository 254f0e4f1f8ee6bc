package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LambdaProbe;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.ProbeModule;
import dev.layerstudio.model.ProbeReport;
import dev.layerstudio.model.ProbeRequest;
import dev.layerstudio.model.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code test-in-lambda}: imports a layer's modules in the real Lambda runtime, then removes what it made. */
@Command(name = "test-in-lambda", mixinStandardHelpOptions = true,
        description = {"Test a layer in Lambda itself: a short-lived probe function with the layer imports its"
                + " modules once in the real runtime and says, per module, whether it imported, the runtime's own"
                + " error, and how long it took; also the runtime's Python, glibc and architecture.",
            "Creates for under a minute, then deletes: a function named layer-studio-probe-..., a temporary"
                + " version of the layer (for --zip), and an execution role with no permissions (unless --role)."
                + " Costs one invoke and a few seconds of compute at 1,024 MB, well under one US cent."})
public final class TestInLambdaCommand implements Callable<Integer> {

    private static final Pattern SITE_PACKAGES = Pattern.compile("^python/lib/(python3\\.\\d+)/");

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--layer", required = true, paramLabel = "ARN", description = "A published layer version.")
        String layer;

        @Option(names = "--zip", required = true, paramLabel = "FILE",
                description = "A layer zip, published for the test as a temporary version (up to 50 MB).")
        Path zip;
    }

    @Option(names = "--runtime", paramLabel = "R", description = "The probe function's runtime, such as"
            + " python3.12 (default: the version's first runtime, or the one the zip's folders name, else the newest).")
    String runtime;

    @Option(names = "--arch", paramLabel = "A",
            description = "x86_64 or arm64 (default: the version's first architecture, else x86_64).")
    String arch;

    @Option(names = "--import", arity = "1..*", paramLabel = "MODULE",
            description = "Import only these modules (default: every top-level module of the layer).")
    List<String> modules = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ARN",
            description = "Run the probe as this execution role instead of creating one for the test.")
    String role;

    @Option(names = "--keep-role", description = "Keep the role created for the test (pass it to --role next time).")
    boolean keepRole;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        if (target.zip != null && !Files.isRegularFile(target.zip)) {
            throw new LayerStudioException("There is no file " + target.zip + ".");
        }
        try (AwsSession session = options.session()) {
            Optional<LayerVersionInfo> version = target.layer == null ? Optional.empty() : version(session);
            String r = runtime != null ? Runtime.parse(runtime).id() : defaultRuntime(version);
            String a = arch != null ? Architecture.parse(arch).id() : version
                    .flatMap(v -> v.compatibleArchitectures().stream().filter(x -> Architecture.fromId(x).isPresent())
                            .findFirst()).orElse(Architecture.X86_64.id());
            ProbeRequest request = new ProbeRequest(target.layer, target.zip, r, a, modules, role, keepRole);
            LambdaProbe probe = new LambdaProbe(session, ProbeJournals.inData(AppDirs.current()));
            ProbeReport report = CtrlC.interrupts(() -> probe.run(request, PublishCommand.progress(out)),
                    Duration.ofSeconds(60), "probe-cancel");
            print(out, report);
            out.document(document(report));
            return report.failed().isEmpty() ? 0 : FailureHandler.FAILED;
        }
    }

    private Optional<LayerVersionInfo> version(AwsSession session) {
        LayerVersionRef ref = LayerVersionRef.tryParse(target.layer).filter(LayerVersionRef::isVersioned)
                .orElseThrow(() -> new LayerStudioException("'" + target.layer + "' is not a layer version ARN"
                        + " (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)."));
        if (runtime != null && arch != null || !ref.region().equals(session.region())) {
            return Optional.empty(); // nothing to default; the probe says what is wrong with the region
        }
        return Optional.of(new SdkLayerService(session).getVersion(ref.layerArn(), ref.version()));
    }

    private String defaultRuntime(Optional<LayerVersionInfo> version) throws IOException {
        Optional<Runtime> declared = version.flatMap(v -> v.compatibleRuntimes().stream()
                .map(Runtime::fromId).flatMap(Optional::stream).filter(Runtime::isPython).findFirst());
        if (declared.isPresent()) {
            return declared.get().id();
        }
        if (target.zip != null) {
            try (ZipFile zip = new ZipFile(target.zip.toFile())) {
                Optional<Runtime> named = zip.stream().map(e -> SITE_PACKAGES.matcher(e.getName()))
                        .filter(Matcher::find).map(m -> Runtime.fromId(m.group(1))).flatMap(Optional::stream)
                        .findFirst();
                if (named.isPresent()) {
                    return named.get().id();
                }
            } catch (IOException e) {
                throw new LayerStudioException(target.zip + " is not a readable zip: " + e.getMessage(), e);
            }
        }
        return Runtime.latest().id();
    }

    private static void print(Output out, ProbeReport r) {
        out.line("Tested in Lambda (%s, %s, %s): Python %s, glibc %s, %s; /opt %s in %d files", r.runtime(),
                r.architecture(), r.region(), r.python(), r.glibc() == null ? "unknown" : r.glibc(), r.machine(),
                Views.size(r.optBytes()), r.optFiles());
        if (r.modules().isEmpty()) {
            out.line("  The layer has no top-level Python modules to import.");
        }
        for (ProbeModule m : r.modules()) {
            out.line("  %-7s %-24s %8s%s", m.ok() ? "ok" : "FAILED", m.name(),
                    m.seconds() == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f s", m.seconds()),
                    m.ok() ? "" : "  " + m.error());
        }
        out.line("Created and removed again: %s", String.join(", ", r.removed()));
        if (r.keptRole() != null) {
            out.line("Kept, as asked: the role %s (pass it to --role next time)", r.keptRole());
        }
        for (String left : r.leftBehind()) {
            out.line("Not removed yet (Layer Studio removes it at the next start, or run 'recover'): %s", left);
        }
        out.line(r.failed().isEmpty() ? "Every module imported." : r.failed().size() + " of " + r.modules().size()
                + " module(s) did not import in Lambda.");
    }

    private static Map<String, Object> document(ProbeReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runtime", r.runtime());
        doc.put("architecture", r.architecture());
        doc.put("region", r.region());
        doc.put("layerArn", r.layerArn());
        doc.put("python", r.python());
        doc.put("glibc", r.glibc());
        doc.put("machine", r.machine());
        doc.put("optBytes", r.optBytes());
        doc.put("optFiles", r.optFiles());
        doc.put("modules", r.modules());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("code", f.code().name());
            one.put("severity", f.severity().name());
            one.put("message", f.message());
            one.put("path", f.path());
            findings.add(one);
        }
        doc.put("findings", findings);
        doc.put("removed", r.removed());
        doc.put("keptRole", r.keptRole());
        doc.put("leftBehind", r.leftBehind());
        return doc;
    }
}
