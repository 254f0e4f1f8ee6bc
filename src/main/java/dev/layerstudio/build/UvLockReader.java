package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.model.LayerStudioException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code uv.lock}: the packages the project needs, found by walking the lock's dependency
 * graph from the project itself (the package whose source is {@code virtual} or
 * {@code editable}): its {@code dependencies}, and for each group asked for its
 * {@code optional-dependencies} (extras) or {@code dev-dependencies} (dependency groups);
 * then each dependency's own, with the extras it is asked with. Each package is pinned to
 * its version with the hashes of its sdist and wheels.
 */
final class UvLockReader {

    private UvLockReader() {
    }

    private record Edge(String name, String marker, List<String> extras) {
    }

    static InputRead read(JsonNode root, List<String> groups) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        List<JsonNode> projects = new ArrayList<>();
        for (JsonNode pkg : root.path("package")) {
            byName.putIfAbsent(InstallFailures.canonical(pkg.path("name").asText()), pkg);
            JsonNode source = pkg.path("source");
            if (source.has("virtual") || source.has("editable")) {
                projects.add(pkg);
            }
        }
        if (projects.isEmpty()) {
            throw new LayerStudioException("uv.lock names no project of its own (a package with a virtual or "
                    + "editable source) to start from.", "Lock the project again with uv lock.", null);
        }
        Deque<Edge> todo = new ArrayDeque<>();
        Set<String> known = new LinkedHashSet<>();
        for (JsonNode project : projects) {
            edges(project.path("dependencies"), todo);
            project.path("optional-dependencies").fieldNames().forEachRemaining(known::add);
            project.path("dev-dependencies").fieldNames().forEachRemaining(known::add);
            for (String g : groups) {
                edges(project.path("optional-dependencies").path(g), todo);
                edges(project.path("dev-dependencies").path(g), todo);
            }
        }
        for (String g : groups) {
            if (!g.equals("main") && !known.contains(g)) {
                throw new LayerStudioException("uv.lock has no group named '" + g + "'"
                        + (known.isEmpty() ? "." : " (its groups: " + String.join(", ", known) + ")."));
            }
        }
        Map<String, String> markers = new java.util.TreeMap<>(); // name -> marker ("" when needed everywhere)
        Set<String> expanded = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Edge e = todo.pop();
            String key = InstallFailures.canonical(e.name());
            JsonNode pkg = byName.get(key);
            if (pkg == null || projects.contains(pkg)) {
                continue;
            }
            String marker = e.marker() == null ? "" : e.marker();
            String before = markers.get(key);
            markers.put(key, before == null ? marker : before.isEmpty() || marker.isEmpty() ? "" : before);
            if (expanded.add(key)) {
                edges(pkg.path("dependencies"), todo);
            }
            for (String extra : e.extras()) {
                if (expanded.add(key + "[" + extra + "]")) {
                    edges(pkg.path("optional-dependencies").path(extra), todo);
                }
            }
        }
        List<InputRead.Item> items = new ArrayList<>();
        for (Map.Entry<String, String> m : markers.entrySet()) {
            JsonNode pkg = byName.get(m.getKey());
            String name = pkg.path("name").asText();
            JsonNode source = pkg.path("source");
            if (!source.has("registry")) {
                throw new LayerStudioException("uv.lock takes " + name + " from " + source.fieldNames().next()
                        + ", not from a package index.",
                        "Publish it to an index, or add its folder to the layer as your own.", null);
            }
            List<String> hashes = new ArrayList<>();
            String sdist = InputFiles.text(pkg.path("sdist"), "hash");
            if (sdist != null) {
                hashes.add(sdist);
            }
            pkg.path("wheels").forEach(w -> {
                String h = InputFiles.text(w, "hash");
                if (h != null) {
                    hashes.add(h);
                }
            });
            items.add(new InputRead.Item(name + "==" + pkg.path("version").asText(),
                    InputFiles.withoutExtra(m.getValue()), hashes));
        }
        List<String> read = new ArrayList<>(List.of("main"));
        groups.stream().filter(g -> !g.equals("main")).forEach(read::add);
        return new InputRead("uv.lock", true, items, read);
    }

    private static void edges(JsonNode deps, Deque<Edge> todo) {
        for (JsonNode d : deps) {
            List<String> extras = new ArrayList<>();
            d.path("extra").forEach(x -> extras.add(x.asText()));
            todo.add(new Edge(d.path("name").asText(), InputFiles.text(d, "marker"), extras));
        }
    }
}
