package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.Regions;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerVersionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layers [--all-regions]}: layers and all their versions. */
@Command(name = "layers", mixinStandardHelpOptions = true,
        description = "List the layers and all their versions: runtimes, architectures, size, SHA, date.")
public final class LayersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--all-regions", description = "Every region where Lambda runs, not only the chosen one.")
    boolean allRegions;

    @Option(names = "--regions", split = ",", arity = "1..*", paramLabel = "REGION",
            description = "These regions instead of the chosen one.")
    List<String> regions = new ArrayList<>();

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        try (AwsSession session = options.session(new Connector())) {
            List<String> targets = allRegions ? Regions.lambdaRegions()
                    : regions.isEmpty() ? List.of(session.region()) : regions;
            List<Map<String, Object>> perRegion = new ArrayList<>();
            Map<String, String> failed = new LinkedHashMap<>();
            for (String region : targets) {
                List<LayerInfo> layers;
                try {
                    if (region.equals(session.region())) {
                        layers = new SdkLayerService(session).listLayers();
                    } else {
                        try (AwsSession other = session.inRegion(region)) {
                            layers = new SdkLayerService(other).listLayers();
                        }
                    }
                } catch (RuntimeException e) {
                    if (targets.size() == 1) {
                        throw e;
                    }
                    failed.put(region, e.getMessage());
                    out.note("warning: " + region + ": " + e.getMessage());
                    continue;
                }
                if (!layers.isEmpty() || targets.size() == 1) {
                    print(out, region, layers);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("region", region);
                m.put("layers", layers.stream().map(Views::layer).toList());
                perRegion.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("regions", perRegion);
            doc.put("failedRegions", failed);
            out.document(doc);
            return failed.isEmpty() ? 0 : FailureHandler.FAILED;
        }
    }

    private static void print(Output out, String region, List<LayerInfo> layers) {
        out.line("%s: %d layer(s)", region, layers.size());
        for (LayerInfo l : layers) {
            out.line("  %s  (%d version(s))", l.name(), l.versions().size());
            for (LayerVersionInfo v : l.versions()) {
                out.line("    %-5s %-10s %9s  %s  %s  sha256:%s%s", "v" + v.version(),
                        v.createdDate() == null ? "?" : v.createdDate().toString().substring(0, 10),
                        Views.size(v.codeSize()),
                        v.compatibleRuntimes().isEmpty() ? "any runtime" : String.join(",", v.compatibleRuntimes()),
                        v.compatibleArchitectures().isEmpty() ? "any arch"
                                : String.join(",", v.compatibleArchitectures()),
                        v.codeSha256() == null ? "?" : v.codeSha256(),
                        v.description().isEmpty() ? "" : "  \"" + v.description() + "\"");
            }
        }
    }
}
