package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.DeletePlan;
import dev.layerstudio.model.LayerUse;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code delete --layer NAME --layer-version N [--yes]}: shows who still uses the version, then deletes on confirmation. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a layer version after showing which functions still use it.",
            "Functions keep working on a deleted version, but it cannot be attached again and its number is"
                + " never reused."})
public final class DeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--layer", required = true, paramLabel = "NAME", description = "Layer name.")
    String layer;

    @Option(names = "--layer-version", required = true, paramLabel = "N", description = "Layer version number.")
    long version;

    @Option(names = "--yes", description = "Confirm the deletion without asking.")
    boolean yes;

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        try (AwsSession session = options.session()) {
            SdkLayerService layers = new SdkLayerService(session);
            DeletePlan plan = layers.prepareDelete(layer, version);
            out.line("%s:%d (%s)", layer, version, plan.version().arn());
            if (plan.inUse()) {
                out.line("  still used by %d function(s):", plan.usedBy().size());
                for (LayerUse u : plan.usedBy()) {
                    out.line("    %s (layer %d of %d)", u.functionName(), u.position(), u.layerCount());
                }
            } else {
                out.line("  no function in %s uses it%s", session.region(), plan.complete() ? "" : " (scan incomplete)");
            }
            boolean confirmed = yes || ask(out);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("layerVersionArn", plan.version().arn());
            doc.put("usedBy", plan.usedBy().stream().map(Views::use).toList());
            doc.put("deleted", confirmed);
            if (!confirmed) {
                out.line("Not deleted.");
                out.document(doc);
                return FailureHandler.FAILED;
            }
            layers.delete(plan, true);
            out.line("Deleted %s:%d.", layer, version);
            out.document(doc);
            return 0;
        }
    }

    private static boolean ask(Output out) {
        Console console = System.console();
        if (console == null) {
            out.note("Not deleting without confirmation: pass --yes.");
            return false;
        }
        String answer = console.readLine("Delete it? [y/N] ");
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
