package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.ZipResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds that copy unchanged files' compressed bytes from the entry cache, and stay byte-identical. */
class IncrementalZipTest {

    @TempDir
    Path tmp;
    Path tree;
    Path cache;
    int files;

    @BeforeEach
    void aTreeOfCode() throws IOException {
        tree = tmp.resolve("src");
        cache = tmp.resolve("cache");
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            Path f = tree.resolve("pkg" + (i % 4)).resolve("mod" + i + ".py");
            Files.createDirectories(f.getParent());
            Files.writeString(f, ("VALUE_" + i + " = " + i + "\n").repeat(1500 + i)); // past SMALL_FILE
        }
        byte[] noise = new byte[300_000];
        random.nextBytes(noise);
        Files.write(tree.resolve("pkg0/_native.so"), noise);
        // past MEDIUM_FILE: streamed from the file, and started before its turn
        byte[] big = new byte[EntryCompressor.MEDIUM_FILE + 200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 251 == 0 ? random.nextInt() : i % 17);
        }
        Files.write(tree.resolve("pkg0/_big.so"), big);
        Files.writeString(tree.resolve("pkg1/tool"), "#!/bin/sh\necho hi\n");
        Files.createFile(tree.resolve("pkg2/empty.txt"));
        Files.createDirectories(tree.resolve("empty-folder"));
        Files.writeString(tree.resolve("pkg3/small.py"), "SMALL = True\n"); // compressed afresh every time
        files = 42; // kept in the cache: 40 modules and the two libraries (the tool and small.py are small)
    }

    private ZipResult zip(Path cacheDir, String name) throws IOException {
        return zipWith(new LayerZipWriter(2, new EntryCache(cacheDir, EntryCache.DEFAULT_MAX_BYTES)), name);
    }

    private ZipResult zipWith(LayerZipWriter writer, String name) throws IOException {
        LayerContent content = new DefaultLayerBuilder(BuildEnvironment.system(), tmp.resolve("unused"))
                .add(LayerContent.empty(), new AddedPath(tree, "python"));
        return writer.write(content, tmp.resolve(name), ProgressListener.NONE);
    }

    @Test
    void aRebuildFromTheCacheIsTheSameZipAsACleanBuild() throws IOException {
        LayerZipWriter first = new LayerZipWriter(2, new EntryCache(cache, EntryCache.DEFAULT_MAX_BYTES));
        ZipResult clean = zipWith(first, "clean.zip");
        assertThat(first.reusedEntries()).isZero();

        LayerZipWriter second = new LayerZipWriter(2, new EntryCache(cache, EntryCache.DEFAULT_MAX_BYTES));
        ZipResult cached = zipWith(second, "cached.zip");
        assertThat(second.reusedEntries()).isEqualTo(files);
        assertThat(cached.sha256Hex()).isEqualTo(clean.sha256Hex());
        assertThat(Files.readAllBytes(cached.output())).isEqualTo(Files.readAllBytes(clean.output()));
    }

    @Test
    void onlyTheChangedFileIsCompressedAgain() throws IOException {
        zip(cache, "before.zip");
        Files.writeString(tree.resolve("pkg3/mod3.py"), "VALUE = 'changed'\n");
        LayerZipWriter writer = new LayerZipWriter(2, new EntryCache(cache, EntryCache.DEFAULT_MAX_BYTES));
        ZipResult rebuilt = zipWith(writer, "after.zip");
        assertThat(writer.reusedEntries()).isEqualTo(files - 1);
        ZipResult clean = zip(tmp.resolve("fresh-cache"), "after-clean.zip");
        assertThat(rebuilt.sha256Hex()).isEqualTo(clean.sha256Hex());
        try (var z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(rebuilt.output()).get();
             InputStream in = z.getInputStream(z.getEntry("python/pkg3/mod3.py"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("VALUE = 'changed'\n");
        }
    }

    @Test
    void theSameContentUnderAnotherNameIsReused() throws IOException {
        zip(cache, "before.zip");
        Files.move(tree.resolve("pkg0/_native.so"), tree.resolve("pkg0/_renamed.so"));
        LayerZipWriter writer = new LayerZipWriter(2, new EntryCache(cache, EntryCache.DEFAULT_MAX_BYTES));
        zipWith(writer, "after.zip");
        assertThat(writer.reusedEntries()).isEqualTo(files);
    }

    @Test
    void anEntryIsKeptPerLevel() throws IOException {
        EntryCache entries = new EntryCache(cache, EntryCache.DEFAULT_MAX_BYTES);
        byte[] content = "x = 1\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        store(entries, "ab".repeat(32), content, 5);
        assertThat(entries.get("ab".repeat(32), content.length, crc(content), 5)).isPresent()
                .get().satisfies(hit -> close(hit));
        assertThat(entries.get("ab".repeat(32), content.length, crc(content), 6)).as("another level").isEmpty();
        assertThat(entries.get("cd".repeat(32), content.length, crc(content), 5)).as("another content").isEmpty();
        assertThat(entries.get("ab".repeat(32), content.length + 1, crc(content), 5)).as("header disagrees")
                .isEmpty();
    }

    @Test
    void aDamagedEntryIsCompressedAgainAndTheZipIsStillTheSame() throws IOException {
        ZipResult clean = zip(cache, "clean.zip");
        try (Stream<Path> s = Files.list(cache)) {
            for (Path p : s.toList()) {
                Files.write(p, new byte[] {1, 2, 3}); // shorter than a header
            }
        }
        LayerZipWriter writer = new LayerZipWriter(2, new EntryCache(cache, EntryCache.DEFAULT_MAX_BYTES));
        ZipResult again = zipWith(writer, "again.zip");
        assertThat(writer.reusedEntries()).isZero();
        assertThat(again.sha256Hex()).isEqualTo(clean.sha256Hex());
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyLosesTheReuse() throws IOException {
        ZipResult clean = zip(cache, "clean.zip");
        Path blocked = tmp.resolve("blocked");
        Files.writeString(blocked, "a file where the cache folder would be");
        LayerZipWriter writer = new LayerZipWriter(2, new EntryCache(blocked, EntryCache.DEFAULT_MAX_BYTES));
        ZipResult zipped = zipWith(writer, "uncached.zip");
        assertThat(zipped.sha256Hex()).isEqualTo(clean.sha256Hex());
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("layer-studio-entry-")))
                    .as("temporary entries removed").isEmpty();
        }
    }

    @Test
    void twoBuildsAtOnceShareTheCacheSafely() throws Exception {
        ZipResult clean = zip(tmp.resolve("fresh-cache"), "clean.zip");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<ZipResult>> builds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "parallel-" + i + ".zip";
                builds.add(() -> zip(cache, name));
            }
            for (Future<ZipResult> f : pool.invokeAll(builds)) {
                assertThat(f.get().sha256Hex()).isEqualTo(clean.sha256Hex());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.filter(p -> p.toString().endsWith(".partial"))).as("no partial entry left").isEmpty();
        }
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.filter(p -> p.toString().endsWith(EntryPack.DATA)))
                    .as("every build's pack has its index").allMatch(p -> Files.exists(EntryPack.indexOf(p)));
        }
    }

    @Test
    void aCacheOverItsBoundLosesItsLeastRecentlyUsedEntries() throws IOException {
        EntryCache entries = new EntryCache(cache, 10_000);
        List<String> keys = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 8; i++) {
            byte[] content = new byte[3_000]; // incompressible: each entry is about 3 KB
            random.nextBytes(content);
            String key = String.format("%064x", i);
            store(entries, key, content, 5);
            Files.setLastModifiedTime(entries.file(key, 5), FileTime.fromMillis(1_000_000L * (i + 1)));
            keys.add(key);
        }
        Path stale = cache.resolve("entry-old.partial");
        Files.write(stale, new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.fromMillis(0));
        Path writing = cache.resolve("entry-now.partial");
        Files.write(writing, new byte[10]);

        entries.trim();

        long total;
        try (Stream<Path> s = Files.list(cache)) {
            total = s.filter(p -> p.toString().endsWith(".deflate")).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(total).isLessThanOrEqualTo(10_000);
        assertThat(entries.file(keys.get(7), 5)).as("the newest stays").exists();
        assertThat(entries.file(keys.get(6), 5)).exists();
        assertThat(entries.file(keys.get(0), 5)).as("the oldest goes").doesNotExist();
        assertThat(stale).as("a partial file no build is writing any more").doesNotExist();
        assertThat(writing).as("a partial file a build may be writing").exists();
    }

    private static void store(EntryCache entries, String key, byte[] content, int level) throws IOException {
        Path partial = entries.partial();
        java.util.zip.Deflater d = new java.util.zip.Deflater(level, true);
        d.setInput(content);
        d.finish();
        byte[] out = new byte[content.length + 1024];
        int n = d.deflate(out);
        d.end();
        try (var o = Files.newOutputStream(partial)) {
            EntryCache.header(o, content.length, crc(content));
            o.write(out, 0, n);
        }
        close(entries.commit(partial, key, level));
    }

    private static long crc(byte[] b) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b);
        return c.getValue();
    }

    private static void close(EntryCache.Hit hit) {
        try {
            hit.data().close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
