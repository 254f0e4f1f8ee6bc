package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.PackageKind;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says which package every file of a layer belongs to: first by the {@code RECORD} of
 * each installed distribution, then by top-level name ({@code top_level.txt}, the
 * distribution's own name, its {@code .libs} folder); what is left is the user's own
 * code, grouped by top-level folder or module. A file under a {@code node_modules} folder
 * belongs to the Node.js package folder it is in (the innermost one, so a nested dependency
 * counts as its own package), with the version its {@code package.json} gives.
 */
final class PackageAttribution {

    static final String PYTHON_ROOT = "python/";
    private static final Pattern SITE_PACKAGES = Pattern.compile("python/lib/python\\d+\\.\\d+/site-packages/");

    /**
     * @param packages every package, largest first
     * @param owners   the package name of each entry (by index), null for folders
     * @param ownCode  whether each entry (by index) is own code: no installed distribution owns it
     */
    record Result(List<PackageUsage> packages, String[] owners, boolean[] ownCode) {
    }

    private PackageAttribution() {
    }

    static Result attribute(LayerScan scan) {
        Map<String, Distribution> byPath = new HashMap<>();
        Map<String, Distribution> byTop = new HashMap<>();
        Map<Distribution, List<String>> topLevels = new IdentityHashMap<>(); // a record hashes all its files
        for (Distribution d : scan.distributions()) {
            d.files().forEach(f -> byPath.putIfAbsent(f, d));
            List<String> tops = topLevel(d);
            topLevels.put(d, tops);
            for (String top : tops) {
                byTop.putIfAbsent(d.root() + top, d);
                byTop.putIfAbsent(d.root() + top + ".libs", d);
            }
            String normalized = normalize(d.name());
            byTop.putIfAbsent(d.root() + normalized, d);
            byTop.putIfAbsent(d.root() + normalized + ".libs", d);
            byTop.put(d.metaDir(), d);
        }

        List<ZipEntryInfo> entries = scan.entries();
        String[] owners = new String[entries.size()];
        boolean[] ownCode = new boolean[entries.size()];
        Map<String, Acc> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ZipEntryInfo e = entries.get(i);
            if (e.kind() == EntryKind.DIRECTORY) {
                continue;
            }
            String[] node = nodePackage(e.path());
            Acc acc = node != null
                    ? groups.computeIfAbsent("node:" + node[0] + node[1], k -> new Acc(node[1],
                            scan.nodeVersions().get(node[0] + node[1]), PackageKind.DISTRIBUTION, node[0],
                            List.of(node[1])))
                    : group(e.path(), byPath, byTop, topLevels, groups);
            acc.bytes += e.unzippedBytes();
            acc.zipped += e.zippedBytes();
            acc.files++;
            owners[i] = acc.name;
            ownCode[i] = acc.kind == PackageKind.OWN_CODE;
        }
        List<PackageUsage> packages = groups.values().stream()
                .map(a -> new PackageUsage(a.name, a.version, a.kind, a.root, a.topLevel, a.bytes, a.zipped, a.files))
                .sorted(Comparator.comparingLong(PackageUsage::bytes).reversed().thenComparing(PackageUsage::name))
                .toList();
        return new Result(packages, owners, ownCode);
    }

    private static Acc group(String path, Map<String, Distribution> byPath, Map<String, Distribution> byTop,
                             Map<Distribution, List<String>> topLevels, Map<String, Acc> groups) {
        Distribution d = byPath.get(path);
        String root = root(path);
        String rest = path.substring(root.length());
        int slash = rest.indexOf('/');
        String top = slash < 0 ? rest : rest.substring(0, slash);
        if (d == null && !root.isEmpty()) {
            d = byTop.get(root + top);
            if (d == null) {
                d = byTop.get(root + moduleName(top));
            }
        }
        if (d != null) {
            Distribution dist = d;
            return groups.computeIfAbsent(dist.metaDir(), k -> new Acc(dist.name(), dist.version(),
                    PackageKind.DISTRIBUTION, dist.root(), topLevels.get(dist)));
        }
        String name = root.isEmpty() || slash >= 0 ? top : moduleName(top);
        return groups.computeIfAbsent("own:" + root + name,
                k -> new Acc(name, null, PackageKind.OWN_CODE, root, List.of(name)));
    }

    /** The site folder a path is in ({@code python/lib/python3.X/site-packages/}, {@code python/}), or "". */
    static String root(String path) {
        if (path.startsWith("python/lib/python")) {
            Matcher m = SITE_PACKAGES.matcher(path);
            if (m.lookingAt()) {
                return m.group();
            }
        }
        return path.startsWith(PYTHON_ROOT) ? PYTHON_ROOT : "";
    }

    /**
     * The innermost {@code node_modules/} folder a path is in and the package folder under it
     * ({@code sharp}, {@code @img/sharp-linux-arm64}); null outside node_modules or for a file
     * lying right in it.
     */
    static String[] nodePackage(String path) {
        int at = path.lastIndexOf("node_modules/");
        if (at < 0 || (at > 0 && path.charAt(at - 1) != '/')) {
            return null;
        }
        String root = path.substring(0, at + "node_modules/".length());
        String[] segments = path.substring(root.length()).split("/");
        if (segments[0].startsWith("@")) {
            return segments.length < 3 ? null : new String[] {root, segments[0] + "/" + segments[1]};
        }
        return segments.length < 2 || segments[0].startsWith(".") ? null : new String[] {root, segments[0]};
    }

    /** {@code six.py} → six; {@code _cffi_backend.cpython-312-x86_64-linux-gnu.so} → _cffi_backend. */
    static String moduleName(String fileName) {
        int dot = fileName.indexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    /** PEP 503 normalisation, with underscores as folder names use them. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
    }

    /** {@code top_level.txt}, or (for wheels that have none) the top-level names its RECORD installs. */
    private static List<String> topLevel(Distribution d) {
        if (!d.topLevel().isEmpty()) {
            return d.topLevel().stream().map(t -> t.replace('\\', '/')).toList();
        }
        Set<String> tops = new TreeSet<>();
        for (String f : d.files()) {
            if (!f.startsWith(d.root())) {
                continue;
            }
            String rest = f.substring(d.root().length());
            int slash = rest.indexOf('/');
            String top = slash < 0 ? moduleName(rest) : rest.substring(0, slash);
            if (!top.isEmpty() && !top.endsWith(".dist-info") && !top.endsWith(".data") && !top.endsWith(".libs")
                    && !top.equals("__pycache__") && !rest.endsWith(".pth") && !top.equals("bin")) {
                tops.add(top);
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(tops));
    }

    private static final class Acc {
        final String name;
        final String version;
        final PackageKind kind;
        final String root;
        final List<String> topLevel;
        long bytes;
        long zipped;
        int files;

        Acc(String name, String version, PackageKind kind, String root, List<String> topLevel) {
            this.name = name;
            this.version = version;
            this.kind = kind;
            this.root = root;
            this.topLevel = topLevel;
        }
    }
}
