package dev.layerstudio.cli;

import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.PlanFlag;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.UsageReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON shapes and human lines for the layer and function commands. */
final class Views {

    private Views() {
    }

    // ---- JSON ----

    static Map<String, Object> version(LayerVersionInfo v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arn", v.arn());
        m.put("name", v.name());
        m.put("version", v.version());
        m.put("region", v.region());
        m.put("description", v.description());
        m.put("license", v.license());
        m.put("compatibleRuntimes", v.compatibleRuntimes());
        m.put("compatibleArchitectures", v.compatibleArchitectures());
        m.put("codeSize", v.codeSize() < 0 ? null : v.codeSize());
        m.put("codeSha256", v.codeSha256());
        m.put("createdDate", v.createdDate());
        return m;
    }

    static Map<String, Object> layer(LayerInfo l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("layerArn", l.layerArn());
        m.put("region", l.region());
        m.put("latestVersion", l.latest().map(LayerVersionInfo::version).orElse(null));
        m.put("versions", l.versions().stream().map(Views::version).toList());
        return m;
    }

    static Map<String, Object> publish(PublishResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", r.region());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("upload", r.upload());
        m.put("codeSha256", r.codeSha256());
        m.put("zipBytes", r.zipBytes());
        m.put("version", r.version() == null ? null : version(r.version()));
        m.put("message", r.message());
        return m;
    }

    static Map<String, Object> plan(AttachPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", plan.description());
        m.put("changes", plan.updates().size());
        m.put("unchanged", plan.unchanged().size());
        m.put("blocked", plan.blocked().size());
        m.put("functions", plan.functions().stream().map(Views::entry).toList());
        return m;
    }

    static Map<String, Object> entry(FunctionPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", p.functionName());
        m.put("region", p.function().region());
        m.put("runtime", p.function().runtime());
        m.put("architectures", p.function().architectures());
        m.put("revisionId", p.function().revisionId());
        m.put("change", p.change().describe());
        m.put("changed", p.changed());
        m.put("blocked", p.blocked());
        m.put("verdict", p.verdict().name().toLowerCase(Locale.ROOT));
        m.put("before", p.before());
        m.put("after", p.after());
        m.put("unzippedTotalBytes", p.unzippedTotalBytes());
        m.put("flags", p.flags().stream().map(Views::flag).toList());
        return m;
    }

    static Map<String, Object> flag(PlanFlag f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("message", f.message());
        m.put("layerArn", f.layerArn());
        m.put("overridden", f.overridden());
        return m;
    }

    static Map<String, Object> result(ApplyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", r.functionName());
        m.put("region", r.region());
        m.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
        m.put("before", r.before());
        m.put("after", r.after());
        m.put("revisionId", r.current() == null ? null : r.current().revisionId());
        m.put("recomputed", r.recomputed());
        m.put("message", r.message());
        return m;
    }

    static Map<String, Object> use(LayerUse u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", u.region());
        m.put("function", u.functionName());
        m.put("functionArn", u.functionArn());
        m.put("runtime", u.runtime());
        m.put("layerVersionArn", u.layer().arn());
        m.put("version", u.layer().version());
        m.put("position", u.position());
        m.put("layerCount", u.layerCount());
        return m;
    }

    static Map<String, Object> usage(UsageReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", r.layer());
        m.put("regions", r.regions());
        m.put("functionsScanned", r.functionsScanned());
        m.put("uses", r.uses().stream().map(Views::use).toList());
        Map<String, Object> byVersion = new LinkedHashMap<>();
        r.byVersion().forEach((arn, uses) -> byVersion.put(arn, uses.stream().map(LayerUse::functionName).toList()));
        m.put("byVersion", byVersion);
        m.put("failedRegions", r.failedRegions());
        return m;
    }

    static Map<String, Object> permission(LayerPermission p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statementId", p.statementId());
        m.put("kind", p.target() == null ? null : p.target().kind().name().toLowerCase(Locale.ROOT));
        m.put("principal", p.target() == null ? null : p.target().principal());
        m.put("organizationId", p.target() == null ? null : p.target().organizationId());
        m.put("action", p.action());
        return m;
    }

    // ---- human ----

    /** {@code name:version} for a layer version ARN, else the text itself. */
    static String shortArn(String arn) {
        return LayerVersionRef.tryParse(arn).map(r -> r.name() + (r.isVersioned() ? ":" + r.version() : ""))
                .orElse(arn);
    }

    static String stack(List<String> arns) {
        return arns.isEmpty() ? "(no layers)" : arns.stream().map(Views::shortArn).collect(Collectors.joining(", "));
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    static void printPlan(Output out, AttachPlan plan) {
        out.line("%s: %d function(s) change, %d unchanged, %d blocked", plan.description(), plan.updates().size(),
                plan.unchanged().size(), plan.blocked().size());
        for (FunctionPlan p : plan.functions()) {
            String state = p.blocked() ? "blocked" : p.changed() ? "changes" : "unchanged";
            out.line("  %s (%s, %s) - %s", p.functionName(), p.function().runtime() == null ? "no runtime"
                    : p.function().runtime(), p.function().architecture(), state);
            out.line("    before: %s", stack(p.before()));
            if (p.changed()) {
                out.line("    after:  %s", stack(p.after()));
            }
            for (PlanFlag f : p.flags()) {
                out.line("    %s: %s", label(f), f.message());
            }
            if (p.blocked() && p.overridable()) {
                out.line("    (left alone; --allow-incompatible %s changes it anyway)", p.functionName());
            }
        }
        if (!plan.functions().isEmpty()) {
            out.line("  (layers merge in this order; where two hold the same file, the later one wins)");
        }
    }

    private static String label(PlanFlag f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case INCOMPATIBLE -> f.overridden() ? "incompatible, changed anyway" : "incompatible";
            case WARNING -> "warning";
            case NOTICE -> "note";
        };
    }

    static void printResults(Output out, List<ApplyResult> results) {
        for (ApplyResult r : results) {
            out.line("  %-9s %s: %s", r.outcome().name().toLowerCase(Locale.ROOT), r.functionName(), r.message());
        }
    }
}
