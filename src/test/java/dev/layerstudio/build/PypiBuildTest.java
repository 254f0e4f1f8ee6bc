package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few builds from the real PyPI: a pure package, and native code for arm64 built on this x86_64 host.
 * Each with a cache folder of its own, so pip and uv really run (a kept installation would be reused).
 */
class PypiBuildTest {

    private static final int EM_AARCH64 = 183;

    @TempDir
    Path tmp;

    @Test
    void aPurePackageFromPypi() throws Exception {
        BuildResult r = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")),
                tmp.resolve("cache"))
                .build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.13"), Architecture.X86_64, Requirements.of("six==1.17.0"))
                        .withInstaller(InstallerChoice.PIP), tmp.resolve("six.zip")), ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("six", "1.17.0", true));
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("python/six.py");
    }

    @Test
    void nativeCodeForArm64WithPip() throws Exception {
        BuildResult r = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")),
                tmp.resolve("cache"))
                .build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.12"), Architecture.ARM64,
                        Requirements.of("markupsafe==3.0.2")).withInstaller(InstallerChoice.PIP), tmp.resolve("ms.zip")),
                        ProgressListener.NONE);
        assertAarch64Extension(r);
    }

    @Test
    void nativeCodeForArm64WithUv() throws Exception {
        BuildResult r = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work"))
                .withSearchPathFirst(PythonTools.uvBin()), tmp.resolve("cache"))
                .build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.12"), Architecture.ARM64,
                        Requirements.of("markupsafe==3.0.2")).withInstaller(InstallerChoice.UV), tmp.resolve("ms-uv.zip")),
                        ProgressListener.NONE);
        assertThat(r.installer()).startsWith("uv ");
        assertAarch64Extension(r);
    }

    @Test
    void python314ForArm64GetsCpython314Aarch64Modules() throws Exception {
        BuildResult r = builder().build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.14"), Architecture.ARM64,
                Requirements.of("markupsafe==3.0.3")).withInstaller(InstallerChoice.PIP), tmp.resolve("ms314.zip")),
                ProgressListener.NONE);
        assertAarch64Extension(r, "3.0.3", "cpython-314-aarch64-linux-gnu");
    }

    @Test
    void docoptIsBuiltFromItsSourceArchiveForArm64() throws Exception {
        BuildResult r = builder().build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.12"), Architecture.ARM64,
                Requirements.of("docopt==0.6.2")).withInstaller(InstallerChoice.PIP), tmp.resolve("docopt.zip")),
                ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("docopt", "0.6.2", true));
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("python/docopt.py")
                .noneMatch(n -> n.startsWith("python/bin") || n.endsWith("direct_url.json"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("docopt was built from its source archive on this machine "
                + "(pure Python: docopt-0.6.2-py"));
    }

    @Test
    void docoptIsBuiltFromItsSourceArchiveWithUvToo() throws Exception {
        BuildResult r = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work"))
                .withSearchPathFirst(PythonTools.uvBin()), tmp.resolve("cache"))
                .build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.13"), Architecture.ARM64,
                        Requirements.of("docopt==0.6.2")).withInstaller(InstallerChoice.UV), tmp.resolve("d-uv.zip")),
                        ProgressListener.NONE);
        assertThat(r.installer()).startsWith("uv ");
        assertThat(r.packages()).extracting(InstalledPackage::name).containsExactly("docopt");
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("python/docopt.py").noneMatch(n -> n.endsWith(".lock"));
    }

    @Test
    void aSourceArchiveWithCCodeAndNoWheelForTheTargetGetsTheSentence() {
        // python-Levenshtein 0.12.2: only a source archive, with a C extension
        assertThatThrownBy(() -> builder().build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.12"),
                Architecture.ARM64, Requirements.of("python-Levenshtein==0.12.2")).withInstaller(InstallerChoice.PIP),
                tmp.resolve("n.zip")), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("python-Levenshtein has no wheel for Linux arm64 / CPython 3.12, and its "
                        + "source archive ")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("build it on Linux arm64"));
        assertThat(tmp.resolve("n.zip")).doesNotExist();
        // netifaces 0.11.0: C code with wheels for Windows only, and no source build tried
        assertThatThrownBy(() -> builder().build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.12"),
                Architecture.ARM64, Requirements.of("netifaces==0.11.0")).withInstaller(InstallerChoice.PIP),
                tmp.resolve("n.zip")), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("netifaces has no wheel for Linux arm64 / CPython 3.12. Its wheels are for: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uv/uv.lock", "poetry/poetry.lock", "pipenv/Pipfile.lock", "requirements-hashed.txt",
        "uv/pyproject.toml"})
    void eachInputFormatBuildsToItsPins(String fixture) throws Exception {
        BuildResult r = builder().build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.12"), Architecture.X86_64,
                Requirements.ofFile(InputFilesTest.fixture(fixture))).withInstaller(InstallerChoice.PIP),
                tmp.resolve("lock.zip")), ProgressListener.NONE);
        assertThat(r.packages()).extracting(InstalledPackage::toString)
                .containsExactly("python-dateutil 2.9.0.post0", "six 1.17.0");
        String file = Path.of(fixture).getFileName().toString();
        assertThat(r.notes()).anyMatch(n -> n.startsWith(file + ": "));
    }

    @Test
    void uvInstallsALockFileWithItsHashes() throws Exception {
        BuildResult r = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work"))
                .withSearchPathFirst(PythonTools.uvBin()), tmp.resolve("cache"))
                .build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.14"), Architecture.ARM64,
                        Requirements.ofFile(InputFilesTest.fixture("poetry/poetry.lock")).withGroups(List.of("extra")))
                        .withInstaller(InstallerChoice.UV), tmp.resolve("uv-lock.zip")), ProgressListener.NONE);
        assertThat(r.packages()).extracting(InstalledPackage::toString)
                .containsExactly("attrs 25.3.0", "python-dateutil 2.9.0.post0", "six 1.17.0");
        assertThat(r.notes()).contains("poetry.lock: 3 packages pinned with hashes, groups main, extra");
    }

    /** A builder with a cache of its own: nothing installed by another test is reused. */
    private DefaultLayerBuilder builder() {
        return new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")), tmp.resolve("cache"));
    }

    private static void assertAarch64Extension(BuildResult r) throws Exception {
        assertAarch64Extension(r, "3.0.2", "cpython-312-aarch64-linux-gnu");
    }

    private static void assertAarch64Extension(BuildResult r, String version, String tag) throws Exception {
        assertThat(r.packages()).extracting(InstalledPackage::version).containsExactly(version);
        try (ZipFile zip = ZipFile.builder().setPath(r.zip().output()).get()) {
            List<ZipArchiveEntry> so = java.util.Collections.list(zip.getEntries()).stream()
                    .filter(e -> e.getName().endsWith(".so")).toList();
            assertThat(so).singleElement().satisfies(e -> {
                assertThat(e.getName()).startsWith("python/markupsafe/").contains(tag);
                byte[] head = zip.getInputStream(e).readNBytes(20);
                assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ELF");
                assertThat((head[18] & 0xff) | (head[19] & 0xff) << 8).as("e_machine").isEqualTo(EM_AARCH64);
                assertThat(e.getUnixMode() & 0777).isEqualTo(0755);
            });
        }
    }
}
