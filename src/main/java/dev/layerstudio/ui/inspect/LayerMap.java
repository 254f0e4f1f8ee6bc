package dev.layerstudio.ui.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.PackageKind;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.SizeNode;
import dev.layerstudio.ui.treemap.TreemapItem;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A layer's size tree as the Inspect page shows it: which package each path belongs to,
 * and what kind of content it is (installed, own code, native, caches), as a treemap tree.
 * A folder takes the kind that most of its bytes have.
 */
public final class LayerMap {

    private final Map<String, PackageUsage> owners = new HashMap<>();
    private final InspectionReport report;
    private final TreemapItem tree;

    /** Made off the JavaFX thread: it walks every entry of the report. */
    public LayerMap(InspectionReport report, String title) {
        this.report = report;
        for (PackageUsage p : report.packages()) {
            index(p);
        }
        tree = item(report.sizeTree(), title);
    }

    /** The report this map was made from. */
    public InspectionReport report() {
        return report;
    }

    /** The treemap tree; its top is the whole layer. */
    public TreemapItem tree() {
        return tree;
    }

    /** The package (or own-code folder) a path belongs to, or null. */
    public PackageUsage packageOf(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            PackageUsage owner = owners.get(p.toLowerCase(Locale.ROOT));
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    /** The kind of one file, by its name and the package it belongs to. */
    TreemapItem.Kind kindOfFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (path.contains("__pycache__/") || name.endsWith(".pyc") || name.endsWith(".pyo")) {
            return TreemapItem.Kind.CACHE;
        }
        if (name.endsWith(".so") || name.contains(".so.") || name.endsWith(".pyd") || name.endsWith(".dylib")
                || name.endsWith(".dll")) {
            return TreemapItem.Kind.NATIVE;
        }
        PackageUsage owner = packageOf(path);
        if (owner == null) {
            return TreemapItem.Kind.OTHER;
        }
        return owner.kind() == PackageKind.DISTRIBUTION ? TreemapItem.Kind.INSTALLED : TreemapItem.Kind.OWN_CODE;
    }

    private void index(PackageUsage p) {
        String root = p.root() == null ? "" : p.root();
        if (p.kind() == PackageKind.OWN_CODE) {
            put(root + p.name(), p);
            put(root + p.name() + ".py", p);
            return;
        }
        String normalized = p.name().replace('-', '_');
        for (String name : List.of(p.name(), normalized)) {
            put(root + name, p);
            put(root + name + ".py", p);
            put(root + name + ".libs", p);
            if (p.version() != null) {
                put(root + name + "-" + p.version() + ".dist-info", p);
            }
        }
        for (String top : p.topLevel()) {
            put(root + top, p);
            put(root + top + ".py", p);
            put(root + top + ".libs", p);
        }
    }

    private void put(String path, PackageUsage p) {
        owners.putIfAbsent(stripSlash(path).toLowerCase(Locale.ROOT), p);
    }

    private TreemapItem item(SizeNode node, String title) {
        String name = node.path().isEmpty() ? title : node.name();
        PackageUsage owner = packageOf(node.path());
        String group = owner == null ? null : owner.name();
        if (node.children().isEmpty()) {
            TreemapItem.Kind kind = node.kind() == EntryKind.DIRECTORY ? TreemapItem.Kind.OTHER
                    : kindOfFile(node.path());
            return new TreemapItem(name, node.path(), node.bytes(), kind, group, node.files(), List.of());
        }
        List<TreemapItem> children = node.children().stream().map(c -> item(c, c.name())).toList();
        return new TreemapItem(name, node.path(), node.bytes(), dominant(children), group, node.files(), children);
    }

    /** The kind most of the bytes below have. */
    private static TreemapItem.Kind dominant(List<TreemapItem> children) {
        Map<TreemapItem.Kind, Long> bytes = new EnumMap<>(TreemapItem.Kind.class);
        for (TreemapItem c : children) {
            bytes.merge(c.kind(), c.size(), Long::sum);
        }
        return bytes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(TreemapItem.Kind.OTHER);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
