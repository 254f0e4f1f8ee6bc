package dev.layerstudio.build;

import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.ZipResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.zip.DefaultBackingStoreSupplier;
import org.apache.commons.compress.archivers.zip.ParallelScatterZipCreator;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntryRequest;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipUtil;

/**
 * Writes a layer zip that is the same, byte for byte, for the same content: entries
 * sorted by name, one fixed timestamp, Unix modes (0644 files, 0755 folders and
 * executables), no extra fields from the host. Files are compressed on several threads
 * (commons-compress' scatter/gather writer, which keeps the order entries were added
 * in) straight from where they are; nothing is copied first.
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

    private static final int PEEK = 4;

    private final int threads;
    private final Path scratch;

    /**
     * @param threads compression threads
     * @param scratch a folder for compressed data while the zip is put together (removed by the caller)
     */
    LayerZipWriter(int threads, Path scratch) {
        this.threads = threads;
        this.scratch = scratch;
    }

    /** Writes the content's nodes to {@code output}, replacing it only once the zip is complete. */
    ZipResult write(LayerContent content, Path output, ProgressListener progress) throws IOException {
        List<ContentNode> nodes = new ArrayList<>(content.nodes());
        nodes.sort(Comparator.comparing(ContentNode::entryName));
        long totalBytes = content.totalBytes();
        Path out = output.toAbsolutePath().normalize();
        if (Files.isDirectory(out)) {
            throw new LayerStudioException(out + " is a folder; choose a file name for the zip.");
        }
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Files.createDirectories(scratch);
        // Beside the output, so the finished zip is renamed into place, never copied.
        Path partial = parent.resolve("." + out.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".partial");
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        AtomicLong bytesRead = new AtomicLong();
        AtomicInteger files = new AtomicInteger();
        boolean done = false;
        try {
            ParallelScatterZipCreator creator = new ParallelScatterZipCreator(pool,
                    new DefaultBackingStoreSupplier(scratch), DEFLATE_LEVEL);
            long time = ZipUtil.dosToJavaTime(FIXED_DOS_TIME);
            for (ContentNode node : nodes) {
                if (node.isConflict()) {
                    throw new IllegalStateException("Unresolved conflict at " + node.path());
                }
                creator.addArchiveEntry(() -> request(node, time, bytesRead, files, totalBytes, progress));
            }
            MessageDigest sha = sha256();
            try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 ZipArchiveOutputStream zip = new ZipArchiveOutputStream(
                         new BufferedOutputStream(new DigestOutputStream(file, sha), 1 << 16))) {
                zip.setUseZip64(Zip64Mode.AsNeeded);
                zip.setEncoding("UTF-8");
                zip.setUseLanguageEncodingFlag(true);
                zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
                creator.writeTo(zip);
            }
            moveInto(partial, out);
            done = true;
            byte[] digest = sha.digest();
            progress.progress(totalBytes, totalBytes);
            return new ZipResult(out, HexFormat.of().formatHex(digest), Base64.getEncoder().encodeToString(digest),
                    Files.size(out), bytesRead.get(), nodes.size(), files.get());
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
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static ZipArchiveEntryRequest request(ContentNode node, long time, AtomicLong bytesRead,
                                                  AtomicInteger files, long totalBytes, ProgressListener progress) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled while zipping");
        }
        ZipArchiveEntry entry = new ZipArchiveEntry(node.entryName());
        entry.setTime(time);
        if (node.directory()) {
            entry.setMethod(ZipArchiveEntry.STORED);
            entry.setUnixMode(UnixStat.DIR_FLAG | FOLDER_MODE);
            return ZipArchiveEntryRequest.createZipArchiveEntryRequest(entry, InputStream::nullInputStream);
        }
        files.incrementAndGet();
        Path source = node.source().file();
        try {
            BufferedInputStream in = new BufferedInputStream(Files.newInputStream(source), 1 << 16);
            in.mark(PEEK);
            byte[] head = in.readNBytes(PEEK);
            in.reset();
            entry.setUnixMode(UnixStat.FILE_FLAG | (isExecutable(head) ? EXECUTABLE_MODE : FILE_MODE));
            entry.setMethod(head.length == 0 ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
            InputStream counted = new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("Cancelled while zipping");
                    }
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        progress.progress(bytesRead.addAndGet(n), totalBytes);
                    }
                    return n;
                }
            };
            return ZipArchiveEntryRequest.createZipArchiveEntryRequest(entry, () -> counted);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Could not read " + source + " for "
                    + node.path() + ": " + e.getMessage(), e));
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
}
