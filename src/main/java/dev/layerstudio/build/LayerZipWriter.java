package dev.layerstudio.build;

import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.ZipResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipUtil;

/**
 * Writes a layer zip that is the same, byte for byte, for the same content: entries
 * sorted by name, one fixed timestamp, Unix modes (0644 files, 0755 folders and
 * executables), no extra fields from the host. Files are compressed on several threads
 * ({@link EntryCompressor}), a bounded window of entries ahead of the one being written,
 * and their compressed bytes are copied into the zip as they are
 * ({@link ZipArchiveOutputStream#addRawArchiveEntry}) in name order.
 *
 * <p>Compressed entries are kept in an {@link EntryCache} by content hash, so a rebuild
 * compresses only the files that changed; a zip written from the cache is the same, byte
 * for byte, as one written without it.
 *
 * <p>Whether a file is executable is read from its first bytes ({@code #!} or an ELF
 * header), not from the host's permission bits, so a zip made on Windows matches one
 * made on Linux.
 */
final class LayerZipWriter {

    /** 1980-01-01 00:00:00, the earliest time a zip entry can hold, in the zip's own (local) clock. */
    static final long FIXED_DOS_TIME = (1L << 21) | (1L << 16);
    static final int FILE_MODE = 0644;
    static final int EXECUTABLE_MODE = 0755;
    static final int FOLDER_MODE = 0755;
    /**
     * Deflate level 5, not zlib's default 6: on an installed pandas + numpy + requests tree
     * (152 MB) it costs a third less CPU for 1.3% more compressed bytes (measured with zlib
     * itself; docs/BENCHMARKS.md B2), well inside Lambda's limits' margins.
     */
    static final int DEFLATE_LEVEL = 5;
    /** Entries compressed ahead of the one being written, per thread: bounds open files and memory. */
    private static final int AHEAD_PER_THREAD = 16;
    /** Large files started before their turn and not yet written: bounds open files. */
    private static final int LARGE_AHEAD = 8;
    /** Marks a written entry in the list of pending ones. */
    private static final Future<EntryCompressor.Compressed> DONE = CompletableFuture.completedFuture(null);

    private final int threads;
    private final EntryCache cache;
    private final AtomicInteger reused = new AtomicInteger();

    /**
     * @param threads compression threads
     * @param cache   where compressed entries are kept between builds
     */
    LayerZipWriter(int threads, EntryCache cache) {
        this.threads = threads;
        this.cache = cache;
    }

    /** How many entries the last {@link #write} copied from the cache instead of compressing them. */
    int reusedEntries() {
        return reused.get();
    }

    /** Writes the content's nodes to {@code output}, replacing it only once the zip is complete. */
    ZipResult write(LayerContent content, Path output, ProgressListener progress) throws IOException {
        List<ContentNode> nodes = new ArrayList<>(content.nodes());
        nodes.sort(Comparator.comparing(ContentNode::entryName));
        for (ContentNode node : nodes) {
            if (node.isConflict()) {
                throw new IllegalStateException("Unresolved conflict at " + node.path());
            }
        }
        long totalBytes = content.totalBytes();
        Path out = output.toAbsolutePath().normalize();
        if (Files.isDirectory(out)) {
            throw new LayerStudioException(out + " is a folder; choose a file name for the zip.");
        }
        Path parent = out.getParent();
        Files.createDirectories(parent);
        // Beside the output, so the finished zip is renamed into place, never copied.
        Path partial = parent.resolve("." + out.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".partial");
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        EntryPack pack = cache.newPack();
        EntryCompressor compressor = new EntryCompressor(cache, pack, DEFLATE_LEVEL);
        AtomicLong bytesRead = new AtomicLong();
        long time = ZipUtil.dosToJavaTime(FIXED_DOS_TIME);
        List<Future<EntryCompressor.Compressed>> pending = new ArrayList<>(Collections.nCopies(nodes.size(), null));
        reused.set(0);
        int files = 0;
        boolean done = false;
        try {
            MessageDigest sha = sha256();
            try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 ZipArchiveOutputStream zip = new ZipArchiveOutputStream(
                         new BufferedOutputStream(new DigestOutputStream(file, sha), 1 << 16))) {
                zip.setUseZip64(Zip64Mode.AsNeeded);
                zip.setEncoding("UTF-8");
                zip.setUseLanguageEncodingFlag(true);
                zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
                int ahead = threads * AHEAD_PER_THREAD;
                int next = 0; // the next entry of the window to start
                int nextLarge = 0; // the next entry to look at for a large file to start early
                int largeInFlight = 0; // started early, not yet written
                boolean[] early = new boolean[nodes.size()];
                for (int i = 0; i < nodes.size(); i++) {
                    // A large file (a shared library of tens of MB) takes one thread a second or more:
                    // started early, it is compressed while the other threads go through the small files,
                    // instead of holding the window up when its turn comes. It goes through a file, not
                    // memory, so starting it early costs an open file only.
                    for (; nextLarge < nodes.size() && largeInFlight < LARGE_AHEAD; nextLarge++) {
                        if (nextLarge >= next && isLarge(nodes.get(nextLarge))) {
                            pending.set(nextLarge, start(pool, compressor, nodes.get(nextLarge), time, bytesRead,
                                    totalBytes, progress));
                            early[nextLarge] = true;
                            largeInFlight++;
                        }
                    }
                    for (; next < nodes.size() && next < i + ahead; next++) {
                        if (pending.get(next) == null) { // not started early
                            pending.set(next, start(pool, compressor, nodes.get(next), time, bytesRead, totalBytes,
                                    progress));
                        }
                    }
                    if (Thread.currentThread().isInterrupted()) { // a finished entry's get() would not say
                        throw new CancellationException("Cancelled while zipping");
                    }
                    EntryCompressor.Compressed c = pending.get(i).get();
                    pending.set(i, DONE);
                    if (early[i]) {
                        largeInFlight--;
                    }
                    try (InputStream data = c.data() == null ? InputStream.nullInputStream() : c.data()) {
                        zip.addRawArchiveEntry(c.entry(), data);
                    }
                    if (!nodes.get(i).directory()) {
                        files++;
                    }
                    if (c.fromCache()) {
                        reused.incrementAndGet();
                    }
                }
            }
            moveInto(partial, out);
            done = true;
            byte[] digest = sha.digest();
            progress.progress(totalBytes, totalBytes);
            return new ZipResult(out, HexFormat.of().formatHex(digest), Base64.getEncoder().encodeToString(digest),
                    Files.size(out), bytesRead.get(), nodes.size(), files);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while zipping");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException ce) {
                throw ce;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    throw new IOException("Compression threads did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeUnwritten(pending);
            if (!done) {
                Files.deleteIfExists(partial);
            }
            pack.close(); // what was compressed is kept, even for a zip that failed or was cancelled
            cache.trim();
        }
    }

    /** Closes the data of entries compressed but not written (after a failure or a cancel). */
    private static void closeUnwritten(List<Future<EntryCompressor.Compressed>> pending) {
        for (Future<EntryCompressor.Compressed> f : pending) {
            if (f != null && f.isDone() && !f.isCancelled()) {
                try {
                    EntryCompressor.Compressed c = f.get();
                    if (c != null && c.data() != null) { // null: written already
                        c.data().close();
                    }
                } catch (ExecutionException | InterruptedException | IOException | CancellationException ignored) {
                    // nothing to close
                }
            }
        }
    }

    /** A script ({@code #!}) or a native program or library (ELF). */
    static boolean isExecutable(byte[] head) {
        if (head.length >= 2 && head[0] == '#' && head[1] == '!') {
            return true;
        }
        return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    private static void moveInto(Path partial, Path out) throws IOException {
        try {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "layer-zip-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static Future<EntryCompressor.Compressed> start(ExecutorService pool, EntryCompressor compressor,
            ContentNode node, long time, AtomicLong bytesRead, long totalBytes, ProgressListener progress) {
        return pool.submit(() -> compressor.compress(node, time,
                n -> progress.progress(bytesRead.addAndGet(n), totalBytes)));
    }

    private static boolean isLarge(ContentNode node) {
        return !node.directory() && node.size() > EntryCompressor.MEDIUM_FILE;
    }
}
