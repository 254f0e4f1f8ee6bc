package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.model.LayerStudioException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pyproject.toml}: {@code [project].dependencies}, and for each group asked for
 * {@code [project.optional-dependencies]} or a {@code [dependency-groups]} entry (PEP 735,
 * {@code include-group} followed). Ranges stay ranges: the installer resolves them.
 */
final class PyprojectReader {

    private PyprojectReader() {
    }

    static InputRead read(String fileName, JsonNode root, List<String> groups) {
        JsonNode project = root.path("project");
        JsonNode optional = project.path("optional-dependencies");
        JsonNode dependencyGroups = root.path("dependency-groups");
        if (!project.has("dependencies") && !optional.isObject() && !dependencyGroups.isObject()) {
            if (root.path("tool").path("poetry").has("dependencies")) {
                throw new LayerStudioException(fileName + " declares its dependencies in Poetry's own table "
                        + "([tool.poetry.dependencies]), which only Poetry resolves.",
                        "Build from its poetry.lock instead (poetry lock writes it): -r poetry.lock.", null);
            }
            throw new LayerStudioException(fileName + " has no [project].dependencies to install.",
                    "List the packages there, or give a requirements or lock file.", null);
        }
        List<InputRead.Item> items = new ArrayList<>();
        for (JsonNode d : project.path("dependencies")) {
            items.add(new InputRead.Item(d.asText().strip(), null, List.of()));
        }
        List<String> read = new ArrayList<>(List.of("main"));
        for (String group : groups) {
            if (group.equals("main")) {
                continue;
            }
            if (optional.has(group)) {
                optional.get(group).forEach(d -> items.add(new InputRead.Item(d.asText().strip(), null, List.of())));
            } else if (dependencyGroups.has(group)) {
                for (String d : groupRequirements(dependencyGroups, group, new LinkedHashSet<>())) {
                    items.add(new InputRead.Item(d, null, List.of()));
                }
            } else {
                Set<String> known = new LinkedHashSet<>();
                optional.fieldNames().forEachRemaining(known::add);
                dependencyGroups.fieldNames().forEachRemaining(known::add);
                throw new LayerStudioException(fileName + " has no group named '" + group + "'"
                        + (known.isEmpty() ? "." : " (its groups: " + String.join(", ", known) + ")."));
            }
            read.add(group);
        }
        return new InputRead(fileName, false, items, read);
    }

    private static List<String> groupRequirements(JsonNode groups, String name, Set<String> seen) {
        List<String> out = new ArrayList<>();
        if (!seen.add(name)) {
            return out;
        }
        for (JsonNode d : groups.path(name)) {
            if (d.isTextual()) {
                out.add(d.asText().strip());
            } else if (d.has("include-group")) {
                out.addAll(groupRequirements(groups, d.get("include-group").asText(), seen));
            }
        }
        return out;
    }
}
