package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.ProbeAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * {@code test-in-lambda} against moto, Invoke answered in a front with the real probe's
 * recorded answer; and against plain moto, whose Invoke fails without Docker.
 */
@ExtendWith(MotoExtension.class)
class TestInLambdaCommandTest {

    private static final String PREFIX = "layer-studio-probe-";

    private static MotoServer moto;
    private static AwsSession direct;
    private MotoFront front;
    private CliAgainstMoto cli;
    private Path zip;

    @TempDir
    Path home;

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        direct = server.session();
    }

    @AfterAll
    static void stop() {
        direct.close();
    }

    @BeforeEach
    void open() throws Exception {
        front = new MotoFront(moto);
        cli = CliAgainstMoto.open(moto, home);
        zip = home.resolve("layer.zip");
        Files.write(zip, ProbeAnswers.layerZip());
    }

    @AfterEach
    void close() {
        cli.close();
        front.close();
    }

    /** The commands from here on go through the front, whose Invoke has the probe's recorded answer. */
    private CliAgainstMoto viaFront() {
        cli.close();
        cli = CliAgainstMoto.open(front, home);
        return cli;
    }

    private static List<String> leftovers() {
        List<String> left = new ArrayList<>();
        direct.lambda().listFunctionsPaginator().functions().stream().map(FunctionConfiguration::functionName)
                .filter(n -> n.startsWith(PREFIX)).forEach(left::add);
        direct.lambda().listLayers().layers().stream().filter(l -> l.layerName().startsWith(PREFIX))
                .filter(l -> !direct.lambda().listLayerVersions(b -> b.layerName(l.layerName())).layerVersions()
                        .isEmpty()).forEach(l -> left.add(l.layerName()));
        direct.iam().listRoles().roles().stream().filter(r -> r.roleName().startsWith(PREFIX))
                .forEach(r -> left.add(r.roleName()));
        return left;
    }

    @Test
    void jsonCarriesEachModuleAndImportFailedFindings() throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        JsonNode doc = viaFront().json("test-in-lambda", "--zip", zip.toString(), "--arch",
                "arm64");

        assertThat(cli.exitCode()).as("some modules failed: %s", cli.err()).isEqualTo(FailureHandler.FAILED);
        assertThat(doc.path("runtime").asText()).isEqualTo(dev.layerstudio.model.Runtime.latest().id());
        assertThat(doc.path("architecture").asText()).isEqualTo("arm64");
        assertThat(doc.path("python").asText()).isEqualTo("3.11.7");
        assertThat(doc.path("modules")).hasSize(4);
        assertThat(doc.path("modules").get(2).path("name").asText()).isEqualTo("needs_dep");
        assertThat(doc.path("modules").get(2).path("ok").asBoolean()).isFalse();
        assertThat(doc.path("findings")).hasSize(2);
        for (JsonNode f : doc.path("findings")) {
            assertThat(f.path("code").asText()).isEqualTo("IMPORT_FAILED");
            assertThat(f.path("severity").asText()).isEqualTo("ERROR");
        }
        assertThat(doc.path("findings").get(1).path("message").asText())
                .contains("OSError: libclntsh.so.21.1: cannot open shared object file");
        assertThat(doc.path("removed")).hasSize(3);
        assertThat(doc.path("keptRole").isNull()).isTrue();
        assertThat(doc.path("leftBehind")).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void humanSummaryNamesEachModuleAndWhatWasCreated() {
        ProbeAnswers.answerInvoke(front, 0);
        viaFront().run("test-in-lambda", "--zip", zip.toString(), "--runtime", "python3.11");

        String out = cli.out().toString();
        assertThat(out).contains("Tested in Lambda (python3.11, x86_64, us-east-1): Python 3.11.7, glibc 2.36, x86_64")
                .containsPattern("ok +calm")
                .containsPattern("FAILED +needs_dep .*ModuleNotFoundError: No module named 'missing_dependency'")
                .contains("Created and removed again: function " + PREFIX)
                .contains("2 of 4 module(s) did not import in Lambda.");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void versionsOwnRuntimeIsTheDefaultAndOnlyNamedModulesAreAskedFor() {
        MotoFixtures fixtures = new MotoFixtures(moto, direct.lambda());
        String arn = fixtures.publishLayer("cli-probe-given", Map.of("python/calm/__init__.py", "x = 1\n"),
                "python3.11").layerVersionArn();
        ProbeAnswers.answerInvoke(front, 0);

        viaFront().run("test-in-lambda", "--layer", arn, "--import", "calm", "greeting");

        assertThat(cli.exitCode()).isEqualTo(FailureHandler.FAILED); // the recorded answer has failures
        String create = front.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().value().equals("POST") && r.getUrl().equals("/2015-03-31/functions"))
                .findFirst().orElseThrow().getBodyAsString();
        assertThat(create).contains("\"Runtime\":\"python3.11\"").contains(arn);
        String invoke = front.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().matches(ProbeAnswers.INVOKE)).findFirst().orElseThrow().getBodyAsString();
        assertThat(invoke).isEqualTo("{\"modules\":[\"calm\",\"greeting\"]}");
        assertThat(direct.lambda().getLayerVersion(b -> b.layerName("cli-probe-given").versionNumber(1L)).version())
                .isEqualTo(1L);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void againstPlainMotoTheInvokeFailsInOneSentenceAndNothingStays() {
        int code = cli.run("test-in-lambda", "--zip", zip.toString());

        assertThat(code).isEqualTo(FailureHandler.FAILED);
        assertThat(cli.out().toString()).isEmpty();
        // progress notes, then the one line that says what went wrong; no stack trace
        List<String> lines = cli.err().toString().strip().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("error:")).hasSize(1);
        assertThat(lines.get(lines.size() - 1)).startsWith("error: The probe function failed in Lambda: ");
        assertThat(cli.err().toString()).doesNotContain("\tat ").contains("Removing what the test created");
        assertThat(leftovers()).isEmpty();
        assertThat(ProbeJournals.inData(AppDirs.under(home)).unfinished()).isEmpty();
    }

    @Test
    void aVersionOfAnotherRegionIsRefusedBeforeAnythingIsCreated() {
        int code = cli.run("test-in-lambda", "--layer", "arn:aws:lambda:eu-west-1:123456789012:layer:x:1",
                "--runtime", "python3.12", "--arch", "x86_64");

        assertThat(code).isEqualTo(FailureHandler.FAILED);
        assertThat(cli.err().toString()).contains("The layer version is in eu-west-1 and this connection in us-east-1");
        assertThat(leftovers()).isEmpty();
        assertThat(ProbeJournals.inData(AppDirs.under(home)).unfinished()).isEmpty();
    }

    @Test
    void aNodeRuntimeIsRefusedBeforeAnythingIsCreated() {
        int code = cli.run("test-in-lambda", "--zip", zip.toString(), "--runtime", "nodejs20.x");

        assertThat(code).isEqualTo(FailureHandler.FAILED);
        assertThat(cli.err().toString()).contains("The test in Lambda runs Python; nodejs20.x is a");
        assertThat(leftovers()).isEmpty();
        assertThat(ProbeJournals.inData(AppDirs.under(home)).unfinished()).isEmpty();
    }

    @Test
    void aModuleNameThatIsNoneIsRefusedBeforeAnythingIsCreated() {
        int code = cli.run("test-in-lambda", "--zip", zip.toString(), "--import", "numpy", "no such; module");

        assertThat(code).isEqualTo(FailureHandler.FAILED);
        assertThat(cli.err().toString()).contains("'no such; module' is not a Python module name");
        assertThat(cli.err().toString()).doesNotContain("Creating");
        assertThat(leftovers()).isEmpty();
        assertThat(ProbeJournals.inData(AppDirs.under(home)).unfinished()).isEmpty();
    }

    @Test
    void layerAndZipTogetherAreRefused() {
        int code = cli.run("test-in-lambda", "--zip", zip.toString(), "--layer",
                "arn:aws:lambda:us-east-1:123456789012:layer:x:1");

        assertThat(code).isNotZero();
        assertThat(cli.err().toString()).contains("mutually exclusive");
        assertThat(leftovers()).isEmpty();
    }
}
