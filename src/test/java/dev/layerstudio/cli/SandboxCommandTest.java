package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.sandbox.BackgroundSandbox;
import dev.layerstudio.sandbox.MotoProcess;
import dev.layerstudio.sandbox.TestSandboxes;
import dev.layerstudio.testing.Zips;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandbox start|stop|reset}: start and stop run as their own JVMs, as a user runs
 * them, so the sandbox is seen to outlive the command that started it.
 */
class SandboxCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void noSandboxLeft() throws IOException {
        BackgroundSandbox.stop(record());
    }

    @Test
    void startPrintsTheEndpointResetRestoresTheSeedStopLeavesNoProcess() throws Exception {
        Ran start = java("sandbox", "start");
        assertThat(start.exit()).as(start.err()).isZero();
        BackgroundSandbox recorded = BackgroundSandbox.read(record()).orElseThrow();
        URI endpoint = recorded.endpoint();
        assertThat(start.out()).contains("The sandbox runs at " + endpoint + " (pid " + recorded.pid() + ")",
                "--endpoint-url " + endpoint);
        // the command has ended; the sandbox has not
        assertThat(ProcessHandle.of(recorded.pid()).filter(ProcessHandle::isAlive)).isPresent();
        assertThat(MotoProcess.answers(endpoint)).isTrue();

        // any command reaches it through --endpoint-url alone: no profile, no credentials
        JsonNode layers = json("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "layers");
        assertThat(layers.findValuesAsText("name")).contains("common-utils", "http-client", "model-weights");

        // the seeded versions' content is readable through the sandbox's endpoint: diff two of them
        String utils = "arn:aws:lambda:us-east-1:123456789012:layer:common-utils:";
        assertThat(run("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "diff", utils + "2", utils + "3"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("textkit", "1.1.0", "1.2.0", "common_config.py");

        Path extra = Files.write(dir.resolve("extra.zip"), Zips.layer("extra", "X = 1\n"));
        try (AwsSession s = AwsSession.local("us-east-1", endpoint, "test")) {
            new SdkLayerService(s).publish(PublishRequest.of(extra, "scratch"), ProgressListener.NONE);
        }
        assertThat(run("sandbox", "reset")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("back to its sample content", "us-east-1: 8 function(s)",
                "eu-west-1: 4 function(s)");
        try (AwsSession s = AwsSession.local("us-east-1", endpoint, "test")) {
            assertThat(new SdkLayerService(s).listLayers()).extracting(LayerInfo::name)
                    .containsExactlyInAnyOrder("common-utils", "http-client", "model-weights");
        }

        JsonNode again = json("sandbox", "start");
        assertThat(again.get("alreadyRunning").asBoolean()).isTrue();
        assertThat(again.get("pid").asLong()).isEqualTo(recorded.pid());

        Ran stop = java("--json", "sandbox", "stop");
        assertThat(stop.exit()).as(stop.err()).isZero();
        assertThat(JSON.readTree(stop.out()).get("stopped").asBoolean()).isTrue();
        assertThat(ProcessHandle.of(recorded.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(MotoProcess.answers(endpoint)).isFalse();
        assertThat(record()).doesNotExist();
        // the zips the sandbox kept went with it
        assertThat(Files.list(AppDirs.current().cache().resolve("sandbox")).filter(d -> d.getFileName().toString()
                .startsWith("published-")).toList()).isEmpty();

        assertThat(run("sandbox", "stop")).isZero();
        assertThat(out.toString()).contains("No sandbox was running.");
        assertThat(run("sandbox", "reset")).isEqualTo(1);
        assertThat(err.toString()).contains("No sandbox is running.");
    }

    private static Path record() {
        return BackgroundSandbox.recordIn(AppDirs.current().data());
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        assertThat(run(all.toArray(String[]::new))).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    private record Ran(int exit, String out, String err) {
    }

    /** Runs the command line in a JVM of its own, with this run's classpath and app folders. */
    private Ran java(String... args) throws Exception {
        String moto = MotoProcess.executable(TestSandboxes.VENVS, MotoProcess.Tools.system(), ProgressListener.NONE);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlayerstudio.home=" + System.getProperty("layerstudio.home"),
                "-Dlayerstudio.logDir=" + dir.resolve("logs"),
                "dev.layerstudio.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", Path.of(moto).getParent() + File.pathSeparator + env.getOrDefault("PATH", ""));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Ran(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
