package dev.layerstudio.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.project.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's fields as a project and back: nothing the project holds is lost on the way. */
class ProjectMappingTest {

    @TempDir
    Path dir;

    private static LayerProject sample() {
        return new LayerProject("deps", List.of("python3.12", "python3.11"), Architecture.ARM64,
                new LayerProject.Inputs(List.of("requirements.txt", "locks/uv.lock"), List.of("requests==2.32.3",
                        "--extra-index-url https://example.org/simple"), List.of("docs"), Layout.SITE_PACKAGES,
                        InstallerChoice.UV, "venv/bin/python", true),
                List.of(new LayerProject.Code("src/mylib", null), new LayerProject.Code("conf/app.json",
                        "python/settings/app.json")),
                EnumSet.of(SlimRule.TESTS, SlimRule.BOTO3), ConflictPolicy.PREFER_MINE,
                new LayerProject.Publish("Shared deps", "MIT", "bucket", List.of("eu-west-1")),
                new LayerProject.Targets(List.of("api-*", "env=prod"), List.of("env=dev")));
    }

    @Test
    void aProjectMadeFieldsAndBackIsTheSameProject() {
        LayerProject p = sample();
        ProjectMapping.Fields fields = ProjectMapping.fromProject(p, dir);

        assertThat(fields.layerName()).isEqualTo("deps");
        assertThat(fields.runtime()).isEqualTo(Runtime.parse("python3.12"));
        assertThat(fields.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(fields.requirements().lines()).containsExactly("-r " + dir.resolve("requirements.txt"),
                "-r " + dir.resolve("locks/uv.lock"), "requests==2.32.3",
                "--extra-index-url https://example.org/simple");
        assertThat(fields.code()).containsExactly(new AddedPath(dir.resolve("src/mylib"), null),
                new AddedPath(dir.resolve("conf/app.json"), "python/settings/app.json"));
        assertThat(ProjectMapping.toProject(fields, p, dir)).isEqualTo(p);
        // written elsewhere (a recovery copy), the paths are absolute and still name the same files
        LayerProject absolute = ProjectMapping.toProject(fields, p, null);
        assertThat(absolute.inputs().files()).containsExactly(dir.resolve("requirements.txt").toString(),
                dir.resolve("locks/uv.lock").toString());
        assertThat(ProjectMapping.toProject(ProjectMapping.fromProject(absolute, null), p, dir)).isEqualTo(p);
    }

    @Test
    void typedLinesSplitIntoFilesAndRequirementsAndTheRuntimeChosenComesFirst() {
        String typed = "# pins\n-r " + dir.resolve("req/base.txt") + "\n\nboto3>=1.34\n--requirement=extra.txt\n";
        ProjectMapping.Fields fields = new ProjectMapping.Fields(" api ", Runtime.parse("python3.13"),
                Architecture.X86_64, typed, List.of());
        LayerProject p = ProjectMapping.toProject(fields, sample(), dir);
        assertThat(p.layerName()).isEqualTo("api");
        assertThat(p.inputs().files()).containsExactly("req/base.txt",
                ProjectPaths.relative(dir, Path.of("extra.txt")));
        assertThat(p.inputs().packages()).containsExactly("boto3>=1.34");
        assertThat(p.runtimes()).containsExactly("python3.13", "python3.11");
        assertThat(p.inputs().groups()).containsExactly("docs");
        assertThat(p.slimming()).containsExactlyInAnyOrder(SlimRule.TESTS, SlimRule.BOTO3);
        assertThat(p.publish().description()).isEqualTo("Shared deps");
        assertThat(p.targets().waves()).containsExactly("env=dev");
    }

    @Test
    void aNodeRuntimeTakesTheNodeLayoutInsteadOfAPythonOne() {
        ProjectMapping.Fields fields = new ProjectMapping.Fields("web", Runtime.parse("nodejs20.x"),
                Architecture.X86_64, "sharp@0.34.4\n", List.of());
        LayerProject p = ProjectMapping.toProject(fields, sample(), dir);
        assertThat(p.inputs().layout()).isEqualTo(Layout.NODE_MODULES);
        assertThat(p.runtimes()).startsWith("nodejs20.x");
    }

    @Test
    void ownCodeInTheTreeIsOneEntryPerThingAddedAtItsPlaceNow() throws Exception {
        Files.createDirectories(dir.resolve("src/mylib"));
        Files.writeString(dir.resolve("src/mylib/__init__.py"), "X = 1\n");
        Files.writeString(dir.resolve("src/mylib/util.py"), "Y = 2\n");
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/app.json"), "{}\n");
        DefaultLayerBuilder builder = new DefaultLayerBuilder();
        LayerContent content = builder.add(LayerContent.empty(), new AddedPath(dir.resolve("src/mylib"), null));
        content = builder.add(content, new AddedPath(dir.resolve("conf/app.json"), "python/app.json"));
        content = content.createFolder("python/settings").moveInto("python/app.json", "python/settings");

        List<AddedPath> code = ProjectMapping.codeOf(content, Runtime.parse("python3.12"), Layout.PYTHON);

        assertThat(code).containsExactly(new AddedPath(dir.resolve("src/mylib"), null),
                new AddedPath(dir.resolve("conf/app.json"), "python/settings/app.json"));
        // in the order a project listed them, so saving what was opened does not reorder the file
        assertThat(ProjectMapping.codeOf(content, Runtime.parse("python3.12"), Layout.PYTHON,
                List.of(dir.resolve("conf/app.json"), dir.resolve("src/mylib")))).extracting(AddedPath::source)
                .containsExactly(dir.resolve("conf/app.json"), dir.resolve("src/mylib"));
        // the same entries scanned again give the same tree
        LayerContent again = LayerContent.empty();
        for (AddedPath a : code) {
            again = builder.add(again, ProjectMapping.placed(a, Runtime.parse("python3.12"), Layout.PYTHON));
        }
        assertThat(again.nodes().stream().filter(n -> !n.directory()).map(n -> n.path()).sorted())
                .containsExactly("python/mylib/__init__.py", "python/mylib/util.py", "python/settings/app.json");
    }

    @Test
    void ownCodeMergedIntoAnInstalledPackagesFolderIsStillSaved() throws Exception {
        Files.createDirectories(dir.resolve("patch/tinypkg/sub"));
        Files.writeString(dir.resolve("patch/tinypkg/extra.py"), "E = 1\n");
        Files.writeString(dir.resolve("patch/tinypkg/sub/more.py"), "M = 1\n");
        Path site = dir.resolve("site/tinypkg");
        LayerContent installed = LayerContent.empty().add(
                ContentNode.folder("python/tinypkg", new ContentSource.Installed(site, 0, "tinypkg")),
                ContentNode.file("python/tinypkg/__init__.py",
                        new ContentSource.Installed(site.resolve("__init__.py"), 10, "tinypkg")));
        // the folder's own node keeps the installed source; only the files below say they are the user's
        LayerContent content = new DefaultLayerBuilder().add(installed,
                new AddedPath(dir.resolve("patch/tinypkg"), "python/tinypkg"));
        assertThat(content.node("python/tinypkg").orElseThrow().sources())
                .allMatch(s -> s instanceof ContentSource.Installed);

        assertThat(ProjectMapping.codeOf(content, Runtime.parse("python3.12"), Layout.PYTHON))
                .containsExactly(new AddedPath(dir.resolve("patch/tinypkg"), null));
    }

    @Test
    void aPieceMovedOutOfAnAddedFolderIsItsOwnEntryAndLeftOutOfTheFolder() throws Exception {
        Files.createDirectories(dir.resolve("src/mylib/tools"));
        Files.writeString(dir.resolve("src/mylib/__init__.py"), "X = 1\n");
        Files.writeString(dir.resolve("src/mylib/util.py"), "Y = 2\n");
        Files.writeString(dir.resolve("src/mylib/tools/a.py"), "A = 1\n");
        Files.writeString(dir.resolve("src/mylib/tools/b.py"), "B = 1\n");
        DefaultLayerBuilder builder = new DefaultLayerBuilder();
        LayerContent content = builder.add(LayerContent.empty(), new AddedPath(dir.resolve("src/mylib"), null));
        content = content.move("python/mylib/util.py", "python/util.py").move("python/mylib/tools", "python/tools");

        List<AddedPath> code = ProjectMapping.codeOf(content, Runtime.parse("python3.12"), Layout.PYTHON);

        assertThat(code).containsExactlyInAnyOrder(
                new AddedPath(dir.resolve("src/mylib"), null, List.of("tools", "util.py")),
                new AddedPath(dir.resolve("src/mylib/tools"), null), // python/ is where a piece goes by default
                new AddedPath(dir.resolve("src/mylib/util.py"), null));
        // building the entries again gives the tree as the user left it
        LayerContent again = LayerContent.empty();
        for (AddedPath a : code) {
            again = builder.add(again, ProjectMapping.placed(a, Runtime.parse("python3.12"), Layout.PYTHON));
        }
        assertThat(again.nodes().stream().filter(n -> !n.directory()).map(n -> n.path()).sorted()).containsExactly(
                "python/mylib/__init__.py", "python/tools/a.py", "python/tools/b.py", "python/util.py");
    }

    @Test
    void nodeCodeWithoutAPlaceGoesBesideThePackages() throws Exception {
        Files.createDirectories(dir.resolve("helpers"));
        Files.writeString(dir.resolve("helpers/index.js"), "module.exports = 1;\n");
        AddedPath placed = ProjectMapping.placed(new AddedPath(dir.resolve("helpers"), null),
                Runtime.parse("nodejs20.x"), Layout.NODE_MODULES);
        assertThat(placed.resolvedDestination()).isEqualTo("nodejs/node_modules/helpers");
        LayerContent content = new DefaultLayerBuilder().add(LayerContent.empty(), placed);
        assertThat(ProjectMapping.codeOf(content, Runtime.parse("nodejs20.x"), Layout.NODE_MODULES))
                .containsExactly(new AddedPath(dir.resolve("helpers"), null));
    }

}
