package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.model.LayerStudioException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Pipfile.lock} (JSON): the {@code default} section, and {@code develop} (asked for
 * as {@code dev} or {@code develop}) or any other category by name; each entry pinned by
 * its {@code version} with its {@code hashes} and {@code markers}.
 */
final class PipfileLockReader {

    private PipfileLockReader() {
    }

    static InputRead read(JsonNode root, List<String> groups) {
        Set<String> sections = new LinkedHashSet<>(List.of("default"));
        for (String g : groups) {
            String section = g.equals("dev") ? "develop" : g.equals("main") ? "default" : g;
            if (section.startsWith("_") || !root.path(section).isObject()) {
                List<String> known = new ArrayList<>();
                root.fieldNames().forEachRemaining(f -> {
                    if (!f.startsWith("_")) {
                        known.add(f);
                    }
                });
                throw new LayerStudioException("Pipfile.lock has no section named '" + g + "' (its sections: "
                        + String.join(", ", known) + ").");
            }
            sections.add(section);
        }
        List<InputRead.Item> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String section : sections) {
            Iterator<Map.Entry<String, JsonNode>> it = root.path(section).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode entry = e.getValue();
                String version = InputFiles.text(entry, "version");
                if (version == null) {
                    throw new LayerStudioException("Pipfile.lock takes " + name + " from "
                            + (entry.has("git") ? "git" : entry.has("path") ? "a folder" : "somewhere other than an index")
                            + ", not from a package index.",
                            "Publish it to an index, or add its folder to the layer as your own.", null);
                }
                if (!seen.add(InstallFailures.canonical(name))) {
                    continue;
                }
                List<String> hashes = new ArrayList<>();
                entry.path("hashes").forEach(h -> hashes.add(h.asText()));
                String extras = entry.path("extras").isArray() && !entry.path("extras").isEmpty()
                        ? "[" + String.join(",", texts(entry.path("extras"))) + "]" : "";
                items.add(new InputRead.Item(name + extras + version, InputFiles.text(entry, "markers"), hashes));
            }
        }
        return new InputRead("Pipfile.lock", true, items, new ArrayList<>(sections));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
