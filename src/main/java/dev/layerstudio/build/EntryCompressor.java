package dev.layerstudio.build;

import dev.layerstudio.model.ContentNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one node of a layer into a zip entry with its compressed bytes. A small file is
 * compressed in memory. A larger one is hashed (SHA-256, CRC-32, size), and its compressed
 * bytes are taken from the {@link EntryCache} when they are there, or compressed (raw
 * deflate) when not: in memory up to {@link #MEDIUM_FILE} and kept in the zip's
 * {@link EntryPack}, streamed into a cache file of its own beyond. The same content at the
 * same level gives the same bytes either way.
 */
final class EntryCompressor {

    private static final Logger LOG = LoggerFactory.getLogger(EntryCompressor.class);
    private static final int BUFFER = 64 * 1024;
    private static final int PEEK = 4;
    /**
     * Files up to this size are compressed afresh every time, in memory: on an installed
     * tree they are three quarters of the files but a tenth of the bytes, and a cache file
     * each would cost more (creating, renaming, opening) than compressing them does.
     */
    static final int SMALL_FILE = 16 * 1024;

    /** An entry with every field set (sizes, CRC, method) and its raw data; null data for an empty one. */
    record Compressed(ZipArchiveEntry entry, InputStream data, boolean fromCache) {
    }

    private final EntryCache cache;
    private final EntryPack pack;
    private final int level;
    /** Each thread's deflater for small files, reset between them. */
    private final ThreadLocal<Deflater> smallDeflaters;
    /**
     * Files up to this size are read into memory whole: hashed, looked up and, when not cached,
     * compressed there. Larger ones (a handful of shared libraries in an installed tree) are
     * streamed, so memory stays bounded.
     */
    static final int MEDIUM_FILE = 1024 * 1024;
    /** Each thread's buffer for a medium file, and for what deflate makes of it (deflate can grow data a little). */
    private final ThreadLocal<byte[]> mediumBuffers = ThreadLocal.withInitial(() -> new byte[MEDIUM_FILE + 1]);
    private final ThreadLocal<byte[]> mediumOutputs = ThreadLocal.withInitial(() -> new byte[MEDIUM_FILE + MEDIUM_FILE / 64
            + 1024]);
    private final ThreadLocal<Deflater> mediumDeflaters;
    /** Each thread's two buffers, reused file after file: thousands of files make no garbage to speak of. */
    private final ThreadLocal<byte[][]> buffers = ThreadLocal.withInitial(() -> new byte[][] {
        new byte[BUFFER], new byte[BUFFER]});

    /** @param pack where this zip keeps the entries it compresses in memory */
    EntryCompressor(EntryCache cache, EntryPack pack, int level) {
        this.cache = cache;
        this.pack = pack;
        this.level = level;
        this.smallDeflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
        this.mediumDeflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
    }

    /**
     * @param read told of every byte read from the file (the first time), for progress
     */
    Compressed compress(ContentNode node, long time, LongConsumer read) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(node.entryName());
        entry.setTime(time);
        if (node.directory()) {
            entry.setUnixMode(UnixStat.DIR_FLAG | LayerZipWriter.FOLDER_MODE);
            return empty(entry);
        }
        Path source = node.source().file();
        byte[] data = buffers.get()[0];
        int length;
        Hashed large = null;
        try (InputStream in = Files.newInputStream(source)) { // each file is opened once here
            length = in.readNBytes(data, 0, SMALL_FILE + 1);
            if (length > SMALL_FILE) {
                byte[] medium = mediumBuffers.get();
                System.arraycopy(data, 0, medium, 0, length);
                data = medium;
                length += in.readNBytes(data, length, MEDIUM_FILE + 1 - length);
                if (length > MEDIUM_FILE) {
                    large = hashRest(in, data, length, read);
                }
            }
        } catch (IOException e) {
            throw new IOException("Could not read " + source + " for " + node.path() + ": " + e.getMessage(), e);
        }
        if (large != null) {
            return compressLarge(entry, node, large);
        }
        read.accept(length);
        return length <= SMALL_FILE ? compressSmall(entry, data, length) : compressMedium(entry, data, length);
    }

    /** A large file's SHA-256, CRC-32, size and first bytes: what was read already, then the rest of the stream. */
    private record Hashed(String key, long crc, long size, byte[] head) {
    }

    private Hashed hashRest(InputStream in, byte[] start, int startBytes, LongConsumer read) throws IOException {
        MessageDigest sha = sha256();
        CRC32 crc = new CRC32();
        sha.update(start, 0, startBytes);
        crc.update(start, 0, startBytes);
        read.accept(startBytes);
        long size = startBytes;
        byte[] buffer = buffers.get()[0];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            cancelledIfInterrupted();
            sha.update(buffer, 0, n);
            crc.update(buffer, 0, n);
            size += n;
            read.accept(n);
        }
        return new Hashed(HexFormat.of().formatHex(sha.digest()), crc.getValue(), size,
                java.util.Arrays.copyOf(start, PEEK));
    }

    /** A large file: its compressed bytes from the cache, or compressed from the file into it. */
    private Compressed compressLarge(ZipArchiveEntry entry, ContentNode node, Hashed file) throws IOException {
        entry.setUnixMode(UnixStat.FILE_FLAG | (LayerZipWriter.isExecutable(file.head()) ? LayerZipWriter.EXECUTABLE_MODE
                : LayerZipWriter.FILE_MODE));
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setSize(file.size());
        entry.setCrc(file.crc());
        Optional<EntryCache.Hit> cached = cache.get(file.key(), file.size(), file.crc(), level);
        EntryCache.Hit hit = cached.isPresent() ? cached.get()
                : deflate(node.source().file(), node, file.key(), file.size(), file.crc());
        entry.setCompressedSize(hit.compressedSize());
        return new Compressed(entry, hit.data(), cached.isPresent());
    }

    /**
     * A file of medium size, read whole: its compressed bytes from a pack in the cache, or
     * compressed in memory and kept in this zip's pack. Read once and never read back: on an
     * installed tree these are most of the files the cache holds.
     */
    private Compressed compressMedium(ZipArchiveEntry entry, byte[] data, int length) {
        entry.setUnixMode(UnixStat.FILE_FLAG | (LayerZipWriter.isExecutable(java.util.Arrays.copyOf(data, PEEK))
                ? LayerZipWriter.EXECUTABLE_MODE : LayerZipWriter.FILE_MODE));
        MessageDigest sha = sha256();
        sha.update(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        String key = HexFormat.of().formatHex(sha.digest());
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setSize(length);
        entry.setCrc(crc.getValue());
        Optional<byte[]> cached = cache.packed(key, length, crc.getValue(), level);
        if (cached.isPresent()) {
            entry.setCompressedSize(cached.get().length);
            return new Compressed(entry, new java.io.ByteArrayInputStream(cached.get()), true);
        }
        Deflater deflater = mediumDeflaters.get();
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        byte[] out = mediumOutputs.get();
        int compressed = deflater.deflate(out);
        if (!deflater.finished()) {
            throw new IllegalStateException("Deflate output of " + length + " bytes exceeded " + out.length);
        }
        byte[] bytes = java.util.Arrays.copyOf(out, compressed);
        pack.put(key, level, length, crc.getValue(), bytes);
        entry.setCompressedSize(compressed);
        return new Compressed(entry, new java.io.ByteArrayInputStream(bytes), false);
    }

    /** A small file, compressed in memory: cheaper than a file in the cache (and its hash) would be. */
    private Compressed compressSmall(ZipArchiveEntry entry, byte[] data, int length) {
        entry.setUnixMode(UnixStat.FILE_FLAG | (LayerZipWriter.isExecutable(java.util.Arrays.copyOf(data,
                Math.min(PEEK, length))) ? LayerZipWriter.EXECUTABLE_MODE : LayerZipWriter.FILE_MODE));
        if (length == 0) {
            return empty(entry);
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        Deflater deflater = smallDeflaters.get();
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        byte[] out = buffers.get()[1]; // four times SMALL_FILE: more than deflate can ever make of it
        int compressed = deflater.deflate(out);
        if (!deflater.finished()) {
            throw new IllegalStateException("Deflate output of " + length + " bytes exceeded " + out.length);
        }
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setSize(length);
        entry.setCrc(crc.getValue());
        entry.setCompressedSize(compressed);
        return new Compressed(entry, new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(out, compressed)), false);
    }

    private static Compressed empty(ZipArchiveEntry entry) {
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(0);
        entry.setCompressedSize(0);
        entry.setCrc(0);
        return new Compressed(entry, null, false);
    }

    /**
     * Compresses the file into a new cache entry; the file must still be what was hashed.
     * When the cache cannot be written (a full disk, a read-only folder), the entry goes to
     * a temporary file instead, removed once it is copied into the zip: the build goes on.
     */
    private EntryCache.Hit deflate(Path source, ContentNode node, String key, long size, long crc) throws IOException {
        Path partial;
        boolean cacheable = true;
        try {
            partial = cache.partial();
        } catch (IOException e) {
            LOG.debug("The entry cache cannot be written; compressing into a temporary file", e);
            partial = Files.createTempFile("layer-studio-entry-", ".deflate");
            cacheable = false;
        }
        Deflater deflater = new Deflater(level, true);
        boolean kept = false;
        try {
            CRC32 check = new CRC32();
            long total = 0;
            byte[] in = buffers.get()[0];
            byte[] out = buffers.get()[1];
            try (InputStream file = Files.newInputStream(source);
                 OutputStream cacheFile = Files.newOutputStream(partial)) {
                EntryCache.header(cacheFile, size, crc);
                int filled = 0; // compressed bytes in out, written when it is full
                for (int n; (n = file.read(in)) >= 0; ) {
                    cancelledIfInterrupted();
                    check.update(in, 0, n);
                    total += n;
                    deflater.setInput(in, 0, n);
                    while (!deflater.needsInput()) {
                        filled += deflater.deflate(out, filled, out.length - filled);
                        if (filled == out.length) {
                            cacheFile.write(out);
                            filled = 0;
                        }
                    }
                }
                deflater.finish();
                while (!deflater.finished()) {
                    filled += deflater.deflate(out, filled, out.length - filled);
                    if (filled == out.length) {
                        cacheFile.write(out);
                        filled = 0;
                    }
                }
                cacheFile.write(out, 0, filled);
            }
            if (total != size || check.getValue() != crc) {
                throw new IOException(source + " (" + node.path() + ") changed while it was zipped.");
            }
            if (cacheable) {
                try {
                    EntryCache.Hit hit = cache.commit(partial, key, level);
                    kept = true;
                    return hit;
                } catch (IOException e) {
                    LOG.debug("Could not keep the entry for {} in the cache", node.path(), e);
                }
            }
            kept = true;
            return temporary(partial);
        } finally {
            deflater.end();
            if (!kept) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** An entry's data read from a temporary file that is removed when the data is closed. */
    private static EntryCache.Hit temporary(Path file) throws IOException {
        long compressed = Files.size(file) - EntryCache.HEADER_BYTES;
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(EntryCache.HEADER_BYTES);
        return new EntryCache.Hit(new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }, compressed);
    }

    private static void cancelledIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled while zipping");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
