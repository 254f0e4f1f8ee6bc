package dev.layerstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ProbeJournal;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.ProbeAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LayersListItem;

/**
 * A test in Lambda really killed part-way: a child JVM creates the role, the temporary layer
 * version and the probe function, and is killed ({@code destroyForcibly}) while its invoke
 * waits. Its journal is left; {@code recover} then removes everything it named.
 */
@ExtendWith(MotoExtension.class)
class ProbeKillTest {

    private static final String PREFIX = "layer-studio-probe-";

    @TempDir
    Path home;

    @Test
    void whatAKilledTestCreatedIsRemovedByRecover(MotoServer moto) throws Exception {
        Path zip = home.resolve("layer.zip");
        Files.write(zip, ProbeAnswers.layerZip());
        ProbeJournals journals = ProbeJournals.inData(AppDirs.under(home));
        try (MotoFront front = new MotoFront(moto); AwsSession direct = moto.session()) {
            ProbeAnswers.answerInvoke(front, 55_000);
            Path log = home.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dlayerstudio.home=" + home,
                    ProbeUntilKilled.class.getName(), front.endpoint().toString(), zip.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < deadline && child.isAlive()
                        && front.wireMock().getAllServeEvents().stream()
                        .noneMatch(e -> e.getRequest().getUrl().matches(ProbeAnswers.INVOKE))) {
                    Thread.sleep(20);
                }
                assertThat(child.isAlive()).as("the child still waiting for its invoke (its output: %s)",
                        Files.exists(log) ? Files.readString(log) : "none").isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }

            List<ProbeJournal> left = journals.unfinished();
            assertThat(left).hasSize(1);
            ProbeJournal journal = left.get(0);
            assertThat(journal.account()).isEqualTo(MotoServer.ACCOUNT);
            assertThat(leftovers(direct)).containsExactlyInAnyOrder("function " + journal.functionName(),
                    "layer " + journal.layerName(), "role " + journal.roleName());

            try (CliAgainstMoto cli = CliAgainstMoto.open(moto, home)) {
                JsonNode doc = cli.json("recover");
                assertThat(cli.exitCode()).as(cli.err().toString()).isZero();
                assertThat(doc.path("probes")).hasSize(1);
                assertThat(doc.path("probes").get(0).path("failures")).isEmpty();
                assertThat(doc.path("probes").get(0).path("removed")).hasSize(3);
                cli.run("recover");
                assertThat(cli.out().toString()).contains("No unfinished changes.").doesNotContain("test in Lambda");
            }
            assertThat(leftovers(direct)).isEmpty();
            assertThat(journals.unfinished()).isEmpty();
        }
    }

    @Test
    void ctrlCDuringTheInvokeRemovesEverythingBeforeTheProcessEnds(MotoServer moto) throws Exception {
        Path zip = home.resolve("layer.zip");
        Files.write(zip, ProbeAnswers.layerZip());
        ProbeJournals journals = ProbeJournals.inData(AppDirs.under(home));
        try (MotoFront front = new MotoFront(moto); AwsSession direct = moto.session()) {
            ProbeAnswers.answerInvoke(front, 55_000);
            Path log = home.resolve("cli.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dlayerstudio.home=" + home,
                    "-Daws.accessKeyId=testing", "-Daws.secretAccessKey=testing", "dev.layerstudio.Main",
                    "--endpoint-url", front.endpoint().toString(), "--region", MotoServer.REGION,
                    "test-in-lambda", "--zip", zip.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < deadline && child.isAlive()
                        && front.wireMock().getAllServeEvents().stream()
                        .noneMatch(e -> e.getRequest().getUrl().matches(ProbeAnswers.INVOKE))) {
                    Thread.sleep(20);
                }
                assertThat(child.isAlive()).as("the command still waiting for its invoke (its output: %s)",
                        Files.exists(log) ? Files.readString(log) : "none").isTrue();
                assertThat(leftovers(direct)).hasSize(3);
                child.destroy(); // SIGTERM: the JVM shuts down as on Ctrl-C, running its shutdown hooks
                assertThat(child.waitFor(40, TimeUnit.SECONDS)).as("ended without waiting for the invoke's answer")
                        .isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(leftovers(direct)).as(Files.readString(log)).isEmpty();
            assertThat(journals.unfinished()).isEmpty();
            assertThat(Files.readString(log)).contains("Removing what the test created");
        }
    }

    @Test
    void recoverSaysWhatItRemovedInWords(MotoServer moto) throws Exception {
        ProbeJournals journals = ProbeJournals.inData(AppDirs.under(home));
        try (AwsSession direct = moto.session()) {
            // what a run killed right after creating its role leaves: the journal and the role
            String name = PREFIX + "20250101000000-abcdef";
            direct.iam().createRole(b -> b.roleName(name).assumeRolePolicyDocument("{}"));
            journals.write(new ProbeJournal("probe-20250101000000-abcdef", MotoServer.ACCOUNT, MotoServer.REGION,
                    java.time.Instant.parse("2025-01-01T00:00:00Z"), name, name, name, false));
            // and one of another account, which this connection must leave alone
            journals.write(new ProbeJournal("probe-20250101000001-123456", "999999999999", MotoServer.REGION,
                    java.time.Instant.parse("2025-01-01T00:00:01Z"), PREFIX + "other", null, null, false));
            try (CliAgainstMoto cli = CliAgainstMoto.open(moto, home)) {
                cli.run("recover");
                assertThat(cli.exitCode()).as(cli.err().toString()).isZero();
                assertThat(cli.out().toString())
                        .contains("Removed what a test in Lambda started 2025-01-01T00:00:00Z left in us-east-1: function "
                                + name + ", temporary layer " + name + ", role " + name + ".")
                        .contains("A test in Lambda of account 999999999999");
            }
            assertThat(leftovers(direct)).isEmpty();
            assertThat(journals.unfinished()).extracting(ProbeJournal::account).containsExactly("999999999999");
        }
    }

    private static List<String> leftovers(AwsSession direct) {
        List<String> left = new java.util.ArrayList<>();
        direct.lambda().listFunctionsPaginator().functions().stream().map(FunctionConfiguration::functionName)
                .filter(n -> n.startsWith(PREFIX)).forEach(n -> left.add("function " + n));
        for (LayersListItem layer : direct.lambda().listLayers().layers()) {
            if (layer.layerName().startsWith(PREFIX) && !direct.lambda()
                    .listLayerVersions(b -> b.layerName(layer.layerName())).layerVersions().isEmpty()) {
                left.add("layer " + layer.layerName());
            }
        }
        direct.iam().listRoles().roles().stream().filter(r -> r.roleName().startsWith(PREFIX))
                .forEach(r -> left.add("role " + r.roleName()));
        return left;
    }
}
