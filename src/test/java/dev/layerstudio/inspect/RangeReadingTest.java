package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces that keep remote reads to few round trips: where the directory lies, and how ranges are grouped. */
class RangeReadingTest {

    @TempDir
    Path dir;

    /** Walks the central headers from {@code start}: how many there are before {@code end}, or -1 when they do not end there. */
    private static long headersBetween(Path zip, long start, long end) throws IOException {
        try (FileChannel ch = FileChannel.open(zip)) {
            ByteBuffer b = ByteBuffer.allocate((int) (end - start)).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, start);
            int pos = 0;
            long count = 0;
            while (pos < b.capacity()) {
                if (b.getInt(pos) != 0x02014b50) {
                    return -1;
                }
                pos += 46 + Short.toUnsignedInt(b.getShort(pos + 28)) + Short.toUnsignedInt(b.getShort(pos + 30))
                        + Short.toUnsignedInt(b.getShort(pos + 32));
                count++;
            }
            return pos == b.capacity() ? count : -1;
        }
    }

    private static long entries(Path zip) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            return Collections.list(z.getEntries()).size();
        }
    }

    private static long[] locate(Path zip, int tailBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(zip)) {
            long start = Math.max(0, ch.size() - tailBytes);
            ByteBuffer tail = ByteBuffer.allocate((int) (ch.size() - start));
            ch.read(tail, start);
            return ZipTail.centralDirectory(tail.array(), start);
        }
    }

    private static int u32At(Path zip, long pos) throws IOException {
        try (FileChannel ch = FileChannel.open(zip)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, pos);
            return b.getInt(0);
        }
    }

    @Test
    void theDirectoryOfAnOrdinaryZipIsFoundFromItsTail() throws IOException {
        Path zip = dir.resolve("layer.zip");
        BigZips.realistic(zip, 300, 3L * 1024 * 1024);
        long[] cd = locate(zip, HttpRangeChannel.TAIL_BYTES);
        assertThat(cd).isNotNull();
        assertThat(headersBetween(zip, cd[0], cd[1])).as("every central header, and nothing else").isEqualTo(
                entries(zip));
        assertThat(u32At(zip, cd[1])).as("the end record right after").isEqualTo(0x06054b50);
    }

    @Test
    void theDirectoryOfAZip64IsFoundThroughItsZip64Record() throws IOException {
        Path zip = dir.resolve("many.zip");
        BigZips.manyEntries(zip, 70_000);
        long[] cd = locate(zip, HttpRangeChannel.TAIL_BYTES);
        assertThat(cd).isNotNull();
        assertThat(headersBetween(zip, cd[0], cd[1])).isEqualTo(70_000);
        assertThat(u32At(zip, cd[1])).as("the Zip64 end record right after").isEqualTo(0x06064b50);
    }

    @Test
    void aTailWithoutAnEndRecordTellsNothing() throws IOException {
        Path notZip = dir.resolve("notes.txt");
        Files.writeString(notZip, "not a zip\n".repeat(1000));
        assertThat(locate(notZip, HttpRangeChannel.TAIL_BYTES)).isNull();
    }

    @Test
    void rangesAreJoinedWhenCloseAndThenTheClosestUntilOneWaveCarriesThem() {
        List<long[]> ranges = List.of(new long[] {0, 100}, new long[] {150, 200}, new long[] {10_000, 10_100},
                new long[] {20_000, 20_100}, new long[] {20_300, 20_400}, new long[] {90_000, 90_050});
        assertThat(RangePlan.group(ranges, 100_000, 100, 10, 0))
                .containsExactly(new long[] {0, 200}, new long[] {10_000, 10_100}, new long[] {20_000, 20_100},
                        new long[] {20_300, 20_400}, new long[] {90_000, 90_050});
        assertThat(RangePlan.group(ranges, 100_000, 100, 3, 20_000)).as("the two smallest gaps joined")
                .containsExactly(new long[] {0, 10_100}, new long[] {20_000, 20_400}, new long[] {90_000, 90_050});
        assertThat(RangePlan.group(ranges, 100_000, 100, 3, 1_000)).as("only what the allowance pays for")
                .containsExactly(new long[] {0, 200}, new long[] {10_000, 10_100}, new long[] {20_000, 20_400},
                        new long[] {90_000, 90_050});
        assertThat(RangePlan.group(List.of(new long[] {-5, 10}, new long[] {99_990, 100_500}), 100_000, 0, 10, 0))
                .as("clipped to the file").containsExactly(new long[] {0, 10}, new long[] {99_990, 100_000});
    }
}
