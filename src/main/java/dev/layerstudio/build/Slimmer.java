package dev.layerstudio.build;

import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.SlimReport;
import dev.layerstudio.model.SlimRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out what each slimming rule would take out of a layer, and takes it out.
 * Only what pip or uv installed is ever taken: a folder that also holds the user's
 * files loses just its installed files.
 */
public final class Slimmer {

    private static final Set<String> BOTO3 = Set.of("boto3", "botocore", "s3transfer");
    private static final Set<String> TEST_FOLDERS = Set.of("tests", "test");
    private static final Set<String> DOC_FOLDERS = Set.of("doc", "docs");

    private Slimmer() {
    }

    /** What the chosen rules would take out, rule by rule. */
    public static SlimReport preview(LayerContent content, Set<SlimRule> rules) {
        if (rules.isEmpty()) {
            return SlimReport.none();
        }
        Map<SlimRule, List<String>> paths = new EnumMap<>(SlimRule.class);
        Map<SlimRule, long[]> totals = new EnumMap<>(SlimRule.class);
        Set<String> taken = new HashSet<>();
        for (ContentNode node : content.nodes()) {
            if (below(node.path(), taken)) {
                continue;
            }
            SlimRule rule = ruleFor(node, content, rules);
            if (rule == null) {
                continue;
            }
            List<ContentNode> subtree = node.directory() ? content.subtree(node.path()) : List.of(node);
            boolean mixed = subtree.stream().anyMatch(Slimmer::anyUser);
            List<String> out = paths.computeIfAbsent(rule, r -> new ArrayList<>());
            long[] t = totals.computeIfAbsent(rule, r -> new long[2]);
            for (ContentNode n : subtree) {
                if (!n.directory() && !anyUser(n)) {
                    t[0]++;
                    t[1] += n.size();
                    if (mixed) {
                        out.add(n.path());
                    }
                }
            }
            if (!mixed) {
                out.add(node.path());
            }
            if (node.directory()) {
                taken.add(node.path());
            }
        }
        List<SlimReport.Saving> savings = new ArrayList<>();
        for (SlimRule rule : SlimRule.values()) {
            if (rules.contains(rule)) {
                long[] t = totals.getOrDefault(rule, new long[2]);
                savings.add(new SlimReport.Saving(rule, t[0], t[1], paths.getOrDefault(rule, List.of())));
            }
        }
        return new SlimReport(savings);
    }

    /** The content without what the report lists. */
    public static LayerContent apply(LayerContent content, SlimReport report) {
        return content.removeAll(report.paths());
    }

    private static SlimRule ruleFor(ContentNode node, LayerContent content, Set<SlimRule> rules) {
        if (!(node.source() instanceof ContentSource.Installed installed) || anyUser(node)) {
            return null;
        }
        String name = node.name();
        if (rules.contains(SlimRule.BOTO3) && installed.packageName() != null
                && BOTO3.contains(InstallFailures.canonical(installed.packageName()))) {
            return SlimRule.BOTO3;
        }
        if (rules.contains(SlimRule.PYCACHE) && (node.directory() ? name.equals("__pycache__")
                : name.endsWith(".pyc") || name.endsWith(".pyo"))) {
            return SlimRule.PYCACHE;
        }
        if (node.directory() && insidePackage(node, content)) {
            if (rules.contains(SlimRule.TESTS) && TEST_FOLDERS.contains(name)) {
                return SlimRule.TESTS;
            }
            if (rules.contains(SlimRule.DOCS) && DOC_FOLDERS.contains(name)) {
                return SlimRule.DOCS;
            }
        }
        return null;
    }

    /**
     * Whether the folder above is itself an installed folder (not the top of the install, not
     * metadata, not a {@code node_modules} or {@code @scope} folder, whose children are packages).
     */
    private static boolean insidePackage(ContentNode node, LayerContent content) {
        String parent = node.parent();
        String parentName = parent.substring(parent.lastIndexOf('/') + 1);
        if (parentName.equals("node_modules") || parentName.startsWith("@")) {
            return false;
        }
        return !parent.isEmpty() && !parent.contains(".dist-info")
                && content.node(parent).map(p -> p.source() instanceof ContentSource.Installed).orElse(false);
    }

    private static boolean below(String path, Set<String> folders) {
        for (int slash = path.lastIndexOf('/'); slash > 0 && !folders.isEmpty(); slash = path.lastIndexOf('/', slash - 1)) {
            if (folders.contains(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyUser(ContentNode n) {
        return n.sources().stream().anyMatch(ContentSource::isUser);
    }
}
