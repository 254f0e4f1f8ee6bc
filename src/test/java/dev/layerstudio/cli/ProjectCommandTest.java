package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.testing.Zips;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code project init}, and {@code build} / {@code publish} / {@code upgrade} with {@code --project}. */
@ExtendWith(MotoExtension.class)
class ProjectCommandTest {

    private static CliAgainstMoto cli;
    private static AwsSession session;
    private static MotoFixtures fixtures;

    @TempDir
    static Path home;

    @TempDir
    Path tmp;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void connect(MotoServer server) {
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
        JsonNode doc = cli.json(args);
        out = cli.out();
        err = cli.err();
        assertThat(cli.exitCode()).as(err.toString()).isZero();
        return doc;
    }

    /** A repository: requirements pointing at wheels the test made, own code in a package and a script. */
    private List<String> buildFlags() throws IOException {
        Wheels wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("purepkg", "1.0", Map.of("purepkg/__init__.py", "X = 1\n", "purepkg/tests/t.py", "x = 1\n"),
                "helperpkg");
        wheels.pure("helperpkg", "2.1", Map.of("helperpkg/__init__.py", "Y = 2\n"));
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("src/mylib"));
        Files.writeString(repo.resolve("requirements.txt"), wheels.indexLines() + "purepkg==1.0\n");
        Files.writeString(repo.resolve("src/mylib/__init__.py"), "def hello():\n    return 'hi'\n");
        Files.writeString(repo.resolve("src/tool.sh"), "#!/bin/sh\necho tool\n");
        return new ArrayList<>(List.of("-r", repo.resolve("requirements.txt").toString(), "--runtime", "python3.12",
                "--arch", "arm64", "--add", repo.resolve("src/mylib").toString(), "--add",
                repo.resolve("src/tool.sh") + "=bin/", "--slim", "--installer", "pip"));
    }

    @Test
    void aProjectWrittenByInitBuildsTheSameBytesAsTheFlagsTwice() throws IOException {
        List<String> flags = buildFlags();
        Path project = tmp.resolve("repo/layer-studio.toml");
        List<String> init = new ArrayList<>(List.of("project", "init", "--layer-name", "deps", "-o",
                project.toString()));
        init.addAll(flags);
        assertThat(run(init.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote " + project);
        String text = Files.readString(project);
        assertThat(text).contains("name = 'deps'", "files = ['requirements.txt']", "source = 'src/mylib'",
                "source = 'src/tool.sh'", "destination = 'bin/'", "architecture = 'arm64'");
        assertThat(text).doesNotContain(tmp.toString()); // every path relative to the file

        List<String> byFlags = new ArrayList<>(List.of("build", "-o", tmp.resolve("flags.zip").toString()));
        byFlags.addAll(flags);
        String flagsSha = json(byFlags.toArray(String[]::new)).path("sha256").asText();
        assertThat(flagsSha).hasSize(64);
        for (int i = 1; i <= 2; i++) {
            JsonNode built = json("build", "--project", project.toString(), "-o",
                    tmp.resolve("project-" + i + ".zip").toString());
            assertThat(built.path("sha256").asText()).as("build %d", i).isEqualTo(flagsSha);
            assertThat(built.path("architecture").asText()).isEqualTo("arm64");
        }
        assertThat(Files.readAllBytes(tmp.resolve("project-1.zip"))).isEqualTo(Files.readAllBytes(
                tmp.resolve("flags.zip")));

        // the project moved with its repository still builds the same bytes: nothing in it is absolute
        Path moved = tmp.resolve("elsewhere");
        Files.move(tmp.resolve("repo"), moved);
        assertThat(json("build", "--project", moved.resolve("layer-studio.toml").toString(), "-o",
                tmp.resolve("moved.zip").toString()).path("sha256").asText()).isEqualTo(flagsSha);
    }

    @Test
    void initRefusesToReplaceAFileAndBuildRefusesFlagsBesideTheProject() throws IOException {
        Path project = tmp.resolve("p.toml");
        Files.writeString(project, "mine");
        assertThat(run("project", "init", "--layer-name", "x", "--runtime", "python3.12", "-o", project.toString()))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("exists already; nothing was written");
        assertThat(Files.readString(project)).isEqualTo("mine");

        assertThat(run("project", "init", "--layer-name", "x", "--runtime", "python3.12", "requests", "-o",
                project.toString(), "--force")).as(err.toString()).isZero();
        assertThat(run("build", "--project", project.toString(), "--arch", "arm64", "-o", tmp.resolve("l.zip")
                .toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--project takes what to build from the project file; leave out --arch");
        assertThat(run("build", "requests", "-o", tmp.resolve("l.zip").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--runtime", "--project");
    }

    @Test
    void unknownKeysAreReportedByTheCommandsThatReadTheProject() throws IOException {
        Path project = tmp.resolve("p.toml");
        Files.writeString(project, """
                version = 1
                [layer]
                name = 'typo-layer'
                runtimes = ['python3.12']
                [publish]
                descripton = 'misspelt'
                """);
        Path zip = tmp.resolve("l.zip");
        Files.write(zip, Zips.layer("t", "T = 1"));
        assertThat(run("publish", zip.toString(), "--project", project.toString(), "--archs", "x86_64"))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("p.toml has a key Layer Studio does not know, ignored: publish.descripton.");
        assertThat(out.toString()).contains("published typo-layer:1");
    }

    @Test
    void publishAndUpgradeTakeNamesOptionsAndWavesFromTheProject() throws IOException {
        Path project = tmp.resolve("layer-studio.toml");
        ProjectFile.write(new LayerProject("proj-lib", List.of("python3.12", "python3.13"),
                dev.layerstudio.model.Architecture.X86_64, null, List.of(), null, null,
                new LayerProject.Publish("from the project", "MIT", null, List.of()),
                new LayerProject.Targets(List.of("proj-*"), List.of("env=dev"))), project);
        Path zip = tmp.resolve("l.zip");
        Files.write(zip, Zips.layer("pl", "PL = 1"));
        JsonNode first = json("publish", zip.toString(), "--project", project.toString());
        assertThat(first.path("layerName").asText()).isEqualTo("proj-lib");
        var v1 = session.lambda().getLayerVersion(b -> b.layerName("proj-lib").versionNumber(1L));
        assertThat(v1.description()).isEqualTo("from the project");
        assertThat(v1.licenseInfo()).isEqualTo("MIT");
        assertThat(v1.compatibleRuntimesAsStrings()).containsExactly("python3.12", "python3.13");
        assertThat(v1.compatibleArchitecturesAsStrings()).containsExactly("x86_64");

        Files.write(zip, Zips.layer("pl", "PL = 2"));
        json("publish", zip.toString(), "--project", project.toString(), "--description", "given here wins");
        var v2 = session.lambda().getLayerVersion(b -> b.layerName("proj-lib").versionNumber(2L));
        assertThat(v2.description()).isEqualTo("given here wins");
        assertThat(v2.licenseInfo()).isEqualTo("MIT");

        fixtures.createFunction("proj-dev-1", "python3.12", List.of(v1.layerVersionArn()), Map.of("env", "dev"));
        fixtures.createFunction("proj-prod-1", "python3.12", List.of(v1.layerVersionArn()), Map.of("env", "prod"));
        assertThat(run("upgrade", "--project", project.toString(), "--to", "2", "--dry-run")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("wave 1 (env=dev): proj-dev-1", "wave 2 (the rest): proj-prod-1",
                "Dry run");
    }

    @Test
    void attachChoosesTheProjectsFunctionsByNamePatternAndTag() throws IOException {
        String v1 = fixtures.publishLayer("att-lib", Map.of("python/a.py", "A = 1"), "python3.12").layerVersionArn();
        fixtures.createFunction("att-api-1", "python3.12", List.of(), Map.of());
        fixtures.createFunction("other-fn", "python3.12", List.of(), Map.of("team", "att"));
        fixtures.createFunction("unrelated", "python3.12", List.of(), Map.of("team", "else"));
        Path project = tmp.resolve("att.toml");
        Files.writeString(project, """
                version = 1
                [layer]
                name = 'att-lib'
                [attach]
                functions = ['att-api-*', 'team=att']
                """);
        assertThat(run("attach", "--layer", v1, "--project", project.toString(), "--dry-run")).as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("The project chooses ");
        assertThat(err.toString()).contains("att-api-1").contains("other-fn").doesNotContain("unrelated");

        Files.writeString(project, "version = 1\n[attach]\nfunctions = ['nothing-*']\n");
        assertThat(run("attach", "--layer", v1, "--project", project.toString(), "--dry-run"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("No function in us-east-1 matches nothing-* (att.toml, [attach] functions).");
    }
}
