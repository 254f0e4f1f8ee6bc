package dev.layerstudio.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SHA-256 of local files, remembered by path, size, modification time and file key, so a
 * zip looked at again is not read end to end again (the way version control tools avoid
 * re-hashing unchanged files). A record is trusted only when the file had not changed for
 * {@link #SETTLE_MILLIS} before it was made, so a write landing in the same clock tick as
 * the hashing cannot hide behind an unchanged time stamp.
 */
final class FileDigests {

    static final long SETTLE_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(FileDigests.class);

    private final Path dir;

    FileDigests(Path dir) {
        this.dir = dir;
    }

    /** Base64 SHA-256 of {@code file}, as Lambda's CodeSha256. */
    String sha256(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        String stamp = stamp(path);
        Path record = dir.resolve("digest-" + hex(path.toString().getBytes(StandardCharsets.UTF_8)) + ".txt");
        String remembered = remembered(record, path, stamp);
        if (remembered != null) {
            return remembered;
        }
        long hashedAt = System.currentTimeMillis();
        String sha256 = hash(path);
        if (stamp.equals(stamp(path))) {
            remember(record, List.of(path.toString(), stamp, sha256, Long.toString(hashedAt)));
        }
        return sha256;
    }

    private static String remembered(Path record, Path path, String stamp) {
        try {
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            if (lines.size() == 4 && lines.get(0).equals(path.toString()) && lines.get(1).equals(stamp)
                    && modifiedMillis(stamp) + SETTLE_MILLIS < Long.parseLong(lines.get(3))) {
                return lines.get(2);
            }
        } catch (IOException | RuntimeException absentOrDamaged) {
            // hash it again
        }
        return null;
    }

    private void remember(Path record, List<String> lines) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "digest-", ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Could not remember the digest of {}", lines.get(0), e);
        }
    }

    /** Size, modification time (ns) and file key: what changes when a file's bytes do. */
    private static String stamp(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + a.fileKey();
    }

    private static long modifiedMillis(String stamp) {
        return TimeUnit.NANOSECONDS.toMillis(Long.parseLong(stamp.split(" ", 3)[1]));
    }

    static String hash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[256 * 1024];
            while (in.read(buffer) >= 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Inspection cancelled.");
                }
            }
            return Base64.getEncoder().encodeToString(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
