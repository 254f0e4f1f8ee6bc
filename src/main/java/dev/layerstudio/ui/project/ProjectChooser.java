package dev.layerstudio.ui.project;

import dev.layerstudio.project.ProjectFile;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where a project is opened from or saved to: the platform's file dialogs, or what a test gives. */
public interface ProjectChooser {

    Optional<Path> open(Window owner);

    Optional<Path> save(Window owner, Path current);

    /** A folder for a new project (Start from version). */
    Optional<Path> folder(Window owner);

    /** The platform's dialogs, filtered to TOML files. */
    static ProjectChooser platform(ResourceBundle text) {
        return new ProjectChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                FileChooser chooser = chooser(text, text.getString("project.chooser.open"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, Path current) {
                FileChooser chooser = chooser(text, text.getString("project.chooser.save"));
                chooser.setInitialFileName(current == null ? ProjectFile.DEFAULT_NAME : current.getFileName().toString());
                if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
                    chooser.setInitialDirectory(current.getParent().toFile());
                }
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> folder(Window owner) {
                javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
                chooser.setTitle(text.getString("startFrom.chooser"));
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }

    private static FileChooser chooser(ResourceBundle text, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(text.getString("project.chooser.filter"), "*.toml"),
                new FileChooser.ExtensionFilter(text.getString("project.chooser.all"), "*"));
        return chooser;
    }
}
