package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.SizeNode;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the size tree of a layer: folders (made up where the zip has no entry for them) and files. */
final class SizeTrees {

    private static final Comparator<SizeNode> LARGEST_FIRST =
            Comparator.comparingLong(SizeNode::bytes).reversed().thenComparing(SizeNode::name);

    private SizeTrees() {
    }

    static SizeNode build(List<ZipEntryInfo> entries) {
        Map<String, Node> nodes = new HashMap<>();
        Node root = new Node("", "", EntryKind.DIRECTORY);
        nodes.put("", root);
        for (ZipEntryInfo e : entries) {
            String path = trimSlashes(e.path());
            if (path.isEmpty()) {
                continue;
            }
            Node node = nodes.get(path);
            if (node == null) {
                node = new Node(name(path), path, e.kind());
                nodes.put(path, node);
                attach(node, nodes);
            }
            if (e.kind() == EntryKind.DIRECTORY) {
                continue;
            }
            node.kind = e.kind();
            for (Node n = node; n != null; n = n.parent) {
                n.bytes += e.unzippedBytes();
                n.zipped += e.zippedBytes();
                n.files++;
            }
        }
        return root.toSizeNode();
    }

    /** Hangs a node under its parent folder, making the folders the zip has no entry for. */
    private static void attach(Node node, Map<String, Node> nodes) {
        int slash = node.path.lastIndexOf('/');
        String parentPath = slash < 0 ? "" : node.path.substring(0, slash);
        Node parent = nodes.get(parentPath);
        if (parent == null) {
            parent = new Node(name(parentPath), parentPath, EntryKind.DIRECTORY);
            nodes.put(parentPath, parent);
            attach(parent, nodes);
        }
        node.parent = parent;
        parent.children.put(node.name, node);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static final class Node {
        final String name;
        final String path;
        EntryKind kind;
        Node parent;
        final Map<String, Node> children = new LinkedHashMap<>();
        long bytes;
        long zipped;
        int files;

        Node(String name, String path, EntryKind kind) {
            this.name = name;
            this.path = path;
            this.kind = kind;
        }

        SizeNode toSizeNode() {
            List<SizeNode> kids = new ArrayList<>(children.size());
            for (Node c : children.values()) {
                kids.add(c.toSizeNode());
            }
            kids.sort(LARGEST_FIRST);
            return new SizeNode(name, path, kind, bytes, zipped, files, kids);
        }
    }
}
