package dev.layerstudio.ui.contents;

import java.io.File;
import java.util.List;
import java.util.ResourceBundle;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Contents page's file and folder choosers: each opens in the folder the last one was
 * used in (while it exists), not in the platform's default ("Recent", the home folder).
 */
final class PageChoosers {

    private final ResourceBundle text;
    private File lastFolder;

    PageChoosers(ResourceBundle text) {
        this.text = text;
    }

    /** Files to add; empty when cancelled. */
    List<File> files(Window owner) {
        FileChooser chooser = fileChooser("contents.tree.addFiles");
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files;
    }

    /** A folder to add, or null. */
    File folder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.getString("contents.tree.addFolder"));
        chooser.setInitialDirectory(lastFolder());
        return remember(chooser.showDialog(owner));
    }

    /** Where to save the pinned versions, or null. */
    File pinsFile(Window owner) {
        FileChooser chooser = fileChooser("contents.pins.title");
        chooser.setInitialFileName("requirements.txt");
        return remember(chooser.showSaveDialog(owner));
    }

    /** A requirements, lock or project file to read, or null. */
    File requirementsFile(Window owner) {
        FileChooser chooser = fileChooser("contents.load.title");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(text.getString("contents.load.filter"), "*.txt", "*.in",
                        "*.lock", "*.toml"),
                new FileChooser.ExtensionFilter(text.getString("contents.load.all"), "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    private FileChooser fileChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.getString(titleKey));
        chooser.setInitialDirectory(lastFolder());
        return chooser;
    }

    /** Remembers the folder a chosen file or folder is in. */
    private File remember(File chosen) {
        if (chosen != null && chosen.getParentFile() != null) {
            lastFolder = chosen.getParentFile();
        }
        return chosen;
    }

    /** The last folder used, while it still exists (the platform's default otherwise). */
    private File lastFolder() {
        return lastFolder != null && lastFolder.isDirectory() ? lastFolder : null;
    }
}
