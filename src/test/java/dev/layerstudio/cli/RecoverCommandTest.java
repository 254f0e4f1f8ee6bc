package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoServer;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * {@code recover} against moto: an apply that died after its first function (its journal as the
 * dead process left it, that function really updated) is listed, then finished.
 */
@ExtendWith(MotoExtension.class)
class RecoverCommandTest {

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

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    @Test
    void listsAnUnfinishedApplyAndFinishesIt() throws Exception {
        String v1 = fixtures.publishLayer("rec-lib", Map.of("python/rec.py", "a = 1\n"), "python3.12")
                .layerVersionArn();
        String v2 = fixtures.publishLayer("rec-lib", Map.of("python/rec.py", "a = 2\n"), "python3.12")
                .layerVersionArn();
        for (String f : List.of("rec-1", "rec-2", "rec-3")) {
            fixtures.createFunction(f, "python3.12", List.of(v1));
        }
        // what a process killed after its first function leaves behind
        AttachPlan plan = new SdkFunctionService(session).planUpgrade("rec-lib", 2, 0);
        ApplyJournals.Open journal = ApplyJournals.inData(AppDirs.under(home)).open(MotoServer.REGION, plan);
        FunctionPlan first = plan.updates().get(0);
        session.lambda().updateFunctionConfiguration(b -> b.functionName(first.functionName()).layers(v2));
        journal.record(new ApplyResult(first.functionName(), MotoServer.REGION, ApplyResult.Outcome.UPDATED,
                first.before(), first.after(), null, false, "Updated."));

        assertThat(run("recover")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("upgrade rec-lib to 2", "1 of 3 function(s) done", "not done",
                "recover --finish");

        assertThat(run("--json", "recover", "--finish", "--yes")).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        JsonNode results = doc.path("unfinished").get(0).path("results");
        assertThat(results).hasSize(3);
        assertThat(results.findValuesAsText("outcome")).containsExactlyInAnyOrder("unchanged", "updated", "updated");
        for (String f : List.of("rec-1", "rec-2", "rec-3")) {
            assertThat(layersOf(f)).as(f).containsExactly(v2);
        }

        assertThat(run("recover")).isZero();
        assertThat(out.toString()).contains("No unfinished changes.");
    }
}
