package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What goes into a layer: an immutable tree of {@link ContentNode}s keyed by their path
 * inside the layer, each pointing at its source on disk. Every change returns a new
 * tree, so a view can keep the old one for undo and compare the two.
 *
 * <p>Folders that hold something are always present: adding {@code python/a/b.py}
 * adds {@code python} and {@code python/a} too. When two sources claim the same file,
 * both are kept on the node and {@link #conflicts()} lists it until the user picks the
 * winner ({@link #resolve}, {@link #resolveAll}). Folders claimed twice merge.
 *
 * <p>Pure data: reading the disk (listing a folder, installing packages) happens in
 * the build engine, which hands the nodes it found to {@link #add(Collection)}.
 */
public final class LayerContent {

    private static final LayerContent EMPTY = new LayerContent(new TreeMap<>());

    private final NavigableMap<String, ContentNode> nodes;
    private volatile Totals totals;

    /** Counts over the whole tree: made once per tree, the first time any of them is asked for. */
    private record Totals(long files, long bytes, List<ContentNode> conflicts, Map<String, Long> folderBytes) {
    }

    private LayerContent(NavigableMap<String, ContentNode> nodes) {
        this.nodes = nodes;
    }

    public static LayerContent empty() {
        return EMPTY;
    }

    public static LayerContent of(Collection<ContentNode> nodes) {
        return EMPTY.add(nodes);
    }

    // ---- queries ----

    /** Every node, in path order. */
    public Collection<ContentNode> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public Optional<ContentNode> node(String path) {
        return Optional.ofNullable(nodes.get(LayerPaths.normalize(path)));
    }

    public boolean contains(String path) {
        return nodes.containsKey(LayerPaths.normalize(path));
    }

    /** The nodes directly inside a folder, in name order; {@code ""} for the top of the layer. */
    public List<ContentNode> children(String folder) {
        String prefix = folder == null || folder.isEmpty() ? "" : LayerPaths.normalize(folder) + "/";
        List<ContentNode> out = new ArrayList<>();
        for (ContentNode n : subtreeMap(prefix).values()) {
            if (n.path().indexOf('/', prefix.length()) < 0) {
                out.add(n);
            }
        }
        return out;
    }

    /** A node and everything below it, in path order. */
    public List<ContentNode> subtree(String path) {
        String p = LayerPaths.normalize(path);
        List<ContentNode> out = new ArrayList<>();
        ContentNode self = nodes.get(p);
        if (self != null) {
            out.add(self);
        }
        out.addAll(subtreeMap(p + "/").values());
        return out;
    }

    /** Files claimed by more than one source, in path order. */
    public List<ContentNode> conflicts() {
        return totals().conflicts();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public int size() {
        return nodes.size();
    }

    public long fileCount() {
        return totals().files();
    }

    /** Bytes of all files. */
    public long totalBytes() {
        return totals().bytes();
    }

    /** Bytes of the files at or below a path. */
    public long bytesUnder(String path) {
        String p = LayerPaths.normalize(path);
        ContentNode self = nodes.get(p);
        return self != null && !self.directory() ? self.size() : totals().folderBytes().getOrDefault(p, 0L);
    }

    /**
     * The counts behind {@link #fileCount()}, {@link #totalBytes()}, {@link #conflicts()}
     * and {@link #bytesUnder(String)}, in one pass over the tree. A tree is immutable, so
     * they are made once; whichever thread asks first does it (a background task can, so
     * that the window then finds them ready).
     */
    private Totals totals() {
        Totals t = totals;
        if (t == null) {
            long files = 0;
            long bytes = 0;
            List<ContentNode> conflicts = new ArrayList<>();
            Map<String, Long> folderBytes = new HashMap<>();
            for (ContentNode n : nodes.values()) {
                if (n.isConflict()) {
                    conflicts.add(n);
                }
                if (n.directory()) {
                    continue;
                }
                files++;
                bytes += n.size();
                for (String folder = n.parent(); !folder.isEmpty(); folder = LayerPaths.parent(folder)) {
                    folderBytes.merge(folder, n.size(), Long::sum);
                }
            }
            t = new Totals(files, bytes, List.copyOf(conflicts), Map.copyOf(folderBytes));
            totals = t;
        }
        return t;
    }

    // ---- changes ----

    /**
     * Adds nodes (with their full paths), creating the folders above them. A file whose
     * path is already taken by a different source becomes a conflict; a folder merges
     * with a folder. A file where a folder is (or the reverse) is refused.
     */
    public LayerContent add(Collection<ContentNode> added) {
        if (added.isEmpty()) {
            return this;
        }
        TreeMap<String, ContentNode> copy = new TreeMap<>(nodes);
        for (ContentNode n : added) {
            put(copy, n);
        }
        return new LayerContent(copy);
    }

    public LayerContent add(ContentNode... added) {
        return add(List.of(added));
    }

    /** Adds an empty folder (and the folders above it). */
    public LayerContent createFolder(String path) {
        return add(ContentNode.folder(path));
    }

    /** Removes a node and everything below it; nothing happens if it is not there. */
    public LayerContent remove(String path) {
        return removeAll(List.of(path));
    }

    /** Removes several nodes and everything below each. */
    public LayerContent removeAll(Collection<String> paths) {
        TreeMap<String, ContentNode> copy = null;
        for (String raw : paths) {
            String p = LayerPaths.normalize(raw);
            if (!nodes.containsKey(p) && subtreeMap(p + "/").isEmpty()) {
                continue;
            }
            if (copy == null) {
                copy = new TreeMap<>(nodes);
            }
            copy.remove(p);
            subtreeOf(copy, p + "/").clear();
        }
        return copy == null ? this : new LayerContent(copy);
    }

    /**
     * Moves a node, and everything below it, to a new path. What lands on a path that
     * is taken merges as {@link #add} does (a file on a file becomes a conflict).
     */
    public LayerContent move(String from, String to) {
        String src = LayerPaths.normalize(from);
        String dst = LayerPaths.normalize(to);
        if (!nodes.containsKey(src)) {
            throw new LayerStudioException("There is nothing at '" + src + "' in the layer to move.");
        }
        if (src.equals(dst)) {
            return this;
        }
        if (LayerPaths.isWithin(dst, src)) {
            throw new LayerStudioException("'" + src + "' cannot be moved into itself ('" + dst + "').");
        }
        TreeMap<String, ContentNode> copy = new TreeMap<>(nodes);
        List<ContentNode> moving = new ArrayList<>();
        moving.add(copy.remove(src));
        NavigableMap<String, ContentNode> below = subtreeOf(copy, src + "/");
        moving.addAll(below.values());
        below.clear();
        for (ContentNode n : moving) {
            put(copy, n.withPath(dst + n.path().substring(src.length())));
        }
        return new LayerContent(copy);
    }

    /** Moves a node into a folder, keeping its name; {@code ""} is the top of the layer. */
    public LayerContent moveInto(String path, String folder) {
        String src = LayerPaths.normalize(path);
        if (folder != null && !folder.isEmpty()) {
            ContentNode target = nodes.get(LayerPaths.normalize(folder));
            if (target != null && !target.directory()) {
                throw new LayerStudioException("'" + target.path() + "' is a file, not a folder.");
            }
        }
        return move(src, LayerPaths.join(folder, LayerPaths.name(src)));
    }

    /** Gives a node a new name in the same folder. */
    public LayerContent rename(String path, String newName) {
        String src = LayerPaths.normalize(path);
        return move(src, LayerPaths.join(LayerPaths.parent(src), LayerPaths.checkName(newName)));
    }

    /** Settles a conflict: {@code winner}, one of the node's sources, is the one that goes in. */
    public LayerContent resolve(String path, ContentSource winner) {
        String p = LayerPaths.normalize(path);
        ContentNode n = nodes.get(p);
        if (n == null || !n.sources().contains(winner)) {
            throw new LayerStudioException((winner == null ? "Nothing" : winner.describe()) + " does not claim '" + p
                    + "' in the layer.");
        }
        TreeMap<String, ContentNode> copy = new TreeMap<>(nodes);
        copy.put(p, new ContentNode(p, n.directory(), List.of(winner)));
        return new LayerContent(copy);
    }

    /**
     * Settles every conflict by a policy. {@link ConflictPolicy#FAIL} changes nothing:
     * the conflicts stay for the caller to report.
     */
    public LayerContent resolveAll(ConflictPolicy policy) {
        List<ContentNode> conflicts = conflicts();
        if (policy == ConflictPolicy.FAIL || conflicts.isEmpty()) {
            return this;
        }
        boolean mine = policy == ConflictPolicy.PREFER_MINE;
        TreeMap<String, ContentNode> copy = new TreeMap<>(nodes);
        for (ContentNode n : conflicts) {
            ContentSource winner = null;
            for (ContentSource s : n.sources()) {
                if (s.isUser() == mine) {
                    winner = s; // the later added of the preferred kind
                }
            }
            if (winner == null) {
                winner = n.sources().get(n.sources().size() - 1);
            }
            copy.put(n.path(), new ContentNode(n.path(), false, List.of(winner)));
        }
        return new LayerContent(copy);
    }

    // ---- internals ----

    private NavigableMap<String, ContentNode> subtreeMap(String prefix) {
        return subtreeOf(nodes, prefix);
    }

    /** Entries whose key starts with prefix (which ends with '/'), or every entry for "". */
    private static NavigableMap<String, ContentNode> subtreeOf(NavigableMap<String, ContentNode> map, String prefix) {
        if (prefix.isEmpty()) {
            return map;
        }
        // '0' is the character after '/': the range covers exactly the keys with this prefix.
        return map.subMap(prefix, true, prefix.substring(0, prefix.length() - 1) + '0', false);
    }

    private static void put(TreeMap<String, ContentNode> map, ContentNode node) {
        String parent = node.parent();
        if (!parent.isEmpty()) {
            ensureFolder(map, parent, node);
        }
        ContentNode existing = map.get(node.path());
        if (existing == null) {
            map.put(node.path(), node);
            return;
        }
        if (existing.directory() != node.directory()) {
            throw clash(existing, node);
        }
        if (existing.directory()) {
            if (existing.sources().isEmpty() && !node.sources().isEmpty()) {
                map.put(node.path(), node);
            }
            return;
        }
        List<ContentSource> merged = new ArrayList<>(existing.sources());
        for (ContentSource s : node.sources()) {
            if (!merged.contains(s)) {
                merged.add(s);
            }
        }
        map.put(node.path(), new ContentNode(node.path(), false, merged));
    }

    private static void ensureFolder(TreeMap<String, ContentNode> map, String folder, ContentNode cause) {
        ContentNode existing = map.get(folder);
        if (existing != null) {
            if (!existing.directory()) {
                throw clash(existing, ContentNode.folder(folder, cause.source()));
            }
            return;
        }
        String parent = LayerPaths.parent(folder);
        if (!parent.isEmpty()) {
            ensureFolder(map, parent, cause);
        }
        map.put(folder, ContentNode.folder(folder));
    }

    private static LayerStudioException clash(ContentNode existing, ContentNode added) {
        ContentNode file = existing.directory() ? added : existing;
        ContentNode folder = existing.directory() ? existing : added;
        return new LayerStudioException("'" + existing.path() + "' cannot be both a file ("
                + describe(file) + ") and a folder (" + describe(folder) + ").",
                "Rename or move one of them.", null);
    }

    private static String describe(ContentNode n) {
        ContentSource s = n.source();
        return s == null ? "a folder in the layer" : s.describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerContent other && nodes.equals(other.nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes);
    }

    @Override
    public String toString() {
        return "LayerContent[" + nodes.size() + " nodes, " + totalBytes() + " bytes]";
    }
}
