package dev.layerstudio.ui.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project files opened or saved lately, most recent first, in {@code recent-projects.txt} in
 * the app's settings folder (one absolute path a line; never in the user's repository).
 */
public final class RecentProjects {

    private static final Logger LOG = LoggerFactory.getLogger(RecentProjects.class);
    static final int LIMIT = 12;

    private final Path file;

    public RecentProjects(Path settingsFolder) {
        this.file = settingsFolder.resolve("recent-projects.txt");
    }

    /** One project of the list; {@code missing} when the file is no longer there. */
    public record Entry(Path file, boolean missing) {
        public String name() {
            return file.getFileName() == null ? file.toString() : file.getFileName().toString();
        }
    }

    /** The list as stored, each file checked for being there. */
    public List<Entry> list() {
        return paths().stream().map(p -> new Entry(p, !Files.isRegularFile(p))).toList();
    }

    /** Puts a project at the top of the list. */
    public void add(Path project) {
        Path p = project.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>(paths());
        all.remove(p);
        all.add(0, p);
        write(all.size() > LIMIT ? all.subList(0, LIMIT) : all);
    }

    /** Takes a project off the list (the file itself is left alone). */
    public void remove(Path project) {
        List<Path> all = new ArrayList<>(paths());
        if (all.remove(project.toAbsolutePath().normalize())) {
            write(all);
        }
    }

    private List<Path> paths() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Path> all = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        Path p = Path.of(line.strip());
                        if (p.isAbsolute() && !all.contains(p)) {
                            all.add(p);
                        }
                    } catch (InvalidPathException e) {
                        LOG.debug("Skipping {} in {}", line, file, e);
                    }
                }
            }
            return all;
        } catch (IOException e) {
            LOG.warn("Could not read {}", file, e);
            return List.of();
        }
    }

    private void write(List<Path> all) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "recent", ".tmp");
            StringBuilder text = new StringBuilder();
            all.forEach(p -> text.append(p).append('\n'));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save {}", file, e);
        }
    }
}
