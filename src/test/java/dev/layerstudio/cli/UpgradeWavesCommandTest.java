package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoServer;
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

/** {@code upgrade --wave / --continue / --rollback-wave} end to end against moto, one wave per run. */
@ExtendWith(MotoExtension.class)
class UpgradeWavesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MotoServer moto;
    private static CliAgainstMoto cli;
    private static AwsSession session;
    private static MotoFixtures fixtures;

    @TempDir
    static Path home;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        session = server.session();
        fixtures = new MotoFixtures(server, session.lambda());
        cli = CliAgainstMoto.open(server, home);
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
        assertThat(cli.exitCode()).as(err.toString()).isZero();
        return document;
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    @Test
    void eachRunAppliesOneWaveAndSaysWhatIsNext() throws IOException {
        String v1 = fixtures.publishLayer("cw-lib", Map.of("python/l.py", "L = 1"), "python3.12").layerVersionArn();
        String v2 = fixtures.publishLayer("cw-lib", Map.of("python/l.py", "L = 2"), "python3.12").layerVersionArn();
        fixtures.createFunction("cw-dev-1", "python3.12", List.of(v1), Map.of("env", "dev"));
        fixtures.createFunction("cw-prod-1", "python3.12", List.of(v1), Map.of("env", "prod"));
        fixtures.createFunction("cw-prod-2", "python3.12", List.of(v1), Map.of("env", "prod"));
        Path journal = home.resolve("data/rollouts/" + MotoServer.ACCOUNT + "-us-east-1-cw-lib-v2.json");

        assertThat(run("upgrade", "--layer", "cw-lib", "--to", "2", "--wave", "env=dev", "--dry-run"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("wave 1 (env=dev): cw-dev-1", "wave 2 (the rest): cw-prod-1, cw-prod-2",
                "Wave 1 of 2 (env=dev):", "Dry run");
        assertThat(journal).doesNotExist();
        assertThat(layersOf("cw-dev-1")).containsExactly(v1);

        // moto serves no layer content: the unchecked native code is a warning, confirmed with --yes
        assertThat(run("upgrade", "--layer", "cw-lib", "--to", "2", "--wave", "env=dev"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(out.toString()).contains("could not be read", "Nothing was changed", "--yes");
        assertThat(journal).doesNotExist();
        assertThat(layersOf("cw-dev-1")).containsExactly(v1);

        assertThat(run("upgrade", "--layer", "cw-lib", "--to", "2", "--wave", "env=dev", "--yes"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 updated", "1 of 2 waves applied",
                "Next: wave 2 of 2 (the rest): cw-prod-1, cw-prod-2", "--continue", journal.toString());
        assertThat(journal).exists();
        assertThat(layersOf("cw-dev-1")).containsExactly(v2);
        assertThat(layersOf("cw-prod-1")).containsExactly(v1);
        assertThat(layersOf("cw-prod-2")).containsExactly(v1);

        assertThat(run("upgrade", "--layer", "cw-lib", "--to", "2", "--wave", "env=dev", "--yes"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("already under way");

        assertThat(run("upgrade", "--layer", "cw-lib", "--to", "2", "--wave", "env=prod", "--continue"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("fixed when it started");

        JsonNode dry = json("upgrade", "--layer", "cw-lib", "--to", "2", "--continue", "--dry-run");
        assertThat(dry.at("/wave").asInt()).isEqualTo(2);
        assertThat(dry.at("/plan/changes").asInt()).isEqualTo(2);
        assertThat(layersOf("cw-prod-1")).containsExactly(v1);

        assertThat(run("upgrade", "--layer", "cw-lib", "--to", "2", "--continue", "--yes")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("2 updated", "2 of 2 waves applied", "Rollout complete");
        assertThat(layersOf("cw-prod-1")).containsExactly(v2);
        assertThat(layersOf("cw-prod-2")).containsExactly(v2);

        JsonNode back = json("upgrade", "--layer", "cw-lib", "--to", "2", "--rollback-wave");
        assertThat(back.at("/wave").asInt()).isEqualTo(2);
        assertThat(back.at("/results").size()).isEqualTo(2);
        assertThat(back.at("/rollout/waves/1/state").asText()).isEqualTo("rolled_back");
        assertThat(back.at("/rollout/waves/0/state").asText()).isEqualTo("applied");
        assertThat(back.at("/rollout/next").asInt()).isEqualTo(2);
        assertThat(layersOf("cw-prod-1")).containsExactly(v1);
        assertThat(layersOf("cw-prod-2")).containsExactly(v1);
        assertThat(layersOf("cw-dev-1")).as("wave 1 stays").containsExactly(v2);

        JsonNode onDisk = JSON.readTree(Files.readString(journal));
        assertThat(onDisk.at("/waves/1/state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(onDisk.at("/waves/0/results/0/functionName").asText()).isEqualTo("cw-dev-1");
        assertThat(onDisk.at("/waves/0/undo/0/restore/0").asText()).isEqualTo(v1);

        JsonNode again = json("upgrade", "--layer", "cw-lib", "--to", "2", "--continue", "--yes");
        assertThat(again.at("/rollout/finished").asBoolean()).isTrue();
        assertThat(layersOf("cw-prod-2")).containsExactly(v2);

        assertThat(run("upgrade", "--layer", "cw-lib", "--to", "2", "--continue", "--yes")).isZero();
        assertThat(out.toString()).contains("is complete");
    }

    @Test
    void continueWithoutARolloutSaysHowToStartOne() {
        fixtures.publishLayer("cw-none", Map.of("python/n.py", "N = 1"), "python3.12");
        assertThat(run("upgrade", "--layer", "cw-none", "--to", "1", "--continue")).isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("No rollout of cw-none to version 1", "--wave");
        assertThat(run("upgrade", "--layer", "cw-none", "--to", "1", "--continue", "--rollback-wave"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("Choose one");
    }
}
