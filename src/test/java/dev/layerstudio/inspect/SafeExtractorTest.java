package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's one extraction (a zip unpacked for the import check): zip-slip names and symlinks
 * never write outside the chosen folder; a zip bomb is refused before a byte is written, by
 * declared size, by ratio, and by an entry that inflates past the size it declares.
 */
class SafeExtractorTest {

    @TempDir
    Path tmp;

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }

    @Test
    void namesThatClimbOutAndSymlinksStayOutsideNothing() throws IOException {
        Path outsideAbsolute = tmp.resolve("absolute-target.txt");
        Path zip = tmp.resolve("hostile.zip");
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/ok.py", "ok = 1\n")
                    .file("../escaped.txt", "out")
                    .file("python/../../escaped2.txt", "out")
                    .file(outsideAbsolute.toString(), "out")
                    .file("C:\\windows\\escaped3.txt", "out")
                    .symlink("python/link", "../../..")
                    .file("python/link/through-link.txt", "in");
        }
        Path chosen = Files.createDirectories(tmp.resolve("a").resolve("chosen"));

        new SafeExtractor().extract(zip, chosen);

        assertThat(chosen.resolve("python/ok.py")).hasContent("ok = 1");
        assertThat(Files.isSymbolicLink(chosen.resolve("python/link"))).isFalse();
        assertThat(filesUnder(tmp.resolve("a"))).allMatch(p -> p.startsWith(chosen));
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
        assertThat(tmp.resolve("a").resolve("escaped.txt")).doesNotExist();
        assertThat(tmp.resolve("escaped2.txt")).doesNotExist();
        assertThat(outsideAbsolute).doesNotExist();
        // whatever 'python/link/through-link.txt' became, it is a plain file inside the chosen folder
        try (Stream<Path> s = Files.walk(chosen)) {
            assertThat(s.filter(Files::isSymbolicLink)).isEmpty();
        }
    }

    @Test
    void moreThanTheUnzippedLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path zip = tmp.resolve("big.zip");
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/a.py", "a = 1\n").file("python/zeros.bin", new byte[3 * 1024 * 1024]);
        }
        Path chosen = Files.createDirectories(tmp.resolve("chosen"));

        assertThatThrownBy(() -> new SafeExtractor(2 * 1024 * 1024).extract(zip, chosen))
                .isInstanceOf(ZipException.class).hasMessageContaining("would unzip to more than 2097152 bytes");
        assertThat(filesUnder(chosen)).isEmpty();
    }

    @Test
    void aCraftedRatioIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path zip = tmp.resolve("ratio.zip");
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/a.py", "a = 1\n").file("python/bomb.bin", "small but claims to be huge");
        }
        setDeclaredSize(zip, "python/bomb.bin", 0xF000_0000L);
        Path chosen = Files.createDirectories(tmp.resolve("chosen"));

        assertThatThrownBy(() -> new SafeExtractor().extract(zip, chosen))
                .isInstanceOf(ZipException.class).hasMessageContaining("looks like a zip bomb");
        assertThat(filesUnder(chosen)).isEmpty();
    }

    @Test
    void anEntryThatInflatesPastItsDeclaredSizeIsCutOff() throws IOException {
        Path zip = tmp.resolve("liar.zip");
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/liar.bin", new byte[1024 * 1024]);
        }
        setDeclaredSize(zip, "python/liar.bin", 100);
        Path chosen = Files.createDirectories(tmp.resolve("chosen"));

        assertThatThrownBy(() -> new SafeExtractor().extract(zip, chosen))
                .isInstanceOf(ZipException.class).hasMessageContaining("holds more than the 100 bytes it declares");
        assertThat(Files.size(chosen.resolve("python/liar.bin"))).isLessThanOrEqualTo(100);
    }

    /** Rewrites an entry's uncompressed size in its local header and its central directory record. */
    private static void setDeclaredSize(Path zip, String name, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = 0; i + 46 < bytes.length; i++) {
            int sig = b.getInt(i);
            int nameAt;
            int sizeAt;
            int nameLength;
            if (sig == 0x04034b50) {
                nameLength = Short.toUnsignedInt(b.getShort(i + 26));
                nameAt = i + 30;
                sizeAt = i + 22;
            } else if (sig == 0x02014b50) {
                nameLength = Short.toUnsignedInt(b.getShort(i + 28));
                nameAt = i + 46;
                sizeAt = i + 24;
            } else {
                continue;
            }
            if (nameLength == wanted.length && java.util.Arrays.equals(bytes, nameAt, nameAt + nameLength, wanted, 0,
                    wanted.length)) {
                b.putInt(sizeAt, (int) size);
                patched++;
            }
        }
        assertThat(patched).as("headers of %s patched", name).isEqualTo(2);
        Files.write(zip, bytes);
    }
}
