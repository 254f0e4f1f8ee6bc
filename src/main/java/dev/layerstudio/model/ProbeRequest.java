package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to test in Lambda: a published layer version, or a zip published for the test as a
 * temporary version; the runtime and architecture of the probe function; the modules to
 * import (empty: every top-level module of the layer); the execution role.
 *
 * @param layerArn     a versioned layer ARN, or null when {@code zip} is given
 * @param zip          a layer zip, or null when {@code layerArn} is given
 * @param runtime      a Lambda runtime id, such as {@code python3.12}
 * @param architecture {@code x86_64} or {@code arm64}
 * @param roleArn      the execution role to use; null: a minimal role is created for the test
 * @param keepRole     keep the role created for the test (ignored when {@code roleArn} is given)
 */
public record ProbeRequest(String layerArn, Path zip, String runtime, String architecture, List<String> modules,
                           String roleArn, boolean keepRole) {

    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    public ProbeRequest {
        if ((layerArn == null) == (zip == null)) {
            throw new LayerStudioException("Give either a layer version ARN or a zip to test.");
        }
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(architecture, "architecture");
        modules = modules == null ? List.of() : List.copyOf(modules);
        for (String m : modules) {
            if (!MODULE.matcher(m).matches()) {
                throw new LayerStudioException("'" + m + "' is not a Python module name (such as numpy or"
                        + " google.protobuf).");
            }
        }
        roleArn = roleArn == null || roleArn.isBlank() ? null : roleArn.strip();
    }

    /** Whether the test creates its own execution role. */
    public boolean createsRole() {
        return roleArn == null;
    }
}
