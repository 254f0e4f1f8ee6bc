package dev.layerstudio.inspect;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.PackageKind;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Bytes a layer carries without needing them: the AWS SDK, byte-code caches, test folders. */
final class SlimmingChecks {

    /** What the Python runtimes already provide. */
    static final Set<String> RUNTIME_PROVIDED = Set.of("boto3", "botocore", "s3transfer");
    static final Set<String> CACHE_DIRS = Set.of("__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache");
    static final Set<String> TEST_DIRS = Set.of("tests", "test");

    private SlimmingChecks() {
    }

    static List<Finding> check(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        awsSdk(ctx, out);
        folders(ctx, out);
        return out;
    }

    private static void awsSdk(CheckContext ctx, List<Finding> out) {
        List<PackageUsage> sdk = ctx.packages().stream()
                .filter(p -> RUNTIME_PROVIDED.contains(p.name().toLowerCase(Locale.ROOT))).toList();
        if (sdk.isEmpty()) {
            return;
        }
        long bytes = sdk.stream().mapToLong(PackageUsage::bytes).sum();
        List<String> paths = new ArrayList<>();
        for (PackageUsage p : sdk) {
            p.topLevel().forEach(t -> paths.add(p.root() + t));
            if (p.kind() == PackageKind.DISTRIBUTION) {
                ctx.scan().distributions().stream().filter(d -> d.name().equals(p.name()) && d.root().equals(p.root()))
                        .forEach(d -> paths.add(d.metaDir()));
            }
        }
        String names = String.join(", ", sdk.stream().map(p -> p.version() == null ? p.name()
                : p.name() + " " + p.version()).toList());
        String runtime = ctx.runtime() == null ? "Python runtimes" : ctx.runtime().id() + " runtime";
        out.add(Finding.of(FindingCode.BUNDLED_AWS_SDK, names + " (" + ByteSizes.human(bytes) + ") "
                + (sdk.size() == 1 ? "is" : "are") + " bundled, but the " + runtime
                + " already provides the AWS SDK. Leave it out unless you need to pin a version.", paths, bytes));
    }

    /** Cache and test folders, each reported once at its top. */
    private static void folders(CheckContext ctx, List<Finding> out) {
        Set<String> cacheDirs = new LinkedHashSet<>();
        Set<String> testDirs = new LinkedHashSet<>();
        long cacheBytes = 0;
        long testBytes = 0;
        int cacheFiles = 0;
        for (ZipEntryInfo e : ctx.entries()) {
            if (e.kind() == EntryKind.DIRECTORY) {
                continue;
            }
            String p = e.path();
            if (p.contains("node_modules/")) {
                continue; // Node.js packages: NodeChecks reports what they carry
            }
            String[] segments = p.contains("cache") || p.contains("test") ? p.split("/") : null;
            String cache = segments == null ? null : prefixUpTo(segments, CACHE_DIRS);
            if (cache == null && (e.path().endsWith(".pyc") || e.path().endsWith(".pyo"))) {
                cache = e.path();
            }
            if (cache != null) {
                cacheDirs.add(cache);
                cacheBytes += e.unzippedBytes();
                cacheFiles++;
            }
            String tests = segments == null ? null : prefixUpTo(segments, TEST_DIRS);
            if (tests != null) {
                testDirs.add(tests);
                testBytes += e.unzippedBytes();
            }
        }
        if (!cacheDirs.isEmpty()) {
            out.add(Finding.of(FindingCode.CACHE_FILES, Sizes.count(cacheFiles, "byte-code cache file",
                    "byte-code cache files") + " (__pycache__, *.pyc) take " + ByteSizes.human(cacheBytes)
                    + "; slimming removes them, and Python compiles on import instead.",
                    new ArrayList<>(cacheDirs), cacheBytes));
        }
        if (!testDirs.isEmpty()) {
            out.add(Finding.of(FindingCode.TEST_FILES, (testDirs.size() == 1 ? "The test folder "
                    + testDirs.iterator().next() + " takes " : testDirs.size() + " test folders take ")
                    + ByteSizes.human(testBytes) + "; slimming removes " + (testDirs.size() == 1 ? "it." : "them."), new ArrayList<>(testDirs),
                    testBytes));
        }
    }

    /** The path up to and including the first folder named one of {@code names}, or null. */
    private static String prefixUpTo(String[] segments, Set<String> names) {
        for (int i = 0; i < segments.length - 1; i++) {
            if (names.contains(segments[i])) {
                return String.join("/", java.util.Arrays.copyOf(segments, i + 1));
            }
        }
        return null;
    }
}
