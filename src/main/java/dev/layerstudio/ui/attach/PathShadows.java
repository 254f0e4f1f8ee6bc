package dev.layerstudio.ui.attach;

import dev.layerstudio.model.LayerVersionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files of a layer stack a later layer hides: Lambda extracts the layers in list
 * order, so where two hold the same path, the one merged last is what the function
 * sees. Only layers whose files are known take part.
 */
final class PathShadows {

    private PathShadows() {
    }

    /**
     * One sentence per pair of layers that share files, earlier layer first.
     *
     * @param stack the layer version ARNs in merge order
     * @param files the files of the layers that are known, by ARN
     */
    static List<String> describe(List<String> stack, Map<String, Set<String>> files) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stack.size(); i++) {
            Set<String> earlier = files.get(stack.get(i));
            if (earlier == null) {
                continue;
            }
            for (int j = i + 1; j < stack.size(); j++) {
                Set<String> later = files.get(stack.get(j));
                if (later == null) {
                    continue;
                }
                List<String> shared = earlier.stream().filter(later::contains).sorted().toList();
                if (!shared.isEmpty()) {
                    out.add(String.format("%s hides %d file%s of %s (merged earlier), such as %s.",
                            label(stack.get(j)), shared.size(), shared.size() == 1 ? "" : "s",
                            label(stack.get(i)), shared.get(0)));
                }
            }
        }
        return out;
    }

    static String label(String arn) {
        return LayerVersionRef.tryParse(arn).map(r -> r.name() + (r.isVersioned() ? ":" + r.version() : ""))
                .orElse(arn);
    }
}
