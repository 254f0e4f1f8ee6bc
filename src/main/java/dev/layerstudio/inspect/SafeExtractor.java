package dev.layerstudio.inspect;

import dev.layerstudio.model.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts a zip's regular files and folders into a folder, and nothing anywhere else: names
 * that climb out ({@code ../}, absolute, drive letters), symlinks and unreadable entries are
 * left out. A zip bomb is refused before the first byte is written (declared total above
 * Lambda's unzipped limit, or an entry compressed more than {@link #MAX_RATIO} to 1), and an
 * entry that inflates beyond the size it declares is cut off and the extraction refused.
 */
final class SafeExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(SafeExtractor.class);

    /** Deflate cannot do better than about 1032:1; anything above is crafted. */
    static final long MAX_RATIO = 1100;
    /** Entries this small are not judged by their ratio. */
    static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private final long maxTotalBytes;

    SafeExtractor() {
        this(Limits.UNZIPPED_TOTAL_BYTES);
    }

    SafeExtractor(long maxTotalBytes) {
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Extracts {@code zip} into the empty folder {@code dir}. */
    void extract(Path zip, Path dir) throws IOException {
        extract(zip, dir, name -> true);
    }

    /** Extracts the entries of {@code zip} whose names {@code wanted} accepts into the folder {@code dir}. */
    void extract(Path zip, Path dir, Predicate<String> wanted) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> chosen = new ArrayList<>();
            long declared = 0;
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                if (!wanted.test(e.getName())) {
                    continue;
                }
                if (ArchiveChecks.unsafeReason(e.getName()) != null || e.isUnixSymlink() || !zf.canReadEntryData(e)
                        || !root.resolve(e.getName()).normalize().startsWith(root)) {
                    LOG.debug("Not extracting {}", e.getName());
                    continue;
                }
                if (!e.isDirectory()) {
                    declared = checkDeclared(zip, e, declared);
                }
                chosen.add(e);
            }
            for (ZipArchiveEntry e : chosen) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("Extraction cancelled.");
                }
                Path target = root.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zf.getInputStream(e);
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    copy(zip, e, in, out);
                } catch (FileAlreadyExistsException duplicate) {
                    LOG.debug("Duplicate entry {} skipped", e.getName());
                }
            }
        }
    }

    private long checkDeclared(Path zip, ZipArchiveEntry e, long declaredSoFar) throws ZipException {
        long size = e.getSize();
        long compressed = e.getCompressedSize();
        if (size < 0 || compressed < 0) {
            throw new ZipException(zip.getFileName() + " does not say how large " + e.getName()
                    + " is; it was not extracted.");
        }
        if (size > RATIO_FLOOR_BYTES && size / Math.max(1, compressed) > MAX_RATIO) {
            throw new ZipException(zip.getFileName() + " looks like a zip bomb: " + e.getName() + " would grow from "
                    + compressed + " to " + size + " bytes; nothing was extracted.");
        }
        long total = declaredSoFar + size;
        if (total > maxTotalBytes || total < 0) {
            throw new ZipException(zip.getFileName() + " would unzip to more than " + maxTotalBytes
                    + " bytes (Lambda's limit); nothing was extracted.");
        }
        return total;
    }

    /** Copies at most the declared size; more is a lie about the size and ends the extraction. */
    private static void copy(Path zip, ZipArchiveEntry e, InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = e.getSize();
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, left + 1))) > 0) {
            if (n > left) {
                throw new ZipException(zip.getFileName() + ": " + e.getName() + " holds more than the "
                        + e.getSize() + " bytes it declares; extraction stopped.");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
