package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to install requirements for a layer.
 *
 * @param python a Python to run pip with (or to give uv); {@code null} to find one
 */
public record InstallSpec(Runtime runtime, Architecture architecture, Layout layout, Requirements requirements,
                          InstallerChoice installer, Path python) {

    public InstallSpec {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(architecture, "architecture");
        layout = layout == null ? Layout.PYTHON : layout;
        requirements = requirements == null ? Requirements.none() : requirements;
        installer = installer == null ? InstallerChoice.AUTO : installer;
    }

    public static InstallSpec of(Runtime runtime, Architecture architecture, Requirements requirements) {
        return new InstallSpec(runtime, architecture, Layout.PYTHON, requirements, InstallerChoice.AUTO, null);
    }

    public InstallSpec withLayout(Layout value) {
        return new InstallSpec(runtime, architecture, value, requirements, installer, python);
    }

    public InstallSpec withInstaller(InstallerChoice value) {
        return new InstallSpec(runtime, architecture, layout, requirements, value, python);
    }

    public InstallSpec withPython(Path value) {
        return new InstallSpec(runtime, architecture, layout, requirements, installer, value);
    }

    public InstallSpec withRequirements(Requirements value) {
        return new InstallSpec(runtime, architecture, layout, value, installer, python);
    }
}
