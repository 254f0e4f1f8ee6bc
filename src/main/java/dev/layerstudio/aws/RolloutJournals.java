package dev.layerstudio.aws;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.RolloutJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rollout journals as JSON files, one per rollout ({@code <id>.json}) in one folder, each
 * written to a temporary file beside it and moved into place, so a crash leaves the old
 * journal or the new one, never half of one.
 */
public final class RolloutJournals {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutJournals.class);

    private final Path dir;

    public RolloutJournals(Path dir) {
        this.dir = dir;
    }

    /** {@code rollouts/} in the app's data folder. */
    public static RolloutJournals inData(AppDirs dirs) {
        return new RolloutJournals(dirs.data().resolve("rollouts"));
    }

    /** {@code rollouts/} beside the apply journals' folder (in the data folder, or a test's temporary one). */
    public static RolloutJournals beside(ApplyJournals applies) {
        return new RolloutJournals(applies.dir().resolveSibling("rollouts"));
    }

    public Path dir() {
        return dir;
    }

    public Path fileOf(String id) {
        return dir.resolve(id + ".json");
    }

    public Optional<RolloutJournal> load(String id) {
        Path file = fileOf(id);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Writes the journal atomically (temporary file, then a move over the old one). */
    public synchronized void save(RolloutJournal journal) {
        Path file = fileOf(journal.id());
        try {
            JsonFiles.write(file, journal);
        } catch (IOException e) {
            throw new LayerStudioException("Could not write the rollout journal " + file + ": " + e.getMessage(),
                    "Check that the folder is writable; the wave's results are also printed.", e);
        }
    }

    /**
     * The journals of rollouts in {@code region} of {@code layer} (a name, or a layer ARN) to
     * {@code toVersion}: normally one; several only when layers of the same name in different
     * accounts were rolled out from this computer.
     */
    public List<RolloutJournal> find(String region, String layer, long toVersion) {
        Optional<LayerVersionRef> arn = LayerVersionRef.tryParse(layer);
        List<RolloutJournal> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                RolloutJournal j;
                try {
                    j = read(file);
                } catch (LayerStudioException e) {
                    LOG.warn("Skipping {}: {}", file, e.getMessage());
                    continue;
                }
                LayerVersionRef target = j.target();
                boolean sameLayer = arn.map(a -> a.sameLayer(target)).orElse(target.name().equals(layer));
                if (sameLayer && target.version() == toVersion && target.region().equals(region)) {
                    out.add(j);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static RolloutJournal read(Path file) {
        try {
            return JsonFiles.read(file, RolloutJournal.class);
        } catch (IOException | RuntimeException e) {
            throw new LayerStudioException("The rollout journal " + file + " cannot be read: " + e.getMessage(),
                    "Move the file away to start the rollout again.", e);
        }
    }
}
