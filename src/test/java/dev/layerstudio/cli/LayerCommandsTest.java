package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Layer;

/** The layer and function commands end to end against moto. */
@ExtendWith(MotoExtension.class)
class LayerCommandsTest {


    private static MotoServer moto;
    private static CliAgainstMoto cli;
    private static AwsSession session;
    private static MotoFixtures fixtures;

    @TempDir
    static Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        session = server.session();
        fixtures = new MotoFixtures(server, session.lambda());
        cli = CliAgainstMoto.open(server, null);
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

    private JsonNode json(String... args) throws IOException {
        JsonNode document = cli.json(args);
        out = cli.out();
        err = cli.err();
        return document;
    }

    private static Path zip(String name, String content) throws IOException {
        Path p = dir.resolve(name + ".zip");
        Files.write(p, Zips.layer(name, content));
        return p;
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    @Test
    void publishesOnceAndRecognisesTheSameContent() throws IOException {
        Path zip = zip("cli_pub", "X = 1");
        assertThat(run("publish", zip.toString(), "--layer-name", "cli-pub", "--runtimes", "python3.12",
                "python3.13", "--archs", "x86_64", "--description", "from the CLI")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("published cli-pub:1", "direct upload");

        JsonNode again = json("publish", zip.toString(), "--layer-name", "cli-pub");
        assertThat(again.at("/results/0/status").asText()).isEqualTo("duplicate");
        assertThat(again.at("/results/0/version/version").asLong()).isEqualTo(1);

        JsonNode layers = json("layers");
        JsonNode layer = null;
        for (JsonNode l : layers.at("/regions/0/layers")) {
            if (l.path("name").asText().equals("cli-pub")) {
                layer = l;
            }
        }
        assertThat(layer).isNotNull();
        assertThat(layer.at("/versions/0/compatibleRuntimes").toString()).contains("python3.12", "python3.13");
        assertThat(layer.at("/versions/0/codeSha256").asText()).isNotBlank();
        assertThat(layer.at("/versions/0/description").asText()).isEqualTo("from the CLI");

        assertThat(run("layers")).isZero();
        assertThat(out.toString()).contains("cli-pub", "v1", "python3.12,python3.13");
    }

    @Test
    void publishesToSeveralRegions() throws IOException {
        Path zip = zip("cli_multi", "X = 2");
        JsonNode doc = json("publish", zip.toString(), "--layer-name", "cli-multi", "--regions",
                "us-east-1,eu-central-1");
        assertThat(doc.at("/results").size()).isEqualTo(2);
        assertThat(doc.at("/results/1/region").asText()).isEqualTo("eu-central-1");
        assertThat(doc.at("/results/1/version/arn").asText()).contains(":eu-central-1:");

        JsonNode two = json("layers", "--regions", "us-east-1,eu-central-1");
        assertThat(two.at("/regions").size()).isEqualTo(2);
        assertThat(two.at("/regions/1/region").asText()).isEqualTo("eu-central-1");
        assertThat(two.at("/regions/1/layers/0/name").asText()).isEqualTo("cli-multi");

        assertThat(run("layers", "--all-regions")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("eu-central-1: 1 layer(s)", "cli-multi");

        assertThat(run("usage", "--layer", "cli-multi", "--all-regions")).as(err.toString()).isZero();
    }

    @Test
    void anInvalidRequestFailsWithOneLineAndPublishesNothing() throws IOException {
        Path zip = zip("cli_bad", "X = 3");
        assertThat(run("publish", zip.toString(), "--layer-name", "bad name", "--archs", "sparc"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).startsWith("error: ").contains("letters", "sparc");
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }

    @Test
    void attachUsageAndUpgradeKeepOtherLayers() throws IOException {
        String base = fixtures.publishLayer("cli-base", Map.of("python/b.py", "B = 1"), "python3.12")
                .layerVersionArn();
        String v1 = fixtures.publishLayer("cli-lib", Map.of("python/l.py", "L = 1"), "python3.12").layerVersionArn();
        String v2 = fixtures.publishLayer("cli-lib", Map.of("python/l.py", "L = 2"), "python3.12").layerVersionArn();
        fixtures.createFunction("cli-f1", "python3.12", List.of(base));
        fixtures.createFunction("cli-f2", "python3.12", List.of());

        assertThat(run("attach", "--layer", v1, "--function", "cli-f1", "--function", "cli-f2", "--dry-run"))
                .isZero();
        assertThat(out.toString()).contains("Dry run", "before: cli-base:1", "after:  cli-base:1, cli-lib:1");
        assertThat(layersOf("cli-f1")).containsExactly(base);

        // moto serves no layer content, so the native code could not be checked: that needs a yes
        JsonNode unconfirmed = json("attach", "--layer", v1, "--function", "cli-f1,cli-f2");
        assertThat(unconfirmed.at("/confirmed").asBoolean(true)).isFalse();
        assertThat(unconfirmed.at("/plan/functions/0/flags/0/kind").asText()).isEqualTo("CONTENT_NOT_READ");
        assertThat(layersOf("cli-f1")).containsExactly(base);
        assertThat(layersOf("cli-f2")).isEmpty();

        JsonNode attached = json("attach", "--layer", v1, "--function", "cli-f1,cli-f2", "--yes");
        assertThat(attached.at("/results/0/outcome").asText()).isEqualTo("updated");
        assertThat(attached.at("/undo/0/restore").toString()).contains(base);
        assertThat(layersOf("cli-f1")).containsExactly(base, v1);
        assertThat(layersOf("cli-f2")).containsExactly(v1);

        JsonNode usage = json("usage", "--layer", "cli-lib");
        assertThat(usage.at("/uses").size()).isEqualTo(2);
        assertThat(usage.at("/byVersion").has(v1)).isTrue();
        assertThat(run("usage", "--layer", "cli-lib")).isZero();
        assertThat(out.toString()).contains("cli-lib:1", "cli-f1  (layer 2 of 2");

        assertThat(run("upgrade", "--layer", "cli-lib", "--to", "2", "--dry-run")).isZero();
        assertThat(out.toString()).contains("2 function(s) change", "after:  cli-base:1, cli-lib:2");
        assertThat(layersOf("cli-f1")).containsExactly(base, v1);

        assertThat(run("upgrade", "--layer", "cli-lib", "--to", "2", "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 updated");
        assertThat(layersOf("cli-f1")).containsExactly(base, v2);
        assertThat(layersOf("cli-f2")).containsExactly(v2);

        assertThat(run("attach", "--layer", base, "--function", "cli-f1", "--position", "last", "-y")).isZero();
        assertThat(layersOf("cli-f1")).containsExactly(v2, base);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("layers", "publish", "attach", "usage", "upgrade", "share", "delete", "export")) {
            assertThat(run(command, "--help")).as(command + ": " + err).isZero();
            assertThat(out.toString()).contains("Usage: layer-studio " + command);
        }
    }

    @Test
    void sharesAndRevokes() throws IOException {
        fixtures.publishLayer("cli-share", Map.of("python/s.py", "S = 1"), "python3.12");
        JsonNode shared = json("share", "--layer", "cli-share", "--layer-version", "1", "--account", "111122223333",
                "--public");
        assertThat(shared.at("/permissions").size()).isEqualTo(2);
        JsonNode revoked = json("share", "--layer", "cli-share", "--layer-version", "1", "--revoke", "layer-studio-public");
        assertThat(revoked.at("/permissions").size()).isEqualTo(1);
        assertThat(revoked.at("/permissions/0/principal").asText()).isEqualTo("111122223333");
        assertThat(run("share", "--layer", "cli-share", "--layer-version", "1", "--organization", "o-bad"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("organization id");
    }

    @Test
    void deleteShowsUsersAndNeedsYes() {
        String v1 = fixtures.publishLayer("cli-del", Map.of("python/d.py", "D = 1"), "python3.12").layerVersionArn();
        fixtures.createFunction("cli-del-user", "python3.12", List.of(v1));

        assertThat(run("delete", "--layer", "cli-del", "--layer-version", "1")).isEqualTo(FailureHandler.FAILED);
        assertThat(out.toString()).contains("still used by 1 function(s)", "cli-del-user", "Not deleted.");
        assertThat(err.toString()).contains("--yes");
        assertThat(session.lambda().listLayerVersions(b -> b.layerName("cli-del")).layerVersions()).hasSize(1);

        assertThat(run("delete", "--layer", "cli-del", "--layer-version", "1", "--yes")).isZero();
        assertThat(out.toString()).contains("Deleted cli-del:1.");
        assertThat(session.lambda().listLayerVersions(b -> b.layerName("cli-del")).layerVersions()).isEmpty();
        assertThat(layersOf("cli-del-user")).containsExactly(v1);
    }
}
