package dev.layerstudio.ui.project;

import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.project.ProjectFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recovery copy of the wizard's unsaved state, in {@code recovery/} in the app's settings
 * folder: the project (paths absolute) and which project file it belongs to, if any. Written a
 * few seconds after each change, removed once the work is saved or discarded; found at the next
 * start when the window did not close cleanly.
 */
public final class ProjectRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectRecovery.class);
    private static final String PROJECT = "unsaved-project.toml";
    private static final String ABOUT = "unsaved-project.properties";

    private final Path dir;

    public ProjectRecovery(Path settingsFolder) {
        this.dir = settingsFolder.resolve("recovery");
    }

    /** What a recovery copy holds: the project, the file it was opened from or saved to (or none), and when. */
    public record Recovered(LayerProject project, Path file, Instant savedAt) {
    }

    /** Writes the copy (the project first, then what it belongs to, each whole or not at all). */
    public void write(LayerProject project, Path file, Instant now) {
        ProjectFile.write(project, dir.resolve(PROJECT));
        Properties about = new Properties();
        if (file != null) {
            about.setProperty("file", file.toAbsolutePath().normalize().toString());
        }
        about.setProperty("savedAt", now.toString());
        try {
            Path tmp = Files.createTempFile(dir, "about", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                about.store(out, "Layer Studio: unsaved work");
            }
            Files.move(tmp, dir.resolve(ABOUT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LayerStudioException("The recovery copy could not be written: " + e.getMessage(), e);
        }
    }

    /** The copy a window left, if there is one that can be read. */
    public Optional<Recovered> find() {
        Path project = dir.resolve(PROJECT);
        if (!Files.isRegularFile(project)) {
            return Optional.empty();
        }
        Properties about = new Properties();
        Path aboutFile = dir.resolve(ABOUT);
        if (Files.isRegularFile(aboutFile)) {
            try (InputStream in = Files.newInputStream(aboutFile)) {
                about.load(in);
            } catch (IOException e) {
                LOG.warn("Could not read {}", aboutFile, e);
            }
        }
        try {
            LayerProject p = ProjectFile.read(project).project();
            String file = about.getProperty("file");
            Instant at;
            try {
                at = Instant.parse(about.getProperty("savedAt", ""));
            } catch (java.time.format.DateTimeParseException e) {
                at = Files.getLastModifiedTime(project).toInstant();
            }
            return Optional.of(new Recovered(p, file == null ? null : Path.of(file), at));
        } catch (LayerStudioException | IOException e) {
            LOG.warn("The recovery copy {} cannot be read; it is left alone", project, e);
            return Optional.empty();
        }
    }

    /** Removes the copy. */
    public void clear() {
        try {
            Files.deleteIfExists(dir.resolve(PROJECT));
            Files.deleteIfExists(dir.resolve(ABOUT));
        } catch (IOException e) {
            LOG.warn("Could not remove the recovery copy in {}", dir, e);
        }
    }
}
