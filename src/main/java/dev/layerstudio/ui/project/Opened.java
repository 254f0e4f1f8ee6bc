package dev.layerstudio.ui.project;

import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A project read for the window: the project, the folder its paths are relative to, its file, the
 * user's files scanned as the build adds them, the code entries whose source is not on disk (absolute;
 * kept, so saving loses nothing) and what to say about it.
 */
record Opened(LayerProject project, Path dir, Path file, LayerContent content, List<AddedPath> missing,
              List<String> notes) {

    Opened {
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }

    /** Scans the project's code entries (off the JavaFX thread); an entry not on disk is kept and named. */
    static Opened scan(LayerBuilder builder, ResourceBundle text, LayerProject project, Path dir, Path file,
                       List<String> notes) {
        ProjectMapping.Fields fields = ProjectMapping.fromProject(project, dir);
        LayerContent content = LayerContent.empty();
        List<AddedPath> missing = new ArrayList<>();
        List<String> said = new ArrayList<>(notes);
        for (int i = 0; i < fields.code().size(); i++) {
            AddedPath a = fields.code().get(i);
            if (!Files.exists(a.source())) {
                missing.add(a);
                said.add(String.format(text.getString("project.codeMissing"), a.source()));
                continue;
            }
            content = builder.add(content, ProjectMapping.placed(a, fields.runtime(), project.inputs().layout()));
        }
        return new Opened(project, dir, file, content, missing, said);
    }
}
