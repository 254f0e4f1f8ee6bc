package dev.layerstudio.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The zips of the layer versions published to the sandbox, one file per version ARN in
 * a folder of the sandbox's own (emptied on reset, removed when the sandbox stops).
 * moto keeps the content too but never gives it back, so the sandbox keeps its copy.
 */
final class LayerZipStore {

    private final Path dir;
    private final Map<String, Path> kept = new ConcurrentHashMap<>();

    /** A store in {@code dir}; whatever an earlier run left there is removed. */
    LayerZipStore(Path dir) {
        this.dir = dir;
        SandboxSeed.deleteTree(dir);
    }

    /**
     * Keeps {@code zip} as the content of {@code layerVersionArn}, replacing any earlier copy.
     *
     * @return the base64 SHA-256 of what was kept (as Lambda reports CodeSha256)
     */
    String put(String layerVersionArn, InputStream zip) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "incoming-", ".part");
        try {
            MessageDigest sha = sha256();
            try (InputStream in = new java.security.DigestInputStream(zip, sha)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Path file = file(layerVersionArn);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            kept.put(layerVersionArn, file);
            return Base64.getEncoder().encodeToString(sha.digest());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The kept zip of a version, if there is one. */
    Optional<Path> find(String layerVersionArn) {
        return Optional.ofNullable(kept.get(layerVersionArn)).filter(Files::isRegularFile);
    }

    /** Forgets the zips of the versions {@code which} picks. */
    void removeIf(Predicate<String> which) throws IOException {
        for (String arn : kept.keySet()) {
            if (which.test(arn)) {
                Path file = kept.remove(arn);
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Forgets every kept zip (the folder itself goes too). */
    void clear() {
        kept.clear();
        SandboxSeed.deleteTree(dir);
    }

    /** A file name for an ARN that is safe on every file system (ARNs hold colons). */
    private Path file(String layerVersionArn) {
        byte[] digest = sha256().digest(layerVersionArn.getBytes(StandardCharsets.UTF_8));
        return dir.resolve(HexFormat.of().formatHex(digest) + ".zip");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
