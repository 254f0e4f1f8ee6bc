package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the versions a {@code pnpm-lock.yaml} resolved for a project's direct production
 * dependencies ({@code importers['.'].dependencies} in lock format 6 and 9, a top-level
 * {@code dependencies} map in older ones), so npm installs those exact versions.
 */
final class PnpmLockReader {

    private static final YAMLMapper YAML = new YAMLMapper();

    private PnpmLockReader() {
    }

    /** Pins each dependency of {@code pkg} the lock resolved; returns how many it pinned. */
    static int pinDirect(Path lock, ObjectNode pkg) {
        JsonNode root;
        try {
            root = YAML.readTree(lock.toFile());
        } catch (IOException e) {
            throw new LayerStudioException(lock + " is not a readable pnpm lock file: " + e.getMessage(), null, e);
        }
        JsonNode deps = root.path("importers").path(".").path("dependencies");
        if (deps.isMissingNode()) {
            deps = root.path("dependencies");
        }
        if (!(pkg.get("dependencies") instanceof ObjectNode wanted)) {
            return 0;
        }
        int pinned = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String version = (v.isObject() ? v.path("version") : v).asText("");
            int paren = version.indexOf('(');
            version = paren > 0 ? version.substring(0, paren) : version;
            if (wanted.has(e.getKey()) && version.matches("\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*")) {
                wanted.put(e.getKey(), version);
                pinned++;
            }
        }
        return pinned;
    }
}
