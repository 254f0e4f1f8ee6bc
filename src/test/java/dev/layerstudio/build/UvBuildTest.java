package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.testing.PythonTools;
import dev.layerstudio.testing.Wheels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uv path with the real uv (provisioned once into the test cache), on wheels the test makes. */
class UvBuildTest {

    static Path uvBin;

    @TempDir
    Path tmp;

    Wheels wheels;
    Path work;
    DefaultLayerBuilder builder;

    @BeforeAll
    static void provisionUv() throws Exception {
        uvBin = PythonTools.uvBin();
    }

    @BeforeEach
    void setUp() {
        wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("purepkg", "1.0", Map.of("purepkg/__init__.py", "X = 1\n"), "helperpkg>=2");
        wheels.pure("helperpkg", "2.1", Map.of("helperpkg/__init__.py", "Y = 2\n"));
        wheels.wheel("nativepkg", "1.0", "cp312-cp312-manylinux2014_x86_64",
                Map.of("nativepkg/__init__.py", "", "nativepkg/_ext.cpython-312-x86_64-linux-gnu.so", Wheels.elf(0x3e)));
        wheels.sdist("srconly", "1.0");
        wheels.sdist("nativesrc", "1.0", "cp311-cp311-linux_x86_64");
        work = tmp.resolve("work");
        builder = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(work).withSearchPathFirst(uvBin));
    }

    private InstallSpec spec(Architecture arch, InstallerChoice installer, String... requirements) {
        return InstallSpec.of(Runtime.parse("python3.12"), arch,
                Requirements.parse(wheels.indexLines() + String.join("\n", requirements))).withInstaller(installer);
    }

    @Test
    void autoChoosesUvWhenItIsOnPathAndBuildsTheSameTree() throws Exception {
        Path mylib = tmp.resolve("mylib");
        Files.createDirectories(mylib);
        Files.writeString(mylib.resolve("__init__.py"), "");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        BuildResult r = builder.build(BuildSpec.of(spec(Architecture.X86_64, InstallerChoice.AUTO, "purepkg", "nativepkg"),
                tmp.resolve("uv.zip")).withAdditions(List.of(AddedPath.of(mylib))), new ProgressListener() {
                    @Override
                    public void log(String line) {
                        log.add(line);
                    }
                });
        assertThat(r.installer()).isEqualTo("uv " + PythonTools.UV_VERSION);
        assertThat(r.packages()).containsExactly(new InstalledPackage("helperpkg", "2.1", false),
                new InstalledPackage("nativepkg", "1.0", true), new InstalledPackage("purepkg", "1.0", true));
        assertThat(String.join("\n", log)).contains("--python-platform x86_64-manylinux_2_34", "--python-version 3.12");
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("python/purepkg/__init__.py",
                "python/helperpkg/__init__.py", "python/nativepkg/_ext.cpython-312-x86_64-linux-gnu.so",
                "python/mylib/__init__.py");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void pipIsUsedWhenChosenEvenWithUvOnPath() throws Exception {
        try (Installation inst = builder.install(spec(Architecture.X86_64, InstallerChoice.PIP, "helperpkg"),
                ProgressListener.NONE)) {
            assertThat(inst.installer()).startsWith("pip ");
        }
    }

    @Test
    void aSourceOnlyPackageIsBuiltForUvAndUvsLockStaysOut() throws Exception {
        BuildResult r = builder.build(BuildSpec.of(spec(Architecture.ARM64, InstallerChoice.UV, "purepkg", "srconly"),
                tmp.resolve("src-uv.zip")), ProgressListener.NONE);
        assertThat(r.installer()).startsWith("uv ");
        assertThat(r.packages()).extracting(InstalledPackage::name).containsExactly("helperpkg", "purepkg", "srconly");
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("python/srconly.py")
                .noneMatch(n -> n.endsWith(".lock") || n.startsWith("python/bin"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("srconly was built from its source archive"));
    }

    @Test
    void uvFailuresNameTheirCause() {
        assertThatThrownBy(() -> builder.install(spec(Architecture.ARM64, InstallerChoice.UV, "nativepkg"),
                ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("nativepkg has no wheel for Linux arm64 / CPython 3.12.")
                .hasMessageContaining("manylinux2014_x86_64");
        assertThatThrownBy(() -> builder.install(spec(Architecture.X86_64, InstallerChoice.UV, "nativesrc"),
                ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageStartingWith(
                        "nativesrc has no wheel for Linux x86_64 / CPython 3.12, and its source archive builds here only");
        assertThatThrownBy(() -> builder.install(spec(Architecture.X86_64, InstallerChoice.UV, "nosuchpkg"),
                ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessage("nosuchpkg was not found on the package index.");
        assertThat(work).isEmptyDirectory();
    }
}
