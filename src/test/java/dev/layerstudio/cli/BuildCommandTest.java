package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.testing.Wheels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BuildCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path requirements;
    private Path mylib;
    private String wheelIndex;

    @BeforeEach
    void setUp() throws Exception {
        Wheels wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("purepkg", "1.0", Map.of("purepkg/__init__.py", "X = 1\n", "purepkg/tests/t.py", "x = 1\n"),
                "helperpkg");
        wheels.pure("helperpkg", "2.1", Map.of("helperpkg/__init__.py", "Y = 2\n"));
        requirements = tmp.resolve("requirements.txt");
        Files.writeString(requirements, wheels.indexLines() + "purepkg==1.0\n");
        wheelIndex = wheels.indexLines();
        mylib = tmp.resolve("mylib");
        Files.createDirectories(mylib);
        Files.writeString(mylib.resolve("__init__.py"), "");
    }

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void buildsAndPrintsOneJsonDocument() throws Exception {
        Path zip = tmp.resolve("out").resolve("layer.zip");
        int code = run("--json", "build", "-r", requirements.toString(), "--runtime", "python3.12", "--arch", "arm64",
                "--add", mylib + "=python/app/", "--slim", "--installer", "pip", "-o", zip.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("output").asText()).isEqualTo(zip.toString());
        assertThat(doc.path("sha256").asText()).hasSize(64);
        assertThat(doc.path("codeSha256").asText()).hasSize(44);
        assertThat(doc.path("zippedBytes").asLong()).isEqualTo(Files.size(zip));
        assertThat(doc.path("unzippedBytes").asLong()).isPositive();
        assertThat(doc.path("entries").asInt()).isPositive();
        assertThat(doc.path("runtime").asText()).isEqualTo("python3.12");
        assertThat(doc.path("architecture").asText()).isEqualTo("arm64");
        assertThat(doc.path("layout").asText()).isEqualTo("python");
        assertThat(doc.path("installer").asText()).startsWith("pip ");
        assertThat(doc.path("packages").toString()).contains("\"name\":\"purepkg\"", "\"version\":\"1.0\"",
                "\"name\":\"helperpkg\"");
        assertThat(doc.path("slimming").toString()).contains("\"rule\":\"tests\"");
        assertThat(err.toString()).contains("Zipping");
    }

    @Test
    void printsAHumanSummary() {
        Path zip = tmp.resolve("layer.zip");
        int code = run("build", "-r", requirements.toString(), "--runtime", "python3.11", "--add", mylib.toString(),
                "--installer", "pip", "-o", zip.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Built " + zip + " for python3.11 x86_64 (layout python/)",
                "packages     helperpkg 2.1, purepkg 1.0", "CodeSha256", "sha256");
    }

    @Test
    void aNodeRuntimeBuildsWithNpmIntoNodejsNodeModules() throws Exception {
        Path zip = tmp.resolve("node.zip");
        int code = run("--json", "build", "is-number@7.0.0", "--runtime", "nodejs22.x", "--arch", "arm64",
                "-o", zip.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("runtime").asText()).isEqualTo("nodejs22.x");
        assertThat(doc.path("layout").asText()).isEqualTo("node_modules");
        assertThat(doc.path("installer").asText()).startsWith("npm ");
        assertThat(doc.path("packages").toString()).contains("\"name\":\"is-number\"", "\"version\":\"7.0.0\"");

        assertThat(run("build", "is-number@7.0.0", "--runtime", "nodejs22.x", "--layout", "site-packages",
                "-o", tmp.resolve("bad.zip").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("The layout site-packages is not one nodejs22.x reads.");
        assertThat(tmp.resolve("bad.zip")).doesNotExist();
    }

    @Test
    void aDeprecatedRuntimeBuildsWithAWarningLine() {
        Path zip = tmp.resolve("old.zip");
        int code = run("build", "-r", requirements.toString(), "--runtime", "python3.9", "--installer", "pip",
                "-o", zip.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning: python3.9 is deprecated (since 2025-12-15)");
        assertThat(out.toString()).contains("Built " + zip + " for python3.9 x86_64");
    }

    @Test
    void aLockFileIsReadSaidAndItsInstalledPinsWritten() throws Exception {
        Path index = tmp.resolve("index.txt");
        Files.writeString(index, wheelIndex);
        Path lock = tmp.resolve("Pipfile.lock");
        Files.writeString(lock, "{\"_meta\": {}, \"default\": {\"purepkg\": {\"version\": \"==1.0\"},"
                + " \"helperpkg\": {\"version\": \"==2.1\"}}, \"develop\": {}}");
        Path pins = tmp.resolve("out").resolve("pins.txt");
        Path zip = tmp.resolve("lock.zip");
        int code = run("build", "-r", index.toString(), "-r", lock.toString(), "--runtime", "python3.12",
                "--installer", "pip", "--emit-requirements", pins.toString(), "-o", zip.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Read Pipfile.lock: 2 packages pinned, group default",
                "Wrote the 2 installed versions to " + pins);
        assertThat(out.toString()).contains("Note: Pipfile.lock: 2 packages pinned, group default");
        assertThat(Files.readAllLines(pins)).containsExactly(
                "# Installed by Layer Studio for python3.12 x86_64; build again with -r this file.",
                "helperpkg==2.1", "purepkg==1.0");

        assertThat(run("build", "-r", index.toString(), "-r", lock.toString(), "--group", "docs", "--runtime",
                "python3.12", "--installer", "pip", "-o", tmp.resolve("no.zip").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error: Pipfile.lock has no section named 'docs' (its sections: default, "
                + "develop).");
        assertThat(tmp.resolve("no.zip")).doesNotExist();
    }

    @Test
    void aFailureIsOneLineOnStderr() {
        int code = run("build", "nosuchpkg", "--runtime", "python3.12", "--installer", "pip", "--python",
                tmp.resolve("none").toString(), "-o", tmp.resolve("x.zip").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error: There is no Python at");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsAreCaughtBeforeAnythingRuns() {
        assertThat(run("build", "requests", "-o", "x.zip")).isEqualTo(2);
        assertThat(err.toString()).contains("--runtime");
        assertThat(run("build", "requests", "--runtime", "python2.7", "-o", tmp.resolve("y.zip").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown runtime 'python2.7'");
    }

    @Test
    void optionsMapToTheSpec() {
        BuildCommand cmd = new BuildCommand();
        new CommandLine(cmd).parseArgs("a", "b==1", "-r", "r.txt", "--runtime", "python3.13", "--arch", "aarch64",
                "--layout", "site-packages", "--add", "src/x", "--add", "y.py=python/", "--slim", "--exclude-boto3",
                "--installer", "uv", "--python", "/usr/bin/python3", "--prefer", "mine", "-o", "l.zip");
        BuildSpec spec = cmd.buildSpec();
        assertThat(spec.install().requirements().lines()).containsExactly("a", "b==1");
        assertThat(spec.install().requirements().files()).containsExactly(Path.of("r.txt"));
        assertThat(spec.install().architecture().id()).isEqualTo("arm64");
        assertThat(spec.install().layout()).isEqualTo(Layout.SITE_PACKAGES);
        assertThat(spec.install().installer()).isEqualTo(InstallerChoice.UV);
        assertThat(spec.install().python()).isEqualTo(Path.of("/usr/bin/python3"));
        assertThat(spec.additions()).extracting(a -> a.resolvedDestination()).containsExactly("python/x", "python/y.py");
        assertThat(spec.slimming()).containsExactlyInAnyOrder(SlimRule.values());
        assertThat(spec.conflictPolicy()).isEqualTo(ConflictPolicy.PREFER_MINE);
        assertThat(spec.output()).isEqualTo(Path.of("l.zip"));
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("build", "--help")).isZero();
        assertThat(out.toString()).contains("--runtime", "--arch", "--add", "--slim", "--exclude-boto3", "--installer",
                "--python", "-o", "python3.12");
    }
}
