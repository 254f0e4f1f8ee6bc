package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;

/** {@code export} end to end: a version published and shared in moto, written out and parsed back. */
@ExtendWith(MotoExtension.class)
class ExportCommandTest {

    private static final String DESCRIPTION = "Team \"core\" libs: ${stage}\nsecond line";

    private static MotoServer moto;
    private static CliAgainstMoto cli;
    private static AwsSession session;
    private static String v1;
    private static String v2;
    private static String other;

    @TempDir
    static Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void setUp(MotoServer server) {
        moto = server;
        session = server.session();
        MotoFixtures fixtures = new MotoFixtures(server, session.lambda());
        cli = CliAgainstMoto.open(server, null);
        v1 = fixtures.publishLayer("exp-lib", Map.of("python/e.py", "E = 1"), "python3.12").layerVersionArn();
        v2 = session.lambda().publishLayerVersion(b -> b.layerName("exp-lib").description(DESCRIPTION)
                .licenseInfo("Apache-2.0").compatibleRuntimesWithStrings("python3.12", "python3.13")
                .compatibleArchitecturesWithStrings("arm64")
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of(Map.of("python/e.py", "E = 2"))))))
                .layerVersionArn();
        other = fixtures.publishLayer("exp-base", Map.of("python/b.py", "B = 1"), "python3.12").layerVersionArn();
        session.lambda().addLayerVersionPermission(b -> b.layerName("exp-lib").versionNumber(2L)
                .statementId("team-account").action("lambda:GetLayerVersion").principal("111122223333"));
        fixtures.createFunction("exp-api", "python3.12", List.of(other, v2));
        fixtures.createFunction("exp-old", "python3.12", List.of(v1));
    }

    @AfterAll
    static void close() {
        session.close();
        cli.close();
    }

    private int run(String... args) {
        int code = cli.run(args);
        out = cli.out();
        err = cli.err();
        return code;
    }

    @Test
    void samWithFunctionsToAFile() throws Exception {
        Path file = dir.resolve("out/template.yaml");
        assertThat(run("export", "--layer", "exp-lib", "--layer-version", "2", "--format", "sam", "--with-functions",
                "--s3-bucket", "artifacts", "--s3-key", "exp-lib/2.zip", "-o", file.toString())).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Wrote sam for " + v2);
        JsonNode doc = new YAMLMapper().readTree(file.toFile());
        JsonNode p = doc.at("/Resources/ExpLibLayer/Properties");
        assertThat(p.at("/Description").asText()).isEqualTo(DESCRIPTION);
        assertThat(p.at("/LicenseInfo").asText()).isEqualTo("Apache-2.0");
        assertThat(p.at("/CompatibleRuntimes").toString()).isEqualTo("[\"python3.12\",\"python3.13\"]");
        assertThat(p.at("/CompatibleArchitectures").toString()).isEqualTo("[\"arm64\"]");
        assertThat(p.at("/ContentUri/Bucket").asText()).isEqualTo("artifacts");
        assertThat(doc.at("/Resources/ExpLibPermissionAccount111122223333/Properties/Principal").asText())
                .isEqualTo("111122223333");
        JsonNode layers = doc.at("/Resources/ExpApiFunction/Properties/Layers");
        assertThat(layers.size()).isEqualTo(2);
        assertThat(layers.get(0).asText()).isEqualTo(other);
        assertThat(layers.get(1).at("/Ref").asText()).isEqualTo("ExpLibLayer");
        assertThat(doc.at("/Resources").has("ExpOldFunction")).as("on version 1, not 2").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void terraformToStdoutParses() throws Exception {
        assertThat(run("export", "--layer", "exp-lib", "--layer-version", "2", "--format", "terraform"))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("exp-lib-2.zip");
        Map<String, Object> resources = (Map<String, Object>) new HCLParser().parse(out.toString(), false)
                .get("resource");
        Map<String, Object> layer = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_lambda_layer_version")).get("exp_lib");
        assertThat(layer.get("filename")).isEqualTo("exp-lib-2.zip");
        assertThat(String.valueOf(layer.get("description")).replace("$${", "${")).isEqualTo(DESCRIPTION);
        assertThat(layer.get("compatible_architectures")).isEqualTo(List.of("arm64"));
        Map<String, Object> grant = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_lambda_layer_version_permission")).get("exp_lib_team_account");
        assertThat(grant.get("principal")).isEqualTo("111122223333");
        assertThat(grant.get("statement_id")).isEqualTo("team-account");
        assertThat(resources).doesNotContainKey("aws_lambda_function");
    }

    @Test
    void jsonCarriesTheTextAndBadOptionsFail() throws Exception {
        assertThat(run("--json", "export", "--layer", "exp-lib", "--layer-version", "2", "--format", "cfn",
                "--with-functions", "--zip", "build/layer.zip")).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.at("/format").asText()).isEqualTo("cfn");
        assertThat(doc.at("/functions").toString()).isEqualTo("[\"exp-api\"]");
        JsonNode template = new YAMLMapper().readTree(doc.at("/text").asText());
        assertThat(template.at("/Resources/ExpLibLayer/Properties/Content").asText()).isEqualTo("build/layer.zip");

        assertThat(run("export", "--layer", "exp-lib", "--layer-version", "2", "--format", "cfn", "--s3-bucket", "b"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("go together");
        assertThat(run("export", "--layer", "exp-lib", "--layer-version", "2", "--format", "pulumi"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("not an export format");
        assertThat(run("export", "--layer", "exp-lib", "--layer-version", "9", "--format", "sam"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }
}
