package dev.layerstudio.export;

import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerVersionInfo;
import java.util.ArrayList;
import java.util.List;

/** Terraform: {@code aws_lambda_layer_version}, its {@code aws_lambda_layer_version_permission}s, function layers. */
final class TerraformWriter {

    private TerraformWriter() {
    }

    static String write(ExportRequest request, List<LayerPermission> grants, List<FunctionInfo> functions) {
        LayerVersionInfo v = request.version();
        ResourceNames names = new ResourceNames();
        String label = names.label(v.name());
        String ref = "aws_lambda_layer_version." + label;
        List<Hcl.Block> blocks = new ArrayList<>();

        Hcl.Block layer = new Hcl.Block("resource", "aws_lambda_layer_version", label)
                .attribute("layer_name", Hcl.string(v.name()));
        if (!v.description().isEmpty()) {
            layer.attribute("description", Hcl.string(v.description()));
        }
        if (!v.license().isEmpty()) {
            layer.attribute("license_info", Hcl.string(v.license()));
        }
        if (!v.compatibleRuntimes().isEmpty()) {
            layer.attribute("compatible_runtimes", Hcl.strings(v.compatibleRuntimes()));
        }
        if (!v.compatibleArchitectures().isEmpty()) {
            layer.attribute("compatible_architectures", Hcl.strings(v.compatibleArchitectures()));
        }
        if (request.code() instanceof LayerCode.S3Object s3) {
            layer.attribute("s3_bucket", Hcl.string(s3.bucket())).attribute("s3_key", Hcl.string(s3.key()));
        } else if (request.code() instanceof LayerCode.LocalZip zip) {
            layer.attribute("filename", Hcl.string(zip.path()))
                    .attribute("source_code_hash", "filebase64sha256(" + Hcl.string(zip.path()) + ")");
        }
        blocks.add(layer);

        for (LayerPermission p : grants) {
            Hcl.Block permission = new Hcl.Block("resource", "aws_lambda_layer_version_permission",
                    names.label(v.name() + "_" + p.statementId()))
                    .attribute("layer_name", ref + ".layer_arn")
                    .attribute("version_number", ref + ".version")
                    .attribute("statement_id", Hcl.string(p.statementId()))
                    .attribute("action", Hcl.string(p.action() == null ? "lambda:GetLayerVersion" : p.action()))
                    .attribute("principal", Hcl.string(p.target().principal()));
            if (p.target().organizationId() != null) {
                permission.attribute("organization_id", Hcl.string(p.target().organizationId()));
            }
            blocks.add(permission);
        }

        for (FunctionInfo f : functions) {
            List<String> layers = f.layerArns().stream()
                    .map(arn -> arn.equals(v.arn()) ? ref + ".arn" : Hcl.string(arn)).toList();
            blocks.add(new Hcl.Block("resource", "aws_lambda_function", names.label(f.name()))
                    .attribute("function_name", Hcl.string(f.name()))
                    .attribute("layers", Hcl.list(layers)));
        }

        StringBuilder out = new StringBuilder("# ").append(v.name()).append(" version ").append(v.version())
                .append(" (").append(v.arn()).append("), exported by Layer Studio.\n");
        if (!functions.isEmpty()) {
            out.append("# The aws_lambda_function blocks hold only their layers: merge them into your own.\n");
        }
        for (Hcl.Block b : blocks) {
            out.append('\n').append(b.render());
        }
        return out.toString();
    }
}
