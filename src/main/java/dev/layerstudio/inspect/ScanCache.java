package dev.layerstudio.inspect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans of layers on disk, keyed by the SHA-256 of the zip (Lambda's CodeSha256 for a
 * published version), so the second look at the same content reads nothing but one
 * small file. Bounded: past {@code maxBytes} the least recently used scans go.
 * A damaged or outdated cache file is ignored and removed, never fatal.
 */
final class ScanCache {

    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ScanCache.class);
    private static final String PREFIX = "scan-v" + LayerScan.FORMAT + "-";
    private static final String SUFFIX = ".json.gz";

    private final Path dir;
    private final long maxBytes;

    /** Made on first use: an inspection of a URL with no SHA-256 never needs it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    ScanCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    Optional<LayerScan> get(String sha256) {
        Optional<Path> file = file(sha256);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file.get()))) {
            LayerScan scan = Json.MAPPER.readValue(in, LayerScan.class);
            if (scan.format() != LayerScan.FORMAT || !sha256.equals(scan.sha256())) {
                return Optional.empty();
            }
            Files.setLastModifiedTime(file.get(), FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(scan);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable cache file {}", file.get(), e);
            deleteQuietly(file.get());
            return Optional.empty();
        }
    }

    void put(LayerScan scan) {
        Optional<Path> file = file(scan.sha256());
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "scan-", ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                Json.MAPPER.writeValue(out, scan);
            }
            Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            trim();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not cache the scan of {}", scan.sha256(), e);
        }
    }

    /** Removes the least recently used scans until the cache fits. */
    private void trim() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) || p.getFileName().toString().endsWith(".tmp"))
                    .forEach(files::add);
        }
        long total = 0;
        for (Path p : files) {
            total += Files.size(p);
        }
        files.sort(Comparator.comparing(ScanCache::modified));
        for (Path p : files) {
            if (total <= maxBytes) {
                break;
            }
            long size = Files.size(p);
            deleteQuietly(p);
            total -= size;
        }
    }

    private Optional<Path> file(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        try {
            byte[] digest = Base64.getDecoder().decode(sha256);
            if (digest.length != 32) {
                return Optional.empty();
            }
            return Optional.of(dir.resolve(PREFIX + HexFormat.of().formatHex(digest) + SUFFIX));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", p, e);
        }
    }
}
