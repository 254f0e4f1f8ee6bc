package dev.layerstudio.build;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compressed entries one zip made in memory, kept for later builds in one data file,
 * with an index beside it written when the zip is done. A build's thousand-odd entries of
 * medium size cost two files instead of a thousand (each created, written, renamed: more
 * system time than compressing them took). Threads append at positions they reserve, so
 * they never wait for one another. Until the index is written no other build sees the pack,
 * so a pack is never read half made; a data file left without an index (a build that
 * stopped) is removed by a later trim.
 *
 * <p>The index is text, a line per entry: {@code KEY SIZE CRC OFFSET LENGTH}, the key being
 * the content's SHA-256 and the level ({@code SHA-LEVEL}).
 */
final class EntryPack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EntryPack.class);

    static final String DATA = ".pack";
    static final String INDEX = ".index";

    /** Where an entry's compressed bytes are, and the size and CRC of what they hold. */
    record Location(Path data, long offset, long length, long size, long crc) {
    }

    private final Path data;
    private final Path index;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicLong end = new AtomicLong();
    private FileChannel channel;
    private boolean failed;

    /** A new pack in {@code dir}, its files named for the Java runtime that compresses ({@code tag}). */
    EntryPack(Path dir, String tag) {
        String name = "pack-" + tag + "-" + UUID.randomUUID();
        this.data = dir.resolve(name + DATA);
        this.index = dir.resolve(name + INDEX);
    }

    static String key(String sha256, int level) {
        return sha256 + "-" + level;
    }

    /** Whether a file in a cache folder is the index of a pack made by the runtime with {@code tag}. */
    static boolean isIndex(Path file, String tag) {
        String name = file.getFileName().toString();
        return name.startsWith("pack-" + tag + "-") && name.endsWith(INDEX);
    }

    /** The index of the pack whose data file this is. */
    static Path indexOf(Path data) {
        String name = data.getFileName().toString();
        return data.resolveSibling(name.substring(0, name.length() - DATA.length()) + INDEX);
    }

    /** The data file of the pack whose index this is. */
    static Path dataOf(Path index) {
        String name = index.getFileName().toString();
        return index.resolveSibling(name.substring(0, name.length() - INDEX.length()) + DATA);
    }

    /**
     * Keeps an entry. Best effort: when the pack cannot be written, the entry is only not kept
     * (the build has its bytes) and the pack takes no more.
     */
    void put(String sha256, int level, long size, long crc, byte[] bytes) {
        FileChannel out = open();
        if (out == null) {
            return;
        }
        long at = end.getAndAdd(bytes.length);
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                out.write(b, at + b.position());
            }
            lines.add(key(sha256, level) + " " + size + " " + crc + " " + at + " " + bytes.length);
        } catch (IOException e) {
            fail(e);
        }
    }

    private synchronized FileChannel open() {
        if (channel == null && !failed) {
            try {
                Files.createDirectories(data.getParent());
                channel = FileChannel.open(data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
        return failed ? null : channel;
    }

    private synchronized void fail(Exception e) {
        if (!failed) {
            LOG.debug("Could not keep compressed entries in {}", data, e);
        }
        failed = true;
    }

    /** Writes the index (the pack is then seen by later builds); a pack that failed is removed. */
    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
            if (!failed && !lines.isEmpty()) {
                Path partial = index.resolveSibling(index.getFileName() + EntryCache.PARTIAL);
                Files.write(partial, lines, StandardCharsets.US_ASCII);
                EntryCache.moveIntoPlace(partial, index);
                return;
            }
        } catch (IOException e) {
            fail(e);
        }
        try {
            Files.deleteIfExists(data);
        } catch (IOException e) {
            LOG.debug("Could not remove {}", data, e);
        }
    }

    /** The entries a pack's index lists; an index that cannot be read lists none, a line that cannot be read is skipped. */
    static Map<String, Location> read(Path index) {
        Map<String, Location> entries = new HashMap<>();
        Path data = dataOf(index);
        List<String> lines;
        try {
            lines = Files.readAllLines(index, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ignoring an unreadable pack index {}", index, e);
            return entries;
        }
        for (String line : lines) {
            String[] f = line.split(" ");
            try {
                if (f.length == 5) {
                    entries.put(f[0], new Location(data, Long.parseLong(f[3]), Long.parseLong(f[4]),
                            Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            } catch (NumberFormatException damaged) {
                LOG.debug("Ignoring a damaged line of {}", index);
            }
        }
        return entries;
    }

    /** The entry's compressed bytes, when its pack still holds all of them. */
    static Optional<byte[]> bytes(Location l) {
        if (l.length() < 0 || l.length() > Integer.MAX_VALUE || l.offset() < 0) {
            return Optional.empty();
        }
        try (FileChannel in = FileChannel.open(l.data(), StandardOpenOption.READ)) {
            if (in.size() < l.offset() + l.length()) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.allocate((int) l.length());
            while (b.hasRemaining()) {
                if (in.read(b, l.offset() + b.position()) < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(b.array());
        } catch (IOException e) {
            return Optional.empty(); // removed by another build's trim, or unreadable: compressed again
        }
    }
}
