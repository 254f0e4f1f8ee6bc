package dev.layerstudio.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compressed zip entries kept between builds, keyed by the SHA-256 of a file's content
 * and the deflate level (and the Java runtime, whose zlib does the compressing), so a
 * rebuild copies the compressed bytes of every unchanged file into the new zip instead of
 * compressing it again.
 *
 * <p>Two kinds of entries. Those compressed in memory (most of them) go into the build's
 * {@link EntryPack}, one data file and its index per build. A file too large for memory is
 * compressed as it is read into a file of its own: a 24-byte header (a magic number, the
 * content's size and CRC-32) followed by the raw deflate data, written beside its final
 * name and renamed into place, so two builds at once never see half an entry; both writing
 * the same entry write the same bytes. The cache stays under a size bound: after a build the
 * least recently used entries and packs go. An entry that is unreadable, short, or vanishes
 * while another build trims is treated as absent.
 */
final class EntryCache {

    private static final Logger LOG = LoggerFactory.getLogger(EntryCache.class);

    /** Default bound: a few dozen layers' worth of compressed files. */
    static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;
    static final int HEADER_BYTES = 24;
    private static final long MAGIC = 0x4c53_454e_5431_0a00L; // "LSENT1\n\0"
    private static final String SUFFIX = ".deflate";
    static final String PARTIAL = ".partial";
    /** A partial file this old belongs to no running build. */
    private static final long STALE_PARTIAL_MILLIS = 60L * 60 * 1000;

    private final Path dir;
    private final long maxBytes;
    private final String runtimeTag;
    private volatile boolean created;
    /** The entries of every pack whose index was there when the current build began. */
    private volatile Map<String, EntryPack.Location> packed = Map.of();
    /** The pack indexes marked used since then (each once). */
    private final Set<Path> touched = ConcurrentHashMap.newKeySet();

    EntryCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.runtimeTag = shortHash(System.getProperty("java.vm.vendor", "") + " "
                + System.getProperty("java.runtime.version", "") + " " + System.getProperty("os.arch", ""));
    }

    Path dir() {
        return dir;
    }

    /**
     * A cached entry, already open (so another build trimming the cache cannot take it away):
     * the raw deflate data and how many bytes of it there are.
     */
    record Hit(InputStream data, long compressedSize) {
    }

    /** The entry for content with this SHA-256 (hex), size and CRC at {@code level}, when cached and whole. */
    Optional<Hit> get(String sha256, long size, long crc, int level) {
        Path file = file(sha256, level);
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            long length = Files.size(file);
            ByteBuffer b = ByteBuffer.wrap(in.readNBytes(HEADER_BYTES));
            if (length < HEADER_BYTES || b.getLong() != MAGIC || b.getLong() != size || b.getLong() != crc) {
                LOG.debug("Ignoring a damaged cache entry {}", file);
                in.close();
                return Optional.empty();
            }
            touch(file);
            return Optional.of(new Hit(in, length - HEADER_BYTES));
        } catch (IOException | java.nio.BufferUnderflowException e) {
            if (!(e instanceof NoSuchFileException)) {
                LOG.debug("Cache entry {} unreadable", file, e);
            }
            closeQuietly(in);
            return Optional.empty();
        }
    }

    /**
     * A pack for the build about to begin, and what the packs already there hold, read now
     * (a window's engine runs many builds, and other builds may have added packs meanwhile).
     */
    EntryPack newPack() {
        Map<String, EntryPack.Location> found = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "pack-*" + EntryPack.INDEX)) {
            for (Path index : files) {
                if (EntryPack.isIndex(index, runtimeTag)) {
                    found.putAll(EntryPack.read(index));
                }
            }
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException absent) {
            // nothing kept yet, or a cache that cannot be written
        } catch (IOException e) {
            LOG.debug("Could not list the packs in {}", dir, e);
        }
        packed = found;
        touched.clear();
        return new EntryPack(dir, runtimeTag);
    }

    /** The compressed bytes of an entry a pack holds for content with this SHA-256, size and CRC at {@code level}. */
    Optional<byte[]> packed(String sha256, long size, long crc, int level) {
        EntryPack.Location l = packed.get(EntryPack.key(sha256, level));
        if (l == null || l.size() != size || l.crc() != crc) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = EntryPack.bytes(l);
        Path index = EntryPack.indexOf(l.data());
        if (bytes.isPresent() && touched.add(index)) {
            touch(index);
        }
        return bytes;
    }

    /** Marks an entry used now, for trimming; a cache that cannot be written is still read. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("Could not mark {} as used", file, e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read from it
            }
        }
    }

    /** A file to write an entry into: {@link #header} first, then the raw deflate data; then {@link #commit}. */
    Path partial() throws IOException {
        if (!created) {
            Files.createDirectories(dir);
            created = true;
        }
        return Files.createTempFile(dir, "entry-", PARTIAL);
    }

    static void header(OutputStream out, long size, long crc) throws IOException {
        out.write(ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putLong(size).putLong(crc).array());
    }

    /** Renames a finished partial file into place and returns the entry, opened before the rename. */
    Hit commit(Path partial, String sha256, int level) throws IOException {
        Path file = file(sha256, level);
        long length = Files.size(partial);
        InputStream in = Files.newInputStream(partial);
        in.skipNBytes(HEADER_BYTES);
        try {
            moveIntoPlace(partial, file);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new Hit(in, length - HEADER_BYTES);
    }

    /** Renames a finished file to its name in the cache, at once where the file system can. */
    static void moveIntoPlace(Path finished, Path name) throws IOException {
        try {
            Files.move(finished, name, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, name, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the least recently used entries until the cache is within its bound, and partial files left behind. */
    void trim() {
        record Entry(List<Path> files, long size, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException gone) {
                    continue;
                }
                String name = p.getFileName().toString();
                boolean stale = now - a.lastModifiedTime().toMillis() > STALE_PARTIAL_MILLIS;
                if (name.endsWith(PARTIAL)) {
                    if (stale) {
                        Files.deleteIfExists(p);
                    }
                } else if (name.endsWith(SUFFIX)) {
                    entries.add(new Entry(List.of(p), a.size(), a.lastModifiedTime()));
                    total += a.size();
                } else if (name.endsWith(EntryPack.INDEX)) { // a pack goes whole: its index first
                    Path data = EntryPack.dataOf(p);
                    long size = a.size() + (Files.exists(data) ? Files.size(data) : 0);
                    entries.add(new Entry(List.of(p, data), size, a.lastModifiedTime()));
                    total += size;
                } else if (name.endsWith(EntryPack.DATA) && stale && !Files.exists(EntryPack.indexOf(p))) {
                    Files.deleteIfExists(p); // the pack of a build that stopped before its index
                }
            }
        } catch (NoSuchFileException absent) {
            return;
        } catch (IOException e) {
            LOG.warn("Could not trim the zip entry cache {}", dir, e);
            return;
        }
        if (total <= maxBytes) {
            return;
        }
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            try {
                for (Path f : e.files()) {
                    Files.deleteIfExists(f);
                }
                total -= e.size();
            } catch (IOException inUse) {
                LOG.debug("Could not remove {}", e.files(), inUse);
            }
        }
    }

    /** Where the entry for that content and level is kept. */
    Path file(String sha256, int level) {
        return dir.resolve(sha256 + "-" + level + "-" + runtimeTag + SUFFIX);
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
