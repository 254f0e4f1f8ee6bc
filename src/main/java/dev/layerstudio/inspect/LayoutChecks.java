package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.LayerLayout;
import dev.layerstudio.model.Severity;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the layer puts things, against where Lambda looks for them. */
final class LayoutChecks {

    /**
     * Top-level folders Lambda gives a meaning to: python/ on sys.path, nodejs/ for NODE_PATH, java/ and
     * ruby/ for those runtimes, bin/ on PATH, lib/ for libraries, extensions/. A node_modules/ at the top
     * is {@link NodeChecks}' to report.
     */
    static final Set<String> KNOWN_TOP_LEVEL = Set.of("python", "nodejs", "java", "ruby", "bin", "lib", "extensions",
            "node_modules");

    private static final Pattern VERSION_DIR = Pattern.compile("python/lib/python(\\d+\\.\\d+)(?:/.*)?");
    private static final Pattern SITE_CONTENT = Pattern.compile("python/lib/python\\d+\\.\\d+/site-packages/.+");
    private static final Pattern NODE_CONTENT = Pattern.compile("nodejs/(?:node\\d+/)?node_modules/.+");
    private static final Pattern LIB_PREFIX = Pattern.compile("python/lib(?:/python\\d+\\.\\d+(?:/site-packages)?)?");

    private LayoutChecks() {
    }

    /** The X.Y of every {@code python/lib/pythonX.Y} folder. */
    static List<String> pythonVersions(List<ZipEntryInfo> entries) {
        Set<String> versions = new TreeSet<>();
        for (ZipEntryInfo e : entries) {
            Matcher m = e.path().startsWith("python/lib/python") ? VERSION_DIR.matcher(e.path()) : null;
            if (m != null && m.matches()) {
                versions.add(m.group(1));
            }
        }
        return List.copyOf(versions);
    }

    static LayerLayout layout(List<ZipEntryInfo> entries) {
        boolean files = false;
        boolean direct = false;
        boolean site = false;
        boolean node = false;
        for (ZipEntryInfo e : entries) {
            String p = e.path();
            files |= e.kind() != EntryKind.DIRECTORY;
            node |= e.kind() != EntryKind.DIRECTORY && NODE_CONTENT.matcher(p).matches();
            if (!p.startsWith(PackageAttribution.PYTHON_ROOT) || p.length() == PackageAttribution.PYTHON_ROOT.length()) {
                continue;
            }
            if (!p.startsWith("python/lib")) {
                direct = true;
            } else if (SITE_CONTENT.matcher(p).matches()) {
                site = true;
            } else if (!LIB_PREFIX.matcher(p).matches()) {
                direct = true;
            }
        }
        if (!files) {
            return LayerLayout.EMPTY;
        }
        if (direct && site) {
            return LayerLayout.MIXED;
        }
        return site ? LayerLayout.SITE_PACKAGES : direct ? LayerLayout.PYTHON
                : node ? LayerLayout.NODE_MODULES : LayerLayout.NOT_PYTHON;
    }

    static List<Finding> check(CheckContext ctx, LayerLayout layout, List<String> pythonVersions) {
        List<Finding> out = new ArrayList<>();
        strayTopLevel(ctx, layout, out);
        if (ctx.runtime() != null && ctx.runtime().isPython()) {
            for (String version : pythonVersions) {
                if (!version.equals(ctx.runtime().pythonVersion())) {
                    versionMismatch(ctx, version, out);
                }
            }
        }
        return out;
    }

    private static void strayTopLevel(CheckContext ctx, LayerLayout layout, List<Finding> out) {
        if (ctx.runtime() != null && !ctx.runtime().isPython()) {
            return; // "not under python/" means nothing to another language
        }
        Map<String, long[]> stray = new LinkedHashMap<>();
        Map<String, Boolean> hasPython = new LinkedHashMap<>();
        for (ZipEntryInfo e : ctx.entries()) {
            String p = e.path();
            if (p.isEmpty() || ArchiveChecks.unsafeReason(p) != null) {
                continue;
            }
            int slash = p.indexOf('/');
            String top = slash < 0 ? p : p.substring(0, slash);
            if (KNOWN_TOP_LEVEL.contains(top)) {
                continue;
            }
            String key = slash < 0 && e.kind() != EntryKind.DIRECTORY ? top : top + "/";
            stray.computeIfAbsent(key, k -> new long[1])[0] += e.unzippedBytes();
            hasPython.merge(key, p.endsWith(".py"), Boolean::logicalOr);
        }
        stray.forEach((item, bytes) -> {
            boolean code = hasPython.get(item);
            Severity severity = code && layout == LayerLayout.NOT_PYTHON ? Severity.ERROR
                    : FindingCode.NOT_UNDER_PYTHON.severity();
            String message = item + " is at the top of the layer, not under python/: layers are extracted to /opt"
                    + " and only /opt/python (and /opt/python/lib/pythonX.Y/site-packages) is on sys.path, so "
                    + (code ? "Python will not find it. Move it under python/." : "your code will not see it as a module.");
            String path = item.endsWith("/") ? item.substring(0, item.length() - 1) : item;
            out.add(new Finding(FindingCode.NOT_UNDER_PYTHON, severity, message, path, List.of(path), bytes[0]));
        });
    }

    private static void versionMismatch(CheckContext ctx, String version, List<Finding> out) {
        String folder = "python/lib/python" + version;
        long bytes = 0;
        for (ZipEntryInfo e : ctx.entries()) {
            if (e.path().startsWith(folder + "/")) {
                bytes += e.unzippedBytes();
            }
        }
        String runtime = ctx.runtime().id();
        out.add(new Finding(FindingCode.PYTHON_VERSION_MISMATCH, FindingCode.PYTHON_VERSION_MISMATCH.severity(),
                folder + "/site-packages is on sys.path only for python" + version + "; with " + runtime
                        + " nothing in it can be imported. Rebuild for " + runtime
                        + " or put the packages directly under python/.", folder, List.of(folder), bytes));
    }
}
