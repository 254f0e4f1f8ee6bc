package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.ChangeKind;
import dev.layerstudio.model.FileChange;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.PackageChange;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.testing.Zips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diffs between layers, and the scan cache: keyed by SHA-256, robust to damage, bounded. */
class DiffAndCacheTest {

    @TempDir
    Path dir;

    private Path zip(String name, Map<String, String> files) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Zips.of(files));
        return p;
    }

    @Test
    void packagesAndFilesAreComparedByVersionAndCrc() throws Exception {
        Path a = zip("a.zip", Map.of(
                "python/six.py", "v1", "python/six-1.15.0.dist-info/RECORD", "six.py,,\n",
                "python/attr/__init__.py", "a", "python/attrs-23.1.0.dist-info/RECORD", "attr/__init__.py,,\n",
                "python/tool.py", "print(1)"));
        Path b = zip("b.zip", Map.of(
                "python/six.py", "v2", "python/six-1.16.0.dist-info/RECORD", "six.py,,\n",
                "python/idna/__init__.py", "x".repeat(500), "python/idna-3.7.dist-info/RECORD", "idna/__init__.py,,\n",
                "python/tool.py", "print(2)"));
        LayerDiff d = new Inspector(dir.resolve("cache")).diff(new LayerSource.LocalZip(a), new LayerSource.LocalZip(b),
                ProgressListener.NONE);
        assertThat(d.packages(ChangeKind.ADDED)).extracting(PackageChange::name, PackageChange::newVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idna", "3.7"));
        assertThat(d.packages(ChangeKind.REMOVED)).extracting(PackageChange::name).containsExactly("attrs");
        PackageChange six = d.packages(ChangeKind.CHANGED).stream().filter(p -> p.name().equals("six")).findFirst()
                .orElseThrow();
        assertThat(six.oldVersion()).isEqualTo("1.15.0");
        assertThat(six.newVersion()).isEqualTo("1.16.0");
        // same size, other bytes: only the CRC tells
        assertThat(d.files(ChangeKind.CHANGED)).extracting(FileChange::path).contains("python/six.py", "python/tool.py");
        assertThat(d.files(ChangeKind.ADDED)).extracting(FileChange::path).contains("python/idna/__init__.py");
        assertThat(d.unzippedDelta()).isEqualTo(d.newUnzippedBytes() - d.oldUnzippedBytes()).isPositive();
        assertThat(d.packages().get(0).name()).isEqualTo("idna"); // largest change first
        assertThat(new Inspector(dir.resolve("cache")).diff(new LayerSource.LocalZip(a), new LayerSource.LocalZip(a),
                ProgressListener.NONE).identical()).isTrue();
    }

    @Test
    void scansAreCachedBySha256AndADamagedCacheFileIsIgnored() throws Exception {
        Path layer = zip("layer.zip", Map.of("python/m.py", "X = 1\n"));
        Inspector inspector = new Inspector(dir.resolve("cache"));
        InspectionReport first = inspector.inspect(new LayerSource.LocalZip(layer), InspectOptions.defaults(),
                ProgressListener.NONE);
        String hex = java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(first.sha256()));
        Path cached = dir.resolve("cache/inspect/scan-v" + LayerScan.FORMAT + "-" + hex + ".json.gz");
        assertThat(cached).exists();

        ScanCache cache = new ScanCache(dir.resolve("cache/inspect"), ScanCache.DEFAULT_MAX_BYTES);
        assertThat(cache.get(first.sha256())).hasValueSatisfying(s -> assertThat(s.entries()).isEqualTo(first.entries()));

        Files.writeString(cached, "not gzip");
        InspectionReport again = inspector.inspect(new LayerSource.LocalZip(layer), InspectOptions.defaults(),
                ProgressListener.NONE);
        assertThat(again.entries()).isEqualTo(first.entries());
        assertThat(cache.get(first.sha256())).isPresent();
    }

    @Test
    void theCacheStaysWithinItsBoundDroppingTheLeastRecentlyUsed() throws Exception {
        Path cacheDir = dir.resolve("bounded");
        Inspector inspector = new Inspector(dir.resolve("unused"));
        LayerScan a = scan(inspector, zip("a.zip", Map.of("python/a.py", "a")));
        LayerScan b = scan(inspector, zip("b.zip", Map.of("python/b.py", "b")));
        new ScanCache(cacheDir, Long.MAX_VALUE).put(a);
        long oneFile;
        try (Stream<Path> files = Files.list(cacheDir)) {
            Path only = files.findFirst().orElseThrow();
            oneFile = Files.size(only);
            Files.setLastModifiedTime(only, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        ScanCache bounded = new ScanCache(cacheDir, oneFile + oneFile / 2);
        bounded.put(b);
        assertThat(bounded.get(a.sha256())).isEmpty();
        assertThat(bounded.get(b.sha256())).isPresent();
    }

    private static LayerScan scan(Inspector unused, Path zip) throws Exception {
        try (var channel = Files.newByteChannel(zip)) {
            return ZipScanner.scan(channel, FileDigests.hash(zip), Long.MAX_VALUE);
        }
    }
}
