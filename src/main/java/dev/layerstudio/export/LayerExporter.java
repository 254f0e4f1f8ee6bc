package dev.layerstudio.export;

import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerPermission;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a layer version, who it is shared with and the layer lists of the functions that use
 * it as infrastructure-as-code: a SAM or CloudFormation snippet (YAML) or Terraform (HCL). In
 * the functions' lists this version's ARN becomes a reference to the exported layer resource;
 * every other entry stays, in order.
 */
public final class LayerExporter {

    private LayerExporter() {
    }

    public static ExportResult export(ExportRequest request, ExportFormat format) {
        List<String> notes = new ArrayList<>();
        String arn = request.version().arn();
        List<FunctionInfo> users = new ArrayList<>();
        for (FunctionInfo f : request.functions()) {
            if (f.layerArns().contains(arn)) {
                users.add(f);
            } else {
                notes.add(f.name() + " does not use " + request.version().name() + ":" + request.version().version()
                        + "; it was left out.");
            }
        }
        List<LayerPermission> grants = new ArrayList<>();
        for (LayerPermission p : request.permissions()) {
            if (p.target() == null) {
                notes.add("Permission " + p.statementId() + " grants an unrecognised principal; it was left out.");
            } else {
                grants.add(p);
            }
        }
        String text = switch (format) {
            case SAM, CLOUDFORMATION -> CloudFormationWriter.write(request, grants, users, format == ExportFormat.SAM);
            case TERRAFORM -> TerraformWriter.write(request, grants, users);
        };
        return new ExportResult(format, text, notes);
    }
}
