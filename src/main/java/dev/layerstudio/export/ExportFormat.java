package dev.layerstudio.export;

import dev.layerstudio.model.LayerStudioException;
import java.util.Locale;

/** What a layer version is written as. */
public enum ExportFormat {
    /** An AWS SAM template snippet ({@code AWS::Serverless::LayerVersion}), YAML. */
    SAM("sam"),
    /** A CloudFormation template snippet ({@code AWS::Lambda::LayerVersion}), YAML. */
    CLOUDFORMATION("cfn"),
    /** Terraform ({@code aws_lambda_layer_version}), HCL. */
    TERRAFORM("terraform");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The usual file name ending. */
    public String extension() {
        return this == TERRAFORM ? "tf" : "yaml";
    }

    /** {@code sam}, {@code cfn} (or {@code cloudformation}), {@code terraform} (or {@code tf}). */
    public static ExportFormat parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "sam" -> SAM;
            case "cfn", "cloudformation" -> CLOUDFORMATION;
            case "terraform", "tf" -> TERRAFORM;
            default -> throw new LayerStudioException("'" + text + "' is not an export format; choose sam, cfn or"
                    + " terraform.");
        };
    }
}
