package dev.layerstudio.inspect;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js layers: whether Lambda reads the {@code node_modules} folders the layer has
 * ({@code /opt/nodejs/node_modules} and {@code /opt/nodejs/nodeNN/node_modules} are on
 * NODE_PATH, nothing else), and the files Node.js never loads (documentation, tests,
 * source maps, TypeScript sources) with the bytes they take.
 */
final class NodeChecks {

    /** The folders Lambda puts on NODE_PATH, NN being the runtime's major version. */
    private static final Pattern READ = Pattern.compile("nodejs/(?:node(\\d+)/)?node_modules(?:/.*)?");
    private static final Set<String> DOC_FILES = Set.of("readme", "changelog", "history", "changes", "authors",
            "contributing");
    private static final Set<String> DOC_DIRS = Set.of("doc", "docs", "example", "examples");
    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "spec", "__mocks__");

    private NodeChecks() {
    }

    /** The Node.js major version a layer names in {@code nodejs/nodeNN/node_modules}, when it names one only. */
    static Optional<Runtime> runtimeFromFolders(List<ZipEntryInfo> entries) {
        Set<String> versions = new LinkedHashSet<>();
        for (ZipEntryInfo e : entries) {
            Matcher m = e.path().startsWith("nodejs/node") ? READ.matcher(e.path()) : null;
            if (m != null && m.matches() && m.group(1) != null) {
                versions.add(m.group(1));
            }
        }
        return versions.size() == 1 ? Runtime.fromId("nodejs" + versions.iterator().next() + ".x") : Optional.empty();
    }

    static List<Finding> check(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        unread(ctx, out);
        slimming(ctx, out);
        return out;
    }

    /** node_modules folders outside the two Lambda reads, and nodeNN folders of another version. */
    private static void unread(CheckContext ctx, List<Finding> out) {
        Map<String, Long> unread = new LinkedHashMap<>();
        Map<String, Long> otherVersion = new LinkedHashMap<>();
        Runtime runtime = ctx.runtime();
        for (ZipEntryInfo e : ctx.entries()) {
            String p = e.path();
            int at = p.indexOf("node_modules");
            if (at < 0 || !(p.startsWith("node_modules") || p.startsWith("nodejs/"))) {
                continue;
            }
            Matcher m = READ.matcher(p);
            if (!m.matches()) {
                String folder = p.substring(0, at) + "node_modules";
                if (p.startsWith(folder) && (p.length() == folder.length() || p.charAt(folder.length()) == '/')) {
                    unread.merge(folder, e.unzippedBytes(), Long::sum);
                }
            } else if (m.group(1) != null && runtime != null && runtime.isNode()
                    && Integer.parseInt(m.group(1)) != runtime.major()) {
                otherVersion.merge("nodejs/node" + m.group(1) + "/node_modules", e.unzippedBytes(), Long::sum);
            }
        }
        unread.forEach((folder, bytes) -> {
            String fix = folder.equals("node_modules") ? "move it to nodejs/node_modules"
                    : "move its contents to nodejs/node_modules";
            out.add(Finding.of(FindingCode.NODE_LAYOUT_NOT_READ, folder + "/ is not a folder Node.js on Lambda reads:"
                    + " layers are extracted to /opt, and only /opt/nodejs/node_modules and"
                    + " /opt/nodejs/nodeNN/node_modules are on NODE_PATH, so require() will not find these packages;"
                    + " " + fix + ".", List.of(folder), bytes));
        });
        otherVersion.forEach((folder, bytes) -> out.add(Finding.of(FindingCode.NODE_VERSION_MISMATCH, folder
                + " is read only by the Node.js runtime of that version; with " + runtime.id()
                + " its packages are not found. Rebuild for " + runtime.id() + " or use nodejs/node_modules.",
                List.of(folder), bytes)));
    }

    /** Files inside Node.js packages that run-time code never loads, one finding per kind. */
    private static void slimming(CheckContext ctx, List<Finding> out) {
        Kind docs = new Kind("documentation (README, CHANGELOG, docs folders)");
        Kind tests = new Kind("test folders (test, __tests__, spec)");
        Kind maps = new Kind("source maps (*.map)");
        Kind ts = new Kind("TypeScript sources and declarations (*.ts)");
        for (ZipEntryInfo e : ctx.entries()) {
            if (e.kind() != EntryKind.FILE) {
                continue;
            }
            String[] pkg = PackageAttribution.nodePackage(e.path());
            if (pkg == null) {
                continue;
            }
            String packageDir = pkg[0] + pkg[1];
            String inside = e.path().substring(packageDir.length() + 1);
            String lower = inside.toLowerCase(Locale.ROOT);
            String name = e.name().toLowerCase(Locale.ROOT);
            int dot = name.indexOf('.');
            String stem = dot < 0 ? name : name.substring(0, dot);
            String folder = firstFolder(inside, DOC_DIRS);
            String testFolder = firstFolder(inside, TEST_DIRS);
            if (testFolder != null) {
                tests.add(packageDir + "/" + testFolder, e);
            } else if (folder != null) {
                docs.add(packageDir + "/" + folder, e);
            } else if (DOC_FILES.contains(stem) && (name.equals(stem) || name.endsWith(".md") || name.endsWith(".txt")
                    || name.endsWith(".markdown"))) {
                docs.add(e.path(), e);
            } else if (lower.endsWith(".md") && !lower.contains("/")) {
                docs.add(e.path(), e);
            } else if (name.endsWith(".map")) {
                maps.add(e.path(), e);
            } else if (name.endsWith(".ts") || name.endsWith(".mts") || name.endsWith(".cts")) {
                ts.add(e.path(), e);
            }
        }
        for (Kind k : List.of(docs, tests, maps, ts)) {
            if (k.files > 0) {
                out.add(Finding.of(FindingCode.NODE_SLIMMING, Sizes.count(k.files, "file", "files") + " of "
                        + k.label + " in Node.js packages take " + ByteSizes.human(k.bytes)
                        + "; Node.js never loads them at run time, so leaving them out saves that much.",
                        new ArrayList<>(k.paths), k.bytes));
            }
        }
    }

    /** The first folder of {@code inside} (a path within a package) named one of {@code names}, as a path. */
    private static String firstFolder(String inside, Set<String> names) {
        String[] segments = inside.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals("node_modules")) {
                return null;
            }
            if (names.contains(segments[i].toLowerCase(Locale.ROOT))) {
                return String.join("/", java.util.Arrays.copyOf(segments, i + 1));
            }
        }
        return null;
    }

    private static final class Kind {
        final String label;
        final Set<String> paths = new LinkedHashSet<>();
        long bytes;
        int files;

        Kind(String label) {
            this.label = label;
        }

        void add(String path, ZipEntryInfo e) {
            paths.add(path);
            bytes += e.unzippedBytes();
            files++;
        }
    }
}
