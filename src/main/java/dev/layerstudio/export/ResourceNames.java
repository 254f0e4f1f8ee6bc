package dev.layerstudio.export;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names for resources in a template, unique within it: CloudFormation logical ids
 * (letters and digits) and Terraform labels (letters, digits, underscores; not starting with
 * a digit).
 */
final class ResourceNames {

    private final Set<String> used = new HashSet<>();

    /** {@code my-layer} + {@code Layer} gives {@code MyLayerLayer}; anything but letters and digits splits words. */
    String logicalId(String name, String suffix) {
        String id = pascal(name);
        if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
            id = "R" + id;
        }
        return unique(id + pascal(suffix));
    }

    private static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code my-layer} gives {@code my_layer}. */
    String label(String name) {
        String label = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (label.isEmpty() || !(Character.isLetter(label.charAt(0)) || label.charAt(0) == '_')) {
            label = "r_" + label;
        }
        return unique(label);
    }

    private String unique(String base) {
        String candidate = base;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }
}
