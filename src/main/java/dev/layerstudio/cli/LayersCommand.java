package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Regions;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.RegionLayers;
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
        try (AwsSession session = options.session()) {
            List<String> targets = allRegions ? Regions.lambdaRegions()
                    : regions.isEmpty() ? List.of(session.region()) : regions;
            if (targets.size() == 1 && targets.get(0).equals(session.region())) {
                List<LayerInfo> layers = new SdkLayerService(session).listLayers();
                print(out, targets.get(0), layers);
                out.document(Map.of("regions", List.of(region(targets.get(0), layers)), "failedRegions", Map.of()));
                return 0;
            }
            List<Map<String, Object>> perRegion = new ArrayList<>();
            Map<String, String> failed = new LinkedHashMap<>();
            for (RegionLayers r : SdkLayerService.listLayers(session, targets, SdkLayerService.Options.defaults())) {
                if (!r.ok()) {
                    failed.put(r.region(), r.error());
                    out.note("warning: " + r.region() + ": " + r.error());
                    continue;
                }
                if (!r.layers().isEmpty()) {
                    print(out, r.region(), r.layers());
                }
                perRegion.add(region(r.region(), r.layers()));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("regions", perRegion);
            doc.put("failedRegions", failed);
            out.document(doc);
            return failed.isEmpty() ? 0 : FailureHandler.FAILED;
        }
    }

    private static Map<String, Object> region(String region, List<LayerInfo> layers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", region);
        m.put("layers", layers.stream().map(Views::layer).toList());
        return m;
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
