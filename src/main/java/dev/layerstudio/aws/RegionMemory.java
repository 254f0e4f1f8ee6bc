package dev.layerstudio.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.layerstudio.model.AppDirs;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region last chosen for each connection (a profile, or an SSO account and role),
 * kept in a small JSON file in the settings folder. A missing or broken file simply
 * means nothing is remembered; failing to save is logged, never shown.
 */
public final class RegionMemory {

    private static final Logger LOG = LoggerFactory.getLogger(RegionMemory.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FILE_NAME = "regions.json";

    private final Path file;

    public RegionMemory(Path file) {
        this.file = file;
    }

    /** {@code regions.json} in the app's settings folder. */
    public static RegionMemory inSettings(AppDirs dirs) {
        return new RegionMemory(dirs.settings().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> recall(String key) {
        return Optional.ofNullable(load().get(key));
    }

    public synchronized void remember(String key, String region) {
        if (key == null || region == null || region.isBlank()) {
            return;
        }
        Map<String, String> all = load();
        if (region.equals(all.get(key))) {
            return;
        }
        all.put(key, region);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".regions-", ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), all);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("Could not remember region {} for {} in {}", region, key, file, e);
        }
    }

    private Map<String, String> load() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            Map<String, String> m = JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {
            });
            return m == null ? new TreeMap<>() : m;
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable region settings {}: {}", file, e.toString());
            return new TreeMap<>();
        }
    }
}
