package dev.layerstudio.ui.wizard;

import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The project the window follows (opened, restored or saved): the settings it keeps without
 * editing them (groups, layout, installer, Python, kept scripts, slimming, conflicts, publish
 * options, functions and waves), so Contents installs and settles the content as
 * {@code build --project} does.
 *
 * @param dir the folder the project's paths are relative to; {@code null} when they are absolute
 */
public record ProjectSettings(LayerProject project, Path dir) {

    public ProjectSettings {
        Objects.requireNonNull(project, "project");
    }

    /** How to install the requirements typed, for the runtime and architecture chosen, as the project's build does. */
    public InstallSpec installSpec(Runtime runtime, dev.layerstudio.model.Architecture architecture,
                                   Requirements requirements) {
        LayerProject.Inputs in = project.inputs();
        Layout layout = in.layout().fits(runtime) ? in.layout() : null;
        return new InstallSpec(runtime, architecture, layout, requirements.withGroups(in.groups()), in.installer(),
                python(), in.keepScripts());
    }

    /** A Python named by a path is found from the project's folder; a bare command name from the search path. */
    private Path python() {
        String p = project.inputs().python();
        if (p == null) {
            return null;
        }
        return (p.contains("/") || p.contains("\\")) && dir != null ? dir.resolve(p) : Path.of(p);
    }
}
