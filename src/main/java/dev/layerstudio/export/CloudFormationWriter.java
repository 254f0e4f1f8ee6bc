package dev.layerstudio.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ShareTarget;
import java.io.UncheckedIOException;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SAM and CloudFormation snippets as YAML, built as a tree and written by Jackson's YAML
 * generator. References use the long form ({@code {Ref: Id}}) so the text is plain YAML
 * that any parser reads, not only CloudFormation's short tags.
 */
final class CloudFormationWriter {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .stringQuotingChecker(new Yaml11Quoting())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private CloudFormationWriter() {
    }

    /**
     * Jackson's quoting, plus quotes for every plain scalar a YAML 1.1 reader (PyYAML in the AWS
     * CLI and cfn-lint, SnakeYAML) would read as something other than text: a date such as
     * {@code 2010-09-09}, {@code 1e3}, {@code 0x1F}. The rules are SnakeYAML's own resolver's.
     */
    private static final class Yaml11Quoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Resolver YAML_11 = new Resolver();

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !Tag.STR.equals(YAML_11.resolve(NodeId.scalar, value, true));
        }
    }

    static String write(ExportRequest request, List<LayerPermission> grants, List<FunctionInfo> functions,
                        boolean sam) {
        LayerVersionInfo v = request.version();
        ResourceNames names = new ResourceNames();
        ObjectNode template = YAML.createObjectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        if (sam) {
            template.put("Transform", SAM_TRANSFORM);
        }
        ObjectNode resources = template.putObject("Resources");
        String layerId = names.logicalId(v.name(), "Layer");
        ObjectNode layer = resources.putObject(layerId);
        layer.put("Type", sam ? "AWS::Serverless::LayerVersion" : "AWS::Lambda::LayerVersion");
        ObjectNode props = layer.putObject("Properties");
        props.put("LayerName", v.name());
        if (!v.description().isEmpty()) {
            props.put("Description", v.description());
        }
        content(props, request.code(), sam);
        strings(props, "CompatibleRuntimes", v.compatibleRuntimes());
        strings(props, "CompatibleArchitectures", v.compatibleArchitectures());
        if (!v.license().isEmpty()) {
            props.put("LicenseInfo", v.license());
        }
        for (LayerPermission p : grants) {
            ObjectNode permission = resources.putObject(names.logicalId(v.name(), "Permission" + suffix(p.target())));
            permission.put("Type", "AWS::Lambda::LayerVersionPermission");
            ObjectNode pp = permission.putObject("Properties");
            pp.put("Action", p.action() == null ? "lambda:GetLayerVersion" : p.action());
            pp.putObject("LayerVersionArn").put("Ref", layerId);
            pp.put("Principal", p.target().principal());
            if (p.target().organizationId() != null) {
                pp.put("OrganizationId", p.target().organizationId());
            }
        }
        for (FunctionInfo f : functions) {
            ObjectNode fn = resources.putObject(names.logicalId(f.name(), "Function"));
            fn.put("Type", sam ? "AWS::Serverless::Function" : "AWS::Lambda::Function");
            ObjectNode fp = fn.putObject("Properties");
            fp.put("FunctionName", f.name());
            ArrayNode layers = fp.putArray("Layers");
            for (String arn : f.layerArns()) {
                if (arn.equals(v.arn())) {
                    layers.addObject().put("Ref", layerId);
                } else {
                    layers.add(arn);
                }
            }
        }
        try {
            return header(v, !functions.isEmpty()) + YAML.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void content(ObjectNode props, LayerCode code, boolean sam) {
        if (code instanceof LayerCode.S3Object s3) {
            ObjectNode c = props.putObject(sam ? "ContentUri" : "Content");
            c.put(sam ? "Bucket" : "S3Bucket", s3.bucket());
            c.put(sam ? "Key" : "S3Key", s3.key());
        } else if (code instanceof LayerCode.LocalZip zip) {
            props.put(sam ? "ContentUri" : "Content", zip.path());
        }
    }

    private static void strings(ObjectNode props, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = props.putArray(name);
            values.forEach(array::add);
        }
    }

    private static String suffix(ShareTarget target) {
        return switch (target.kind()) {
            case ACCOUNT -> "Account" + target.id();
            case ORGANIZATION -> "Org-" + target.id();
            case EVERYONE -> "Public";
        };
    }

    /** Comment lines: what this is, and that function entries carry only their layers. */
    private static String header(LayerVersionInfo v, boolean functions) {
        String text = "# " + v.name() + " version " + v.version() + " (" + v.arn() + "), exported by Layer Studio.\n";
        if (functions) {
            text += "# The function entries hold only their Layers: merge them into your function resources.\n";
        }
        return text;
    }
}
