package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Wheels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code project from-version} end to end: a layer built with real pip from wheels the test made
 * (requirements, a slimmed package, own code in python/ and bin/), published in moto and read back
 * through its download link; the project rebuilt unchanged holds the same packages and files, and
 * with one pin changed differs only in that package.
 */
@ExtendWith(MotoExtension.class)
class StartFromVersionTest {

    @TempDir
    Path tmp;

    @Test
    void aPublishedVersionBecomesAProjectThatBuildsItAgain(MotoServer moto) throws Exception {
        Wheels wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("alpha", "1.0", Map.of("alpha/__init__.py", "A = 1\n", "alpha/tests/test_a.py", "t = 1\n"),
                "beta");
        wheels.pure("beta", "1.0", Map.of("beta/__init__.py", "B = 1\n"));
        wheels.pure("beta", "2.0", Map.of("beta/__init__.py", "B = 2\n", "beta/extra.py", "E = 2\n"));
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("src/mylib/data"));
        Files.writeString(repo.resolve("requirements.txt"), wheels.indexLines() + "alpha==1.0\nbeta==1.0\n");
        Files.writeString(repo.resolve("src/mylib/__init__.py"), "from alpha import A\n");
        Files.writeString(repo.resolve("src/mylib/data/table.json"), "{\"rows\": [1, 2, 3]}\n");
        Files.writeString(repo.resolve("src/handler_util.py"), "def util():\n    return 1\n");
        Files.writeString(repo.resolve("src/tool.sh"), "#!/bin/sh\necho tool\n");
        Path published = tmp.resolve("v1.zip");

        try (AwsSession direct = moto.session(); MotoFront front = new MotoFront(moto);
             CliAgainstMoto cli = CliAgainstMoto.open(front, tmp.resolve("home"))) {
            assertThat(cli.run("build", "-r", repo.resolve("requirements.txt").toString(), "--runtime", "python3.12",
                    "--arch", "arm64", "--add", repo.resolve("src/mylib").toString(), "--add",
                    repo.resolve("src/handler_util.py").toString(), "--add", repo.resolve("src/tool.sh") + "=bin/",
                    "--slim", "--installer", "pip", "-o", published.toString())).as(cli.err().toString()).isZero();

            direct.s3().createBucket(b -> b.bucket("layers"));
            direct.s3().putObject(b -> b.bucket("layers").key("v1.zip"), RequestBody.fromFile(published));
            var v1 = direct.lambda().publishLayerVersion(b -> b.layerName("team-deps").description("team deps")
                    .licenseInfo("MIT").content(c -> c.s3Bucket("layers").s3Key("v1.zip"))
                    .compatibleRuntimesWithStrings("python3.12", "python3.13")
                    .compatibleArchitecturesWithStrings("arm64"));
            front.layerLocation("team-deps", v1.version(), "s3://layers/v1.zip");

            Path proj = tmp.resolve("proj");
            JsonNode started = cli.json("project", "from-version", v1.layerVersionArn(), "-o", proj.toString());
            assertThat(cli.exitCode()).as(cli.err().toString()).isZero();
            assertThat(started.path("pins").toString()).isEqualTo("[\"alpha==1.0\",\"beta==1.0\"]");
            assertThat(started.path("code").toString()).isEqualTo(
                    "[\"bin\",\"python/handler_util.py\",\"python/mylib\"]");
            assertThat(started.path("slimming").toString()).contains("tests");
            assertThat(started.path("installer").asText()).isEqualTo("pip");
            assertThat(Files.readString(proj.resolve("layer-code/python/mylib/data/table.json")))
                    .isEqualTo("{\"rows\": [1, 2, 3]}\n");
            assertThat(proj.resolve("layer-code/python/alpha")).doesNotExist(); // installed files stay pins
            String toml = Files.readString(proj.resolve("layer-studio.toml"));
            assertThat(toml).contains("name = 'team-deps'", "runtimes = ['python3.12', 'python3.13']",
                    "architecture = 'arm64'", "description = 'team deps'", "license = 'MIT'");

            // the pins install from the test's wheels only (no network): index options, no content change
            Path requirements = proj.resolve("requirements.txt");
            String pins = Files.readString(requirements);
            Files.writeString(requirements, wheels.indexLines() + pins);
            Path rebuilt = tmp.resolve("rebuilt.zip");
            assertThat(cli.run("build", "--project", proj.resolve("layer-studio.toml").toString(), "-o",
                    rebuilt.toString())).as(cli.err().toString()).isZero();
            JsonNode same = cli.json("diff", v1.layerVersionArn(), rebuilt.toString());
            assertThat(same.path("packages")).as(same.toString()).isEmpty();
            assertThat(same.path("files")).as(same.toString()).isEmpty();
            // the same inputs through the same deterministic writer: even the bytes are the same
            assertThat(java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(rebuilt)))).isEqualTo(v1.content().codeSha256());

            Files.writeString(requirements, wheels.indexLines() + pins.replace("beta==1.0", "beta==2.0"));
            Path changed = tmp.resolve("changed.zip");
            assertThat(cli.run("build", "--project", proj.resolve("layer-studio.toml").toString(), "-o",
                    changed.toString())).as(cli.err().toString()).isZero();
            JsonNode diff = cli.json("diff", v1.layerVersionArn(), changed.toString());
            assertThat(diff.path("packages").findValuesAsText("name")).as(diff.toString()).containsExactly("beta");
            assertThat(diff.path("packages").get(0).path("oldVersion").asText()).isEqualTo("1.0");
            assertThat(diff.path("packages").get(0).path("newVersion").asText()).isEqualTo("2.0");
            List<String> files = new ArrayList<>(diff.path("files").findValuesAsText("path"));
            assertThat(files).isNotEmpty().allMatch(p -> p.startsWith("python/beta/") || p.startsWith("python/beta-"),
                    "a file of beta");
        }
    }

    @Test
    void aFolderThatHoldsAProjectIsLeftAsItIs(MotoServer moto) throws IOException {
        Path proj = tmp.resolve("taken");
        Files.createDirectories(proj);
        Files.writeString(proj.resolve("requirements.txt"), "mine\n");
        try (CliAgainstMoto cli = CliAgainstMoto.open(moto, tmp.resolve("home"))) {
            assertThat(cli.run("project", "from-version", "arn:aws:lambda:us-east-1:123456789012:layer:x:1", "-o",
                    proj.toString())).isEqualTo(FailureHandler.FAILED);
            assertThat(cli.err().toString()).contains("requirements.txt exists already; nothing was written.");
            assertThat(Files.readString(proj.resolve("requirements.txt"))).isEqualTo("mine\n");
            assertThat(proj.resolve("layer-studio.toml")).doesNotExist();
        }
    }
}
