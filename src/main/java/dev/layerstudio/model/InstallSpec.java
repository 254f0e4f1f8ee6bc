package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to install requirements for a layer.
 *
 * @param python      a Python to run pip with (or to give uv); {@code null} to find one
 * @param keepScripts keep the console scripts installers write to {@code bin/} (with Lambda's
 *                    Python in their shebang); by default they are left out
 */
public record InstallSpec(Runtime runtime, Architecture architecture, Layout layout, Requirements requirements,
                          InstallerChoice installer, Path python, boolean keepScripts) {

    public InstallSpec {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(architecture, "architecture");
        // the Python default, given by callers that do not choose, stands for the Node.js default too
        layout = layout == null || (layout == Layout.PYTHON && runtime.isNode()) ? Layout.defaultFor(runtime) : layout;
        if (!layout.fits(runtime)) {
            throw new LayerStudioException("The layout " + layout.id() + " is not one " + runtime.id()
                    + " reads.", runtime.isNode() ? "Choose node_modules or nodeNN." : "Choose python or site-packages.",
                    null);
        }
        requirements = requirements == null ? Requirements.none() : requirements;
        installer = installer == null ? InstallerChoice.AUTO : installer;
    }

    public InstallSpec(Runtime runtime, Architecture architecture, Layout layout, Requirements requirements,
                       InstallerChoice installer, Path python) {
        this(runtime, architecture, layout, requirements, installer, python, false);
    }

    public static InstallSpec of(Runtime runtime, Architecture architecture, Requirements requirements) {
        return new InstallSpec(runtime, architecture, null, requirements, InstallerChoice.AUTO, null);
    }

    public InstallSpec withLayout(Layout value) {
        return new InstallSpec(runtime, architecture, value, requirements, installer, python, keepScripts);
    }

    public InstallSpec withInstaller(InstallerChoice value) {
        return new InstallSpec(runtime, architecture, layout, requirements, value, python, keepScripts);
    }

    public InstallSpec withPython(Path value) {
        return new InstallSpec(runtime, architecture, layout, requirements, installer, value, keepScripts);
    }

    public InstallSpec withRequirements(Requirements value) {
        return new InstallSpec(runtime, architecture, layout, value, installer, python, keepScripts);
    }

    public InstallSpec withKeepScripts(boolean value) {
        return new InstallSpec(runtime, architecture, layout, requirements, installer, python, value);
    }
}
