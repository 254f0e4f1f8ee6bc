package dev.layerstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.layerstudio.model.AttachedLayer;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.ShareTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exports parsed back with real parsers (Jackson YAML, hcl4j) and compared field by field. */
class LayerExporterTest {

    static final String TRICKY = "Say \"hi\" to 'them'\nline two: ${not.a.var} and %{ if x } 100% \\ back\tslash"
            + " # not a comment, é ✓";
    static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:my-lib:7";
    static final String OTHER = "arn:aws:lambda:eu-west-1:123456789012:layer:base:3";
    static final String OLDER = "arn:aws:lambda:eu-west-1:123456789012:layer:my-lib:6";

    static LayerVersionInfo version(String description, String license) {
        return new LayerVersionInfo(LayerVersionRef.parse(ARN), description, license,
                List.of("python3.12", "python3.13"), List.of("x86_64", "arm64"), 1000, "sha", null, null);
    }

    static FunctionInfo function(String name, String... layers) {
        return new FunctionInfo(name, "arn:aws:lambda:eu-west-1:123456789012:function:" + name, "eu-west-1",
                "python3.12", List.of("x86_64"), 1, java.util.Arrays.stream(layers).map(a -> new AttachedLayer(a, 1))
                .toList(), "r", "Zip", "Successful");
    }

    static final List<LayerPermission> GRANTS = List.of(
            new LayerPermission("layer-studio-account-111122223333", ShareTarget.account("111122223333"),
                    "lambda:GetLayerVersion"),
            new LayerPermission("layer-studio-org-o-abcdefghij", ShareTarget.organization("o-abcdefghij"),
                    "lambda:GetLayerVersion"),
            new LayerPermission("odd", null, "lambda:GetLayerVersion"));

    static ExportRequest request(LayerCode code) {
        return new ExportRequest(version(TRICKY, "MIT: \"free\"\nas in ${beer}"), GRANTS,
                List.of(function("api", OTHER, ARN), function("job", ARN), function("old", OLDER)), code);
    }

    static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    /**
     * hcl4j leaves HCL's two template escapes as written ({@code $${}, {@code %%{}) instead of
     * reading them as the literal {@code ${} and {@code %{} the HCL spec (and Terraform) make of
     * them; apply that one rule here. Quotes, backslashes, newlines and tabs it unescapes itself.
     */
    static String hclLiteral(Object parsed) {
        return String.valueOf(parsed).replace("$${", "${").replace("%%{", "%{");
    }

    @Test
    void samSnippetRoundTrips() throws Exception {
        ExportResult result = LayerExporter.export(request(new LayerCode.S3Object("my-bucket", "layers/my lib.zip")),
                ExportFormat.SAM);
        JsonNode doc = yaml(result.text());
        assertThat(doc.at("/Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        JsonNode layer = doc.at("/Resources/MyLibLayer");
        assertThat(layer.at("/Type").asText()).isEqualTo("AWS::Serverless::LayerVersion");
        JsonNode p = layer.at("/Properties");
        assertThat(p.at("/LayerName").asText()).isEqualTo("my-lib");
        assertThat(p.at("/Description").asText()).isEqualTo(TRICKY);
        assertThat(p.at("/LicenseInfo").asText()).isEqualTo("MIT: \"free\"\nas in ${beer}");
        assertThat(p.at("/ContentUri/Bucket").asText()).isEqualTo("my-bucket");
        assertThat(p.at("/ContentUri/Key").asText()).isEqualTo("layers/my lib.zip");
        assertThat(p.at("/CompatibleRuntimes").toString()).isEqualTo("[\"python3.12\",\"python3.13\"]");
        assertThat(p.at("/CompatibleArchitectures").toString()).isEqualTo("[\"x86_64\",\"arm64\"]");

        JsonNode account = doc.at("/Resources/MyLibPermissionAccount111122223333/Properties");
        assertThat(doc.at("/Resources/MyLibPermissionAccount111122223333/Type").asText())
                .isEqualTo("AWS::Lambda::LayerVersionPermission");
        assertThat(account.at("/Principal").isTextual()).as("an account id stays a string").isTrue();
        assertThat(account.at("/Principal").asText()).isEqualTo("111122223333");
        assertThat(account.at("/LayerVersionArn/Ref").asText()).isEqualTo("MyLibLayer");
        assertThat(account.at("/Action").asText()).isEqualTo("lambda:GetLayerVersion");
        JsonNode org = doc.at("/Resources/MyLibPermissionOrgOAbcdefghij/Properties");
        assertThat(org.at("/Principal").asText()).isEqualTo("*");
        assertThat(org.at("/OrganizationId").asText()).isEqualTo("o-abcdefghij");

        JsonNode api = doc.at("/Resources/ApiFunction");
        assertThat(api.at("/Type").asText()).isEqualTo("AWS::Serverless::Function");
        assertThat(api.at("/Properties/FunctionName").asText()).isEqualTo("api");
        assertThat(api.at("/Properties/Layers/0").asText()).isEqualTo(OTHER);
        assertThat(api.at("/Properties/Layers/1/Ref").asText()).isEqualTo("MyLibLayer");
        assertThat(api.at("/Properties/Layers").size()).isEqualTo(2);
        assertThat(doc.at("/Resources/JobFunction/Properties/Layers/0/Ref").asText()).isEqualTo("MyLibLayer");
        assertThat(doc.at("/Resources").size()).as("layer, two permissions, two functions").isEqualTo(5);
        assertThat(result.notes()).anyMatch(n -> n.startsWith("old does not use my-lib:7"))
                .anyMatch(n -> n.contains("odd"));
        assertThat(result.text()).startsWith("# my-lib version 7 (" + ARN + ")");
    }

    /** A YAML 1.1 reader (as PyYAML in the AWS CLI) types plain scalars: every text must stay text. */
    @Test
    @SuppressWarnings("unchecked")
    void textThatLooksLikeOtherTypesStaysText() {
        for (String text : List.of("yes", "No", "on", "off", "y", "null", "~", "2024-01-02", "1e3", "0x1F", "012",
                "- item", "key: value", "#hash", "@at", "!tag", "*star", "&amp", "?")) {
            ExportResult r = LayerExporter.export(new ExportRequest(version(text, text), GRANTS, List.of(),
                    new LayerCode.S3Object("b", "k")), ExportFormat.CLOUDFORMATION);
            Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(r.text());
            assertThat(doc.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
            Map<String, Object> resources = (Map<String, Object>) doc.get("Resources");
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.get("MyLibLayer"))
                    .get("Properties");
            assertThat(props.get("Description")).as(r.text()).isEqualTo(text);
            assertThat(props.get("LicenseInfo")).isEqualTo(text);
            Map<String, Object> grant = (Map<String, Object>) ((Map<String, Object>) resources
                    .get("MyLibPermissionAccount111122223333")).get("Properties");
            assertThat(grant.get("Principal")).isEqualTo("111122223333");
        }
    }

    @Test
    void cloudFormationSnippetUsesLambdaTypesAndContent() throws Exception {
        ExportResult s3 = LayerExporter.export(request(new LayerCode.S3Object("b", "k.zip")),
                ExportFormat.CLOUDFORMATION);
        JsonNode doc = yaml(s3.text());
        assertThat(doc.has("Transform")).isFalse();
        assertThat(doc.at("/AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        JsonNode p = doc.at("/Resources/MyLibLayer/Properties");
        assertThat(doc.at("/Resources/MyLibLayer/Type").asText()).isEqualTo("AWS::Lambda::LayerVersion");
        assertThat(p.at("/Content/S3Bucket").asText()).isEqualTo("b");
        assertThat(p.at("/Content/S3Key").asText()).isEqualTo("k.zip");
        assertThat(p.at("/Description").asText()).isEqualTo(TRICKY);
        assertThat(doc.at("/Resources/ApiFunction/Type").asText()).isEqualTo("AWS::Lambda::Function");

        ExportResult local = LayerExporter.export(new ExportRequest(version("", ""), List.of(), List.of(),
                new LayerCode.LocalZip("build/layer.zip")), ExportFormat.CLOUDFORMATION);
        JsonNode plain = yaml(local.text());
        JsonNode lp = plain.at("/Resources/MyLibLayer/Properties");
        assertThat(lp.at("/Content").asText()).isEqualTo("build/layer.zip");
        assertThat(lp.has("Description")).as("empty fields are left out").isFalse();
        assertThat(lp.has("LicenseInfo")).isFalse();
        assertThat(plain.at("/Resources").size()).isEqualTo(1);
        assertThat(local.notes()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void terraformRoundTripsThroughAnHclParser() throws Exception {
        ExportResult result = LayerExporter.export(request(new LayerCode.LocalZip("dist/my \"lib\".zip")),
                ExportFormat.TERRAFORM);
        Map<String, Object> doc = new HCLParser().parse(result.text(), false);
        Map<String, Object> resources = (Map<String, Object>) doc.get("resource");
        Map<String, Object> layer = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_lambda_layer_version")).get("my_lib");
        assertThat(layer.get("layer_name")).isEqualTo("my-lib");
        assertThat(hclLiteral(layer.get("description"))).isEqualTo(TRICKY);
        assertThat(hclLiteral(layer.get("license_info"))).isEqualTo("MIT: \"free\"\nas in ${beer}");
        assertThat(layer.get("compatible_runtimes")).isEqualTo(List.of("python3.12", "python3.13"));
        assertThat(layer.get("compatible_architectures")).isEqualTo(List.of("x86_64", "arm64"));
        assertThat(layer.get("filename")).isEqualTo("dist/my \"lib\".zip");
        assertThat(result.text()).contains("source_code_hash         = filebase64sha256(\"dist/my \\\"lib\\\".zip\")");

        Map<String, Object> permissions = (Map<String, Object>) resources.get("aws_lambda_layer_version_permission");
        assertThat(permissions).hasSize(2);
        Map<String, Object> account = (Map<String, Object>) permissions
                .get("my_lib_layer_studio_account_111122223333");
        assertThat(account.get("principal")).isEqualTo("111122223333");
        assertThat(account.get("statement_id")).isEqualTo("layer-studio-account-111122223333");
        assertThat(account.get("action")).isEqualTo("lambda:GetLayerVersion");
        assertThat(String.valueOf(account.get("layer_name"))).isEqualTo("aws_lambda_layer_version.my_lib.layer_arn");
        assertThat(String.valueOf(account.get("version_number"))).isEqualTo("aws_lambda_layer_version.my_lib.version");
        Map<String, Object> org = (Map<String, Object>) permissions.get("my_lib_layer_studio_org_o_abcdefghij");
        assertThat(org.get("principal")).isEqualTo("*");
        assertThat(org.get("organization_id")).isEqualTo("o-abcdefghij");

        Map<String, Object> fns = (Map<String, Object>) resources.get("aws_lambda_function");
        assertThat(fns).containsOnlyKeys("api", "job");
        List<Object> apiLayers = (List<Object>) ((Map<String, Object>) fns.get("api")).get("layers");
        assertThat(apiLayers).hasSize(2);
        assertThat(apiLayers.get(0)).isEqualTo(OTHER);
        assertThat(String.valueOf(apiLayers.get(1))).isEqualTo("aws_lambda_layer_version.my_lib.arn");

        ExportResult s3 = LayerExporter.export(new ExportRequest(version("plain", ""), List.of(), List.of(),
                new LayerCode.S3Object("b", "k")), ExportFormat.TERRAFORM);
        Map<String, Object> s3Layer = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                new HCLParser().parse(s3.text(), false).get("resource")).get("aws_lambda_layer_version")).get("my_lib");
        assertThat(s3Layer).containsEntry("s3_bucket", "b").containsEntry("s3_key", "k")
                .doesNotContainKeys("filename", "source_code_hash", "license_info");
    }

    @Test
    void hclStringsEscapeEverythingHclDefines() throws Exception {
        assertThat(Hcl.string("a\"b\\c\nd\re\tf${g}%{h}$i%j\u0001")).isEqualTo(
                "\"a\\\"b\\\\c\\nd\\re\\tf$${g}%%{h}$i%j\\u0001\"");
        assertThat(Hcl.string("$${already}")).as("a literal $${ stays literal").isEqualTo("\"$$${already}\"");
        Map<String, Object> parsed = new HCLParser().parse("x = " + Hcl.string("q\"\\\n${v}") + "\n", false);
        assertThat(hclLiteral(parsed.get("x"))).isEqualTo("q\"\\\n${v}");
    }

    @Test
    void resourceNamesAreValidAndUnique() {
        ResourceNames names = new ResourceNames();
        assertThat(names.logicalId("my-lib", "Layer")).isEqualTo("MyLibLayer");
        assertThat(names.logicalId("my_lib", "Layer")).isEqualTo("MyLibLayer2");
        assertThat(names.logicalId("9lives", "Function")).isEqualTo("R9livesFunction");
        assertThat(names.label("My-Lib")).isEqualTo("my_lib");
        assertThat(names.label("my_lib")).isEqualTo("my_lib2");
        assertThat(names.label("9lives")).isEqualTo("r_9lives");
        assertThat(ExportFormat.parse("CFN")).isEqualTo(ExportFormat.CLOUDFORMATION);
        assertThat(ExportFormat.parse("tf")).isEqualTo(ExportFormat.TERRAFORM);
    }
}
