package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.ZipEntryInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Walks a folder as if it were the layer's zip: every file, folder and symlink with
 * its size, mode and CRC-32, and an estimate of the zipped size (each file deflated
 * as a zip writer would, plus the zip's own headers). Symlinks are reported, not followed.
 */
final class FolderScanner {

    /** Local header (30) + central header (46) per entry, before the name, which both hold. */
    private static final int ENTRY_OVERHEAD = 76;
    private static final int END_RECORD = 22;

    private FolderScanner() {
    }

    static LayerScan scan(Path root) throws IOException {
        List<ZipEntryInfo> entries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        long[] zipped = {END_RECORD};
        byte[] buffer = new byte[64 * 1024];
        byte[] sink = new byte[64 * 1024];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    checkCancelled();
                    if (!dir.equals(root)) {
                        String path = relative(root, dir);
                        entries.add(new ZipEntryInfo(path, EntryKind.DIRECTORY, 0, 0, mode(dir, 0040000), -1));
                        files.add(dir);
                        zipped[0] += ENTRY_OVERHEAD + 2L * (path.length() + 1);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    checkCancelled();
                    String path = relative(root, file);
                    zipped[0] += ENTRY_OVERHEAD + 2L * path.length();
                    if (attrs.isSymbolicLink()) {
                        byte[] target = Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8);
                        CRC32 crc = new CRC32();
                        crc.update(target);
                        entries.add(new ZipEntryInfo(path, EntryKind.SYMLINK, target.length, target.length,
                                mode(file, 0120000), crc.getValue()));
                        zipped[0] += target.length;
                    } else {
                        long[] crcAndDeflated = digest(file, buffer, sink, deflater);
                        long stored = Math.min(crcAndDeflated[1], attrs.size());
                        entries.add(new ZipEntryInfo(path, EntryKind.FILE, stored, attrs.size(), mode(file, 0100000),
                                crcAndDeflated[0]));
                        zipped[0] += stored;
                    }
                    files.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } finally {
            deflater.end();
        }
        ScanAssembler.EntryContent content = (index, maxBytes) -> {
            Path p = files.get(index);
            if (Files.isSymbolicLink(p)) {
                return Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8);
            }
            try (InputStream in = Files.newInputStream(p)) {
                return in.readNBytes(maxBytes);
            }
        };
        return ScanAssembler.assemble(null, zipped[0], true, entries, Map.of(), content);
    }

    /** CRC-32 and deflated size of a file, in one pass. */
    private static long[] digest(Path file, byte[] buffer, byte[] sink, Deflater deflater) throws IOException {
        CRC32 crc = new CRC32();
        deflater.reset();
        long deflated = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
                deflater.setInput(buffer, 0, n);
                while (!deflater.needsInput()) {
                    deflated += deflater.deflate(sink);
                }
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            deflated += deflater.deflate(sink);
        }
        return new long[] {crc.getValue(), deflated};
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** The Unix mode with the given type bits, or 0 where the file system has no POSIX permissions. */
    private static int mode(Path p, int typeBits) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return 0;
        }
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            int mode = typeBits;
            for (PosixFilePermission perm : perms) {
                mode |= 0400 >> perm.ordinal();
            }
            return mode;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Inspection cancelled.");
        }
    }
}
