package dev.layerstudio.ui.project;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerPaths;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.Runtime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The user's own code in a layer tree as a project's {@code [[code]]} entries: one per file or
 * folder added, at its place now. A folder whose own node merged into an installed package's
 * folder of that name is found through the files below it. A piece the user moved out of an added
 * folder becomes an entry of its own at its new place, and is left out of the folder, so building
 * the project gives the tree as the user left it.
 */
final class CodeEntries {

    private final Map<Path, String> places = new LinkedHashMap<>();
    private final Map<Path, TreeSet<String>> leftOut = new LinkedHashMap<>();

    private CodeEntries(LayerContent content, Map<Path, List<String>> excluded) {
        excluded.forEach((root, paths) -> leftOut.put(root, new TreeSet<>(paths)));
        Map<Path, Map<String, Integer>> placesSeenBelow = new LinkedHashMap<>();
        for (ContentNode n : content.nodes()) {
            for (ContentSource s : n.sources()) {
                if (s instanceof ContentSource.User u && u.file().equals(u.added())) {
                    places.putIfAbsent(u.added(), n.path());
                } else if (s instanceof ContentSource.User u && u.file().startsWith(u.added())) {
                    String place = placeOfFolder(n.path(), relative(u));
                    if (place != null) {
                        placesSeenBelow.computeIfAbsent(u.added(), k -> new LinkedHashMap<>()).merge(place, 1,
                                Integer::sum);
                    }
                }
            }
        }
        // a folder whose own node lost its source (merged with an installed package's folder of
        // that name) is still in the layer: its place is where most of its files say it is
        placesSeenBelow.forEach((added, seen) -> places.computeIfAbsent(added, k -> seen.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        findMovedPieces(content);
    }

    /** See {@link ProjectMapping#codeOf(LayerContent, Runtime, Layout, List, Map)}. */
    static List<AddedPath> of(LayerContent content, Runtime runtime, Layout layout, List<Path> order,
                              Map<Path, List<String>> excluded) {
        if (content == null) {
            return List.of();
        }
        CodeEntries entries = new CodeEntries(content, excluded);
        Comparator<Map.Entry<Path, String>> byOrder = Comparator.comparingInt(e -> {
            int i = order.indexOf(e.getKey());
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        List<AddedPath> code = new ArrayList<>();
        entries.places.entrySet().stream().sorted(byOrder.thenComparing(Map.Entry.comparingByValue())).forEach(e -> {
            AddedPath byDefault = ProjectMapping.placed(new AddedPath(e.getKey(), null), runtime, layout);
            code.add(new AddedPath(e.getKey(), byDefault.resolvedDestination().equals(e.getValue()) ? null
                    : e.getValue(), entries.fewest(e.getKey())));
        });
        return code;
    }

    /**
     * Pieces of an added folder that are not where the folder puts them (the user moved them):
     * the highest such node stands for what moved with it.
     */
    private void findMovedPieces(LayerContent content) {
        Map<Path, String> pieces = new LinkedHashMap<>();
        List<ContentNode> byPath = content.nodes().stream().sorted(Comparator.comparing(ContentNode::path)).toList();
        for (ContentNode n : byPath) {
            for (ContentSource s : n.sources()) {
                if (!(s instanceof ContentSource.User u) || u.file().equals(u.added()) || !places.containsKey(u.added())
                        || !u.file().startsWith(u.added())) {
                    continue;
                }
                String rel = slashed(relative(u));
                String expected = places.get(u.added()) + "/" + rel;
                boolean underAMovedPiece = pieces.entrySet().stream().anyMatch(p -> u.file().startsWith(p.getKey())
                        && LayerPaths.isWithin(n.path(), p.getValue()));
                if (!n.path().equals(expected) && !underAMovedPiece) {
                    pieces.put(u.file(), n.path());
                    leftOut.computeIfAbsent(u.added(), k -> new TreeSet<>()).add(rel);
                }
            }
        }
        pieces.forEach(places::putIfAbsent);
    }

    /** What is left out of {@code root}: the fewest paths (a folder left out stands for what is below it). */
    private List<String> fewest(Path root) {
        List<String> fewest = new ArrayList<>();
        for (String rel : leftOut.getOrDefault(root, new TreeSet<>())) {
            if (fewest.stream().noneMatch(f -> LayerPaths.isWithin(rel, f))) {
                fewest.add(rel);
            }
        }
        return List.copyOf(fewest);
    }

    private static Path relative(ContentSource.User u) {
        return u.added().relativize(u.file());
    }

    private static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** Where a folder is when a file at {@code relative} inside it is at {@code nodePath}; null when it cannot be. */
    private static String placeOfFolder(String nodePath, Path relative) {
        String suffix = "/" + slashed(relative);
        return nodePath.endsWith(suffix) && nodePath.length() > suffix.length()
                ? nodePath.substring(0, nodePath.length() - suffix.length()) : null;
    }
}
