package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which files of a layer stack a later layer hides. Lambda extracts a function's layers in
 * list order into one folder, so where two layers hold the same path, the one merged last is
 * what the function sees. The one rule both the inspector's conflict finding and the Attach
 * step's warnings use.
 */
public final class LayerShadows {

    /**
     * Paths two layers share; the later layer's copies win.
     *
     * @param earlier the index in the stack of the layer merged first
     * @param later   the index of the layer merged after it, whose copies the function sees
     * @param paths   the shared paths, sorted
     */
    public record Shadow(int earlier, int later, List<String> paths) {
        public Shadow {
            paths = List.copyOf(paths);
        }
    }

    private LayerShadows() {
    }

    /**
     * Every pair of layers that share files, earlier layer first, in stack order.
     *
     * @param stack the files of each layer in merge order; null for a layer whose files are not known
     */
    public static List<Shadow> of(List<Set<String>> stack) {
        List<Shadow> out = new ArrayList<>();
        for (int i = 0; i < stack.size(); i++) {
            Set<String> earlier = stack.get(i);
            if (earlier == null) {
                continue;
            }
            for (int j = i + 1; j < stack.size(); j++) {
                Set<String> later = stack.get(j);
                if (later == null) {
                    continue;
                }
                List<String> shared = earlier.stream().filter(later::contains).sorted().toList();
                if (!shared.isEmpty()) {
                    out.add(new Shadow(i, j, shared));
                }
            }
        }
        return out;
    }
}
