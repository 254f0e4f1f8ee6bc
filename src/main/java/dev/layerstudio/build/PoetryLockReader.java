package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.model.LayerStudioException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code poetry.lock}: every {@code [[package]]} of the groups asked for ({@code groups}
 * in lock version 2.1, {@code category} before), pinned to its version with the hashes of
 * its {@code files}. Optional packages go in only when an extra asked for names them.
 */
final class PoetryLockReader {

    private PoetryLockReader() {
    }

    static InputRead read(JsonNode root, List<String> groups) {
        Set<String> wanted = new LinkedHashSet<>(List.of("main"));
        wanted.addAll(groups);
        JsonNode extras = root.path("extras");
        Set<String> extraPackages = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>();
        extras.fieldNames().forEachRemaining(known::add);
        for (String g : groups) {
            for (JsonNode p : extras.path(g)) {
                extraPackages.add(InstallFailures.canonical(InstallFailures.projectName(p.asText())));
            }
        }
        List<InputRead.Item> items = new ArrayList<>();
        for (JsonNode pkg : root.path("package")) {
            List<String> pkgGroups = groupsOf(pkg);
            known.addAll(pkgGroups);
            String name = InputFiles.text(pkg, "name");
            String version = InputFiles.text(pkg, "version");
            boolean inGroup = pkgGroups.stream().anyMatch(wanted::contains);
            boolean optional = pkg.path("optional").asBoolean(false);
            if (!inGroup || (optional && !extraPackages.contains(InstallFailures.canonical(name)))) {
                continue;
            }
            JsonNode source = pkg.path("source");
            String type = InputFiles.text(source, "type");
            if (type != null && !type.equals("legacy")) {
                throw new LayerStudioException("poetry.lock takes " + name + " from a " + type + " ("
                        + InputFiles.text(source, "url") + "), not from a package index.",
                        "Publish it to an index, or add its folder to the layer as your own.", null);
            }
            List<String> hashes = new ArrayList<>();
            for (JsonNode f : pkg.path("files")) {
                String h = InputFiles.text(f, "hash");
                if (h != null) {
                    hashes.add(h);
                }
            }
            items.add(new InputRead.Item(name + "==" + version, InputFiles.withoutExtra(marker(pkg, wanted)), hashes));
        }
        for (String g : groups) {
            if (!known.contains(g)) {
                throw new LayerStudioException("poetry.lock has no group named '" + g + "' (its groups: "
                        + String.join(", ", known) + ").");
            }
        }
        return new InputRead("poetry.lock", true, items, new ArrayList<>(wanted));
    }

    private static List<String> groupsOf(JsonNode pkg) {
        List<String> out = new ArrayList<>();
        pkg.path("groups").forEach(g -> out.add(g.asText()));
        if (out.isEmpty()) {
            out.add(pkg.path("category").asText("main"));
        }
        return out;
    }

    /** A package's marker: a string, or (lock 2.1) a table of markers by group. */
    private static String marker(JsonNode pkg, Set<String> wanted) {
        JsonNode m = pkg.get("markers");
        if (m == null || m.isNull()) {
            return null;
        }
        if (m.isTextual()) {
            return m.asText();
        }
        for (String g : wanted) {
            if (m.has(g)) {
                return m.get(g).asText();
            }
        }
        return null;
    }
}
