package dev.layerstudio.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS CLI's SSO token cache: {@code <dir>/<sha1 hex of the key>.json}, where the
 * key is the sso-session name (or the start URL of a legacy profile). The app reads
 * and writes the same files, so one sign-in serves both {@code aws} and Layer Studio.
 *
 * <p>Files are written owner-only (POSIX 600 where the file system has POSIX
 * permissions, the folder 700) and atomically (a temporary file moved into place).
 */
public final class SsoTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(SsoTokenCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

    private final Path dir;

    public SsoTokenCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The file the AWS CLI uses for this key. */
    public Path fileFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(sha1) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    /**
     * The cached token, or empty when there is none or it cannot be read (a broken file
     * is treated as "not signed in", like the AWS CLI does).
     */
    public Optional<SsoToken> read(String key) {
        Path file = fileFor(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            String accessToken = text(n, "accessToken");
            Instant expiresAt = instant(n, "expiresAt");
            if (accessToken == null || expiresAt == null) {
                LOG.warn("The SSO token cache file {} has no accessToken or expiresAt; ignoring it", file);
                return Optional.empty();
            }
            return Optional.of(new SsoToken(text(n, "startUrl"), text(n, "region"), accessToken, expiresAt,
                    text(n, "refreshToken"), text(n, "clientId"), text(n, "clientSecret"),
                    instant(n, "registrationExpiresAt")));
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("Could not read the SSO token cache file {}; treating it as signed out: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Writes the token where the AWS CLI would, owner-only and atomically. */
    public void write(String key, SsoToken token) {
        Path file = fileFor(key);
        ObjectNode n = JSON.createObjectNode();
        putIfSet(n, "startUrl", token.startUrl());
        putIfSet(n, "region", token.region());
        n.put("accessToken", token.accessToken());
        n.put("expiresAt", format(token.expiresAt()));
        putIfSet(n, "refreshToken", token.refreshToken());
        putIfSet(n, "clientId", token.clientId());
        putIfSet(n, "clientSecret", token.clientSecret());
        if (token.registrationExpiresAt() != null) {
            n.put("registrationExpiresAt", format(token.registrationExpiresAt()));
        }
        try {
            createPrivateDirectories(dir);
            Path tmp = createPrivateTempFile(dir);
            try {
                Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new LayerStudioException("Could not save the SSO sign-in to " + file + " (" + e.getMessage() + ").",
                    "Check that the folder " + dir + " can be written.", e);
        }
    }

    /** Forgets the token (sign out on this computer). */
    public void delete(String key) {
        try {
            Files.deleteIfExists(fileFor(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        if (posix()) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static Path createPrivateTempFile(Path dir) throws IOException {
        if (posix()) {
            return Files.createTempFile(dir, ".layer-studio-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path tmp = Files.createTempFile(dir, ".layer-studio-", ".tmp");
        // Without POSIX permissions: at least readable and writable by the owner only.
        tmp.toFile().setReadable(false, false);
        tmp.toFile().setReadable(true, true);
        tmp.toFile().setWritable(false, false);
        tmp.toFile().setWritable(true, true);
        return tmp;
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** The AWS CLI writes "2024-01-01T00:00:00Z"; older tools wrote "...UTC" or "+0000". */
    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        if (s.endsWith("UTC")) {
            s = s.substring(0, s.length() - 3).trim() + "Z";
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant();
            }
        }
    }

    /** The AWS CLI's format: UTC, whole seconds, "Z". */
    static String format(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
