package dev.layerstudio.aws;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inventory of each source, as JSON under the cache folder ({@code inventory/<source>.json}),
 * each slice with the time it was read. Written atomically; an unreadable file counts as no cache.
 */
public final class InventoryCache {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryCache.class);

    private final Path dir;

    public InventoryCache(Path dir) {
        this.dir = dir;
    }

    public static InventoryCache inCache(AppDirs dirs) {
        return new InventoryCache(dirs.cache().resolve("inventory"));
    }

    /** The file for a source: its description made file-safe, with a short hash so different ones never collide. */
    public Path file(String source) {
        String safe = source.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-|-$", "");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return dir.resolve(safe + "-" + hash(source) + ".json");
    }

    public void save(Inventory inventory) {
        try {
            JsonFiles.write(file(inventory.source()), inventory);
        } catch (IOException e) {
            throw new LayerStudioException("Could not save the inventory in " + dir + ": " + e.getMessage(), null, e);
        }
    }

    public Optional<Inventory> load(String source) {
        Path f = file(source);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonFiles.read(f, Inventory.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable inventory cache {}", f, e);
            return Optional.empty();
        }
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
