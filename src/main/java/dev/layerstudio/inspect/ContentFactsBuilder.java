package dev.layerstudio.inspect;

import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link LayerScan} into the {@link ContentFacts} a compatibility verdict needs: the
 * native code by processor, CPython and foreign OS (classified as {@link NativeChecks} does),
 * and where the Python code sits.
 */
final class ContentFactsBuilder {

    private static final Pattern SITE_PACKAGES = Pattern.compile("python/lib/python(\\d+\\.\\d+)/site-packages/.+");
    private static final Pattern VERSIONED_LIB = Pattern.compile("python/lib/python(\\d+)\\.(\\d+)/.+");

    private ContentFactsBuilder() {
    }

    static ContentFacts build(LayerScan scan) {
        Map<String, NativeFile> headers = new HashMap<>();
        scan.natives().forEach(n -> headers.put(n.path(), n));
        Groups machines = new Groups();
        Groups abis = new Groups();
        Groups foreignOs = new Groups();
        TreeSet<String> sitePackages = new TreeSet<>();
        int pythonRootFiles = 0;
        long unzipped = 0;
        for (ZipEntryInfo e : scan.entries()) {
            if (e.kind() == EntryKind.DIRECTORY) {
                continue;
            }
            unzipped += e.unzippedBytes();
            String path = e.path();
            Matcher site = SITE_PACKAGES.matcher(path);
            if (site.matches()) {
                sitePackages.add(site.group(1));
            } else if (path.startsWith("python/") && !path.startsWith("python/lib/")) {
                pythonRootFiles++;
            }
            NativeFile header = headers.get(path);
            if (e.kind() != EntryKind.FILE || header == null && !ScanAssembler.isBinaryCandidate(path)) {
                continue;
            }
            NativeChecks.Target t = NativeChecks.classify(path, header);
            if (t.os() != null) {
                foreignOs.add(t.os(), path);
            } else if (t.machine() != null) {
                machines.add(t.machine(), path);
            }
            if (t.abiDigits() != null && !onlyReadByItsOwnPython(path, t.abiDigits())) {
                abis.add(t.abiDigits(), path);
            }
        }
        return new ContentFacts(scan.sha256(), unzipped, machines.list(), abis.list(), foreignOs.list(),
                List.copyOf(sitePackages), pythonRootFiles, scan.skippedHeaders() == 0);
    }

    /**
     * A module under {@code python/lib/pythonX.Y/} built for CPython X.Y is read by that
     * runtime only, which can import it: it says nothing against the layer.
     */
    private static boolean onlyReadByItsOwnPython(String path, String abiDigits) {
        Matcher m = VERSIONED_LIB.matcher(path);
        return m.matches() && (m.group(1) + m.group(2)).equals(abiDigits);
    }

    /** Files counted by value, with the first one seen as an example. */
    private static final class Groups {
        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private final Map<String, String> examples = new HashMap<>();

        void add(String value, String path) {
            counts.computeIfAbsent(value, v -> new int[1])[0]++;
            examples.putIfAbsent(value, path);
        }

        List<ContentFacts.Group> list() {
            List<ContentFacts.Group> out = new ArrayList<>();
            counts.forEach((value, n) -> out.add(new ContentFacts.Group(value, n[0], examples.get(value))));
            out.sort((a, b) -> Integer.compare(b.files(), a.files()));
            return out;
        }
    }
}
