package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build's entries compressed in memory are kept in one pack: seen by later builds once its
 * index is written, never before; gone whole, least recently used first, when the cache is
 * over its bound; absent (and so compressed again) when its data is short.
 */
class EntryPackTest {

    @TempDir
    Path dir;

    private final Random random = new Random(3);

    @Test
    void aPackIsSeenByLaterBuildsOnceItsIndexIsWritten() {
        byte[] bytes = bytes(2_000);
        EntryCache first = new EntryCache(dir, EntryCache.DEFAULT_MAX_BYTES);
        EntryPack pack = first.newPack();
        pack.put(key(1), 5, 9_000, 77, bytes);

        EntryCache meanwhile = new EntryCache(dir, EntryCache.DEFAULT_MAX_BYTES);
        meanwhile.newPack();
        assertThat(meanwhile.packed(key(1), 9_000, 77, 5)).as("the build is still writing it").isEmpty();

        pack.close();
        EntryCache later = new EntryCache(dir, EntryCache.DEFAULT_MAX_BYTES);
        later.newPack();
        assertThat(later.packed(key(1), 9_000, 77, 5)).hasValue(bytes);
        assertThat(later.packed(key(1), 9_000, 77, 6)).as("another level").isEmpty();
        assertThat(later.packed(key(2), 9_000, 77, 5)).as("another content").isEmpty();
        assertThat(later.packed(key(1), 9_001, 77, 5)).as("the index disagrees on the size").isEmpty();
        assertThat(later.packed(key(1), 9_000, 78, 5)).as("the index disagrees on the CRC").isEmpty();
    }

    @Test
    void aPackWhoseDataIsShortHoldsNothing() throws IOException {
        EntryCache cache = new EntryCache(dir, EntryCache.DEFAULT_MAX_BYTES);
        try (EntryPack pack = cache.newPack()) {
            pack.put(key(1), 5, 100, 1, bytes(500));
            pack.put(key(2), 5, 100, 2, bytes(500));
        }
        Path data = only(EntryPack.DATA);
        try (FileChannel c = FileChannel.open(data, StandardOpenOption.WRITE)) {
            c.truncate(700);
        }
        cache.newPack();
        assertThat(cache.packed(key(1), 100, 1, 5)).isPresent();
        assertThat(cache.packed(key(2), 100, 2, 5)).as("its bytes are cut").isEmpty();
    }

    @Test
    void packsGoWhole_theLeastRecentlyUsedFirst_andAStoppedBuildsDataGoes() throws IOException {
        EntryCache cache = new EntryCache(dir, 10_000);
        for (int i = 0; i < 4; i++) {
            try (EntryPack pack = cache.newPack()) {
                pack.put(key(i), 5, 3_000, i, bytes(3_000));
            }
        }
        List<Path> indexes = inOrder();
        for (int i = 0; i < indexes.size(); i++) {
            Files.setLastModifiedTime(indexes.get(i), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.newPack();
        Path oldest = indexes.get(0);
        assertThat(cache.packed(key(0), 3_000, 0, 5)).as("used now").isPresent();

        Path stopped = dir.resolve("pack-stopped" + EntryPack.DATA);
        Files.write(stopped, bytes(10));
        Files.setLastModifiedTime(stopped, FileTime.fromMillis(0));
        Path writing = dir.resolve("pack-writing" + EntryPack.DATA);
        Files.write(writing, bytes(10));

        cache.trim();

        assertThat(oldest).as("the oldest, used by this build, stays").exists();
        assertThat(EntryPack.dataOf(oldest)).exists();
        assertThat(indexes.get(1)).as("the least recently used goes").doesNotExist();
        assertThat(EntryPack.dataOf(indexes.get(1))).as("with its data").doesNotExist();
        assertThat(indexes.get(3)).as("the newest stays").exists();
        assertThat(stopped).as("data no index will ever list").doesNotExist();
        assertThat(writing).as("data a build may still be writing").exists();
    }

    private Path only(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    /** The indexes of packs holding one entry each, key(0) first (their names are random). */
    private List<Path> inOrder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(EntryPack.INDEX))
                    .sorted(java.util.Comparator.comparing(EntryPackTest::firstKey)).toList();
        }
    }

    private static String firstKey(Path index) {
        try {
            return Files.readString(index).split(" ")[0];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String key(int i) {
        return String.format("%064x", i);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
