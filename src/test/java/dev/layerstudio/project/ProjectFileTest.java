package dev.layerstudio.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.model.WaveSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {

    @TempDir
    Path dir;

    private static LayerProject sample() {
        return new LayerProject("deps", List.of("python3.12", "python3.13"), Architecture.ARM64,
                new LayerProject.Inputs(List.of("requirements.txt", "lock/uv.lock"), List.of("requests==2.32.3",
                        "--extra-index-url https://example.org/simple"), List.of("docs"), Layout.SITE_PACKAGES,
                        InstallerChoice.UV, null, true),
                List.of(new LayerProject.Code("src/mylib", null), new LayerProject.Code("bin/tool", "bin/"),
                        new LayerProject.Code("it's \"quoted\"", "python/q.py")),
                EnumSet.of(SlimRule.TESTS, SlimRule.BOTO3, SlimRule.PYCACHE), ConflictPolicy.PREFER_MINE,
                new LayerProject.Publish("Shared deps\nline two", "MIT", "bucket-{region}", List.of("eu-west-1",
                        "us-east-1")),
                new LayerProject.Targets(List.of("api-*", "env=prod", "worker"), List.of("env=dev", "api-*")));
    }

    @Test
    void aProjectIsWrittenAsReadableTomlAndReadBackTheSame() throws Exception {
        Path file = dir.resolve("sub/layer-studio.toml");
        ProjectFile.write(sample(), file);
        String text = Files.readString(file);
        assertThat(text).contains("version = 1", "[layer]", "name = 'deps'", "[requirements]", "[[code]]",
                "[slimming]", "rules = ['pycache', 'tests', 'boto3']", "[publish]", "[attach]");
        ProjectFile.Read read = ProjectFile.read(file);
        assertThat(read.project()).isEqualTo(sample());
        assertThat(read.unknownKeys()).isEmpty();
        assertThat(read.dir()).isEqualTo(file.getParent().toAbsolutePath().normalize());
        assertThat(read.project().targets().waveSelectors()).containsExactly(new WaveSelector.Tag("env", "dev"),
                new WaveSelector.NamePattern("api-*"));
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left
    }

    @Test
    void pathsAreResolvedAgainstTheProjectFilesFolder() {
        BuildSpec spec = sample().buildSpec(dir, dir.resolve("out.zip"));
        assertThat(spec.install().requirements().files()).containsExactly(dir.resolve("requirements.txt"),
                dir.resolve("lock/uv.lock"));
        assertThat(spec.install().runtime().id()).isEqualTo("python3.12");
        assertThat(spec.additions()).extracting(a -> a.resolvedDestination())
                .containsExactly("python/mylib", "bin/tool", "python/q.py");
        assertThat(spec.additions().get(0).source()).isEqualTo(dir.resolve("src/mylib"));
        assertThat(spec.install().keepScripts()).isTrue();
        assertThat(spec.slimming()).containsExactlyInAnyOrder(SlimRule.TESTS, SlimRule.BOTO3, SlimRule.PYCACHE);
    }

    @Test
    void unknownKeysAreReportedInOneSentence() {
        ProjectFile.Read read = ProjectFile.parse("""
                version = 1
                colour = 'blue'
                [layer]
                name = 'deps'
                nmae = 'typo'
                runtimes = ['python3.12']
                [[code]]
                source = 'src'
                dest = 'python/'
                [extra]
                a = 1
                """, "layer-studio.toml", dir);
        assertThat(read.unknownKeys()).containsExactlyInAnyOrder("colour", "extra", "layer.nmae", "code.dest");
        assertThat(read.unknownKeysSentence(Path.of("layer-studio.toml"))).startsWith(
                "layer-studio.toml has keys Layer Studio does not know, ignored: ").contains("layer.nmae", "code.dest")
                .endsWith(".");
        assertThat(read.project().layerName()).isEqualTo("deps");
        assertThat(read.project().code()).containsExactly(new LayerProject.Code("src", null));
    }

    @Test
    void aFileThatIsNotAProjectOrIsNewerOrWrongSaysSoPlainly() {
        assertThatThrownBy(() -> ProjectFile.parse("[project]\nname = 'x'\n", "pyproject.toml", dir))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("pyproject.toml is not a Layer Studio project file: it has no 'version' key.");
        assertThatThrownBy(() -> ProjectFile.parse("version = 7\n", "p.toml", dir))
                .hasMessageContaining("version 7 project file, written by a newer Layer Studio");
        assertThatThrownBy(() -> ProjectFile.parse("version = 1\n[layer\n", "p.toml", dir))
                .hasMessageStartingWith("p.toml is not valid TOML");
        assertThatThrownBy(() -> ProjectFile.parse("version = 1\n[layer]\nruntimes = ['python2.7']\n", "p.toml", dir))
                .hasMessageContaining("python2.7");
        assertThatThrownBy(() -> ProjectFile.parse("version = 1\n[requirements]\nkeep_scripts = 'yes'\n", "p.toml",
                dir)).hasMessage("p.toml: requirements.keep_scripts should be true or false.");
        assertThatThrownBy(() -> ProjectFile.parse("version = 1\n[slimming]\nrules = ['tests', 'fluff']\n", "p.toml",
                dir)).hasMessageContaining("'fluff'").hasMessageContaining("pycache, tests, docs, boto3");
        assertThatThrownBy(() -> ProjectFile.read(dir.resolve("missing.toml")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void whatACodeFolderLeavesOutIsWrittenAsVersion2AndReadBack() throws Exception {
        LayerProject project = sample().withCode(List.of(new LayerProject.Code("src/mylib", null,
                List.of("tests", "sub\\secret.py", "./notes.txt", "tests")), new LayerProject.Code("bin/tool", "bin/")));
        Path file = dir.resolve("ex/layer-studio.toml");
        ProjectFile.write(project, file);
        String text = Files.readString(file);
        assertThat(text).startsWith("# Layer Studio").contains("version = 2")
                .contains("exclude = ['notes.txt', 'sub/secret.py', 'tests']");
        ProjectFile.Read read = ProjectFile.read(file);
        assertThat(read.unknownKeys()).isEmpty();
        assertThat(read.project()).isEqualTo(project);
        assertThat(read.project().code().get(0).exclude()).containsExactly("notes.txt", "sub/secret.py", "tests");
        assertThat(read.project().buildSpec(dir, dir.resolve("o.zip")).additions().get(0).exclude())
                .containsExactly("notes.txt", "sub/secret.py", "tests");
        // without anything left out the file stays version 1, which older versions read
        assertThat(ProjectFile.toText(sample())).contains("version = 1").doesNotContain("exclude");
        // an older file (version 1, no exclude) reads as before
        assertThat(ProjectFile.parse("version = 1\n[[code]]\nsource = 'src'\n", "p.toml", dir).project().code())
                .containsExactly(new LayerProject.Code("src", null));
    }

    @Test
    void anExclusionOutsideTheFolderIsRefusedWithTheEntryNamed() {
        assertThatThrownBy(() -> ProjectFile.parse("version = 2\n[[code]]\nsource = 'src'\nexclude = ['../x.py']\n",
                "p.toml", dir)).isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("p.toml: the [[code]] entry of src: '../x.py' cannot be left out of a folder");
        assertThatThrownBy(() -> ProjectFile.parse("version = 2\n[[code]]\nsource = 'src'\nexclude = [1]\n",
                "p.toml", dir)).hasMessageContaining("code.exclude should be a list of text");
    }

    @Test
    void relativePathsUseForwardSlashesAndClimbWhenNeeded() {
        assertThat(ProjectPaths.relative(dir.resolve("proj"), dir.resolve("proj/src/a.py"))).isEqualTo("src/a.py");
        assertThat(ProjectPaths.relative(dir.resolve("proj"), dir.resolve("reqs.txt"))).isEqualTo("../reqs.txt");
        assertThat(ProjectPaths.relative(dir, dir)).isEqualTo(".");
    }
}
