package dev.layerstudio.project;

import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.PublishedStart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of a project started from a published version: {@code layer-studio.toml}, the pins in
 * {@code requirements.txt} and the user's files under {@code layer-code/}. Nothing already there is
 * overwritten.
 */
public final class ProjectStart {

    private ProjectStart() {
    }

    /** Refuses a folder that already holds a project, a requirements file, or files in {@code layer-code/}. */
    public static void checkFree(Path dir) {
        for (String name : new String[] {ProjectFile.DEFAULT_NAME, PublishedStart.REQUIREMENTS_FILE}) {
            if (Files.exists(dir.resolve(name))) {
                throw new LayerStudioException(dir.resolve(name) + " exists already; nothing was written.",
                        "Choose a new folder for the project.", null);
            }
        }
        Path code = dir.resolve(PublishedStart.CODE_FOLDER);
        if (Files.exists(code)) {
            try (var list = Files.list(code)) {
                if (list.findAny().isPresent()) {
                    throw new LayerStudioException(code + " is not empty; nothing was written.",
                            "Choose a new folder for the project.", null);
                }
            } catch (IOException e) {
                throw new LayerStudioException(code + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** Writes the pins and the project file into {@code dir}; returns the project file. */
    public static Path write(Path dir, PublishedStart start, LayerProject project, String source) {
        try {
            Files.createDirectories(dir);
            if (!start.pins().isEmpty()) {
                Files.writeString(dir.resolve(PublishedStart.REQUIREMENTS_FILE), start.requirementsText(source),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new LayerStudioException("Could not write " + dir.resolve(PublishedStart.REQUIREMENTS_FILE) + ": "
                    + e.getMessage(), e);
        }
        Path file = dir.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(project, file);
        return file;
    }
}
