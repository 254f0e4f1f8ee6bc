package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.PublishedStart;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.model.ZipEntryInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Turns a layer zip into a starting point for a project: pins from its distributions, its own
 * files extracted through {@link SafeExtractor}, and the build choices its content shows
 * (layout, installer, slimming, kept scripts).
 */
final class VersionUnpacker {

    private static final Set<String> TEST_FOLDERS = Set.of("tests", "test");
    private static final Set<String> DOC_FOLDERS = Set.of("doc", "docs");

    private VersionUnpacker() {
    }

    /** Reads {@code scan} (of {@code zip}) and extracts its own files into {@code codeDir}, which must be empty. */
    static PublishedStart unpack(LayerScan scan, Path zip, Path codeDir) throws IOException {
        if (Files.isDirectory(codeDir)) {
            try (var list = Files.list(codeDir)) {
                if (list.findAny().isPresent()) {
                    throw new LayerStudioException(codeDir + " is not empty; nothing was extracted into it.",
                            "Choose a new folder.", null);
                }
            }
        }
        PackageAttribution.Result owners = PackageAttribution.attribute(scan);
        List<String> notes = new ArrayList<>();
        Set<String> present = new HashSet<>();
        List<String> own = new ArrayList<>();
        int links = 0;
        List<ZipEntryInfo> entries = scan.entries();
        for (int i = 0; i < entries.size(); i++) {
            ZipEntryInfo e = entries.get(i);
            if (e.kind() == EntryKind.DIRECTORY) {
                continue;
            }
            present.add(e.path());
            if (owners.ownCode()[i]) {
                if (e.kind() == EntryKind.FILE) {
                    own.add(e.path());
                } else {
                    links++;
                }
            }
        }
        if (links > 0) {
            notes.add(links + (links == 1 ? " symbolic link" : " symbolic links")
                    + " of your own were not extracted; add them again if you need them.");
        }
        int unsafe = own.size();
        own.removeIf(p -> ArchiveChecks.unsafeReason(p) != null);
        unsafe -= own.size();
        Set<String> wanted = Set.copyOf(own);
        if (!own.isEmpty()) {
            Files.createDirectories(codeDir);
            new SafeExtractor().extract(zip, codeDir, name -> wanted.contains(trimSlash(name)));
            Path root = codeDir.toAbsolutePath().normalize();
            int before = own.size();
            own.removeIf(p -> !Files.isRegularFile(root.resolve(p).normalize()));
            unsafe += before - own.size();
        }
        if (unsafe > 0) {
            notes.add(unsafe + (unsafe == 1 ? " entry" : " entries") + " with a name that leaves the layer's folder"
                    + " or that could not be read " + (unsafe == 1 ? "was" : "were") + " not extracted.");
        }
        List<String> pins = new ArrayList<>();
        for (Distribution d : scan.distributions()) {
            if (d.version() == null || d.version().isBlank()) {
                notes.add(d.name() + " records no version; it was left out of the requirements.");
            } else {
                pins.add(d.name() + "==" + d.version());
            }
        }
        pins.sort(Comparator.comparing(p -> p.toLowerCase(Locale.ROOT)));
        return new PublishedStart(pins, own, codePaths(own), layout(scan), installer(scan, zip),
                slimming(scan, present), keptScripts(scan, present), notes);
    }

    private static String trimSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** Each own file's top-level file or folder below its site folder (or the layer's top). */
    static List<String> codePaths(List<String> own) {
        Set<String> paths = new TreeSet<>();
        for (String p : own) {
            String root = PackageAttribution.root(p);
            String rest = p.substring(root.length());
            int slash = rest.indexOf('/');
            paths.add(root + (slash < 0 ? rest : rest.substring(0, slash)));
        }
        return List.copyOf(paths);
    }

    private static Layout layout(LayerScan scan) {
        return scan.distributions().stream().anyMatch(d -> d.root().contains("/site-packages/"))
                ? Layout.SITE_PACKAGES : Layout.PYTHON;
    }

    /** The {@code INSTALLER} the first distribution records: pip or uv. */
    private static InstallerChoice installer(LayerScan scan, Path zip) throws IOException {
        if (scan.distributions().isEmpty()) {
            return InstallerChoice.AUTO;
        }
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            ZipArchiveEntry e = zf.getEntry(scan.distributions().get(0).metaDir() + "/INSTALLER");
            if (e == null || e.getSize() > 64) {
                return InstallerChoice.AUTO;
            }
            try (InputStream in = zf.getInputStream(e)) {
                String who = new String(in.readNBytes(64), StandardCharsets.UTF_8).strip();
                return InstallerChoice.fromId(who).orElse(InstallerChoice.AUTO);
            }
        }
    }

    /**
     * The slimming a build must have had: files a {@code RECORD} lists that are missing, inside a
     * test or docs folder of a package, or compiled bytecode beside the sources. (Bytecode caches,
     * {@code REQUESTED} and {@code direct_url.json} are always left out by the build.)
     */
    private static Set<SlimRule> slimming(LayerScan scan, Set<String> present) {
        Set<SlimRule> rules = EnumSet.noneOf(SlimRule.class);
        for (Distribution d : scan.distributions()) {
            for (String f : d.files()) {
                if (present.contains(f) || !f.startsWith(d.root())) {
                    continue;
                }
                String[] parts = f.substring(d.root().length()).split("/");
                for (int i = 1; i < parts.length - 1; i++) {
                    if (parts[0].endsWith(".dist-info") || parts[i].equals("__pycache__")) {
                        break;
                    }
                    if (TEST_FOLDERS.contains(parts[i])) {
                        rules.add(SlimRule.TESTS);
                    } else if (DOC_FOLDERS.contains(parts[i])) {
                        rules.add(SlimRule.DOCS);
                    }
                }
                String name = parts[parts.length - 1];
                boolean cached = f.contains("/__pycache__/");
                if (!cached && (name.endsWith(".pyc") || name.endsWith(".pyo"))) {
                    rules.add(SlimRule.PYCACHE);
                }
            }
        }
        if (!rules.isEmpty()) {
            rules.addAll(SlimRule.standard()); // what --slim and the window's slimming choose together
        }
        return rules;
    }

    /** Whether console scripts were kept: a {@code bin/} file some {@code RECORD} lists is there. */
    private static boolean keptScripts(LayerScan scan, Set<String> present) {
        for (Distribution d : scan.distributions()) {
            for (String f : d.files()) {
                if (present.contains(f) && (f.startsWith("bin/") || f.startsWith(d.root() + "bin/"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
