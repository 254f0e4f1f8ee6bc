package dev.layerstudio.ui.project;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user deleted in the layer tree from inside a folder they added as their own code, per
 * added folder: everything the tree has held of that folder since the project was opened (or the
 * folder added), less what it holds now; the project keeps it as the code entry's {@code exclude}.
 * A file of the folder that lost a conflict to an installed file keeps its place in the layer, so it
 * is not counted as deleted (the project's conflict policy says who wins). Reads no disk.
 */
final class CodeExclusions {

    /** Per added folder: each path inside it seen in the tree, and where in the layer (null: left out by the project). */
    private final Map<Path, Map<String, String>> seen = new HashMap<>();

    /** Starts over (a new layer, or another project). */
    void forget() {
        seen.clear();
    }

    /** What an opened project leaves out of its folders stays left out. */
    void keep(List<AddedPath> code) {
        for (AddedPath a : code) {
            Map<String, String> inside = seen.computeIfAbsent(a.source().toAbsolutePath().normalize(),
                    k -> new HashMap<>());
            a.exclude().forEach(e -> inside.putIfAbsent(e, null));
        }
    }

    /**
     * Notes what {@code content} holds of each added folder, then gives, per added folder, what is
     * left out of it: the fewest paths (a folder left out stands for what is below it), sorted.
     */
    Map<Path, List<String>> of(LayerContent content) {
        Map<Path, Set<String>> present = new HashMap<>();
        if (content != null) {
            for (ContentNode n : content.nodes()) {
                for (ContentSource s : n.sources()) {
                    if (s instanceof ContentSource.User u && !u.file().equals(u.added())) {
                        String rel = relative(u.added(), u.file());
                        present.computeIfAbsent(u.added(), k -> new HashSet<>()).add(rel);
                        seen.computeIfAbsent(u.added(), k -> new HashMap<>()).put(rel, n.path());
                    }
                }
            }
        }
        Map<Path, List<String>> left = new HashMap<>();
        seen.forEach((root, inside) -> {
            Set<String> now = present.getOrDefault(root, Set.of());
            TreeSet<String> gone = new TreeSet<>();
            inside.forEach((rel, place) -> {
                if (!now.contains(rel) && (place == null || content == null || !content.contains(place))) {
                    gone.add(rel);
                }
            });
            List<String> fewest = new ArrayList<>();
            for (String rel : gone) {
                if (fewest.stream().noneMatch(f -> LayerPaths.isWithin(rel, f))) {
                    fewest.add(rel);
                }
            }
            if (!fewest.isEmpty()) {
                left.put(root, List.copyOf(fewest));
            }
        });
        return left;
    }

    private static String relative(Path root, Path file) {
        String rel = root.relativize(file).toString();
        String sep = file.getFileSystem().getSeparator();
        return sep.equals("/") ? rel : rel.replace(sep, "/");
    }
}
