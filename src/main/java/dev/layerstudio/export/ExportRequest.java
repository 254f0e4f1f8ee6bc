package dev.layerstudio.export;

import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerVersionInfo;
import java.util.List;
import java.util.Objects;

/**
 * What to export.
 *
 * @param version     the layer version (name, description, license, runtimes, architectures)
 * @param permissions who the version is shared with
 * @param functions   functions whose {@code Layers} to write too; those that do not use this version are
 *                    left out with a note (empty: the layer only)
 * @param code        where the template takes the zip from
 */
public record ExportRequest(LayerVersionInfo version, List<LayerPermission> permissions, List<FunctionInfo> functions,
                            LayerCode code) {

    public ExportRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(code, "code");
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
