package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.InstallerChoice;
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
                .build(BuildSpec.of(InstallSpec.of(Runtime.PYTHON_3_13, Architecture.X86_64, Requirements.of("six==1.17.0"))
                        .withInstaller(InstallerChoice.PIP), tmp.resolve("six.zip")), ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("six", "1.17.0", true));
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("python/six.py");
    }

    @Test
    void nativeCodeForArm64WithPip() throws Exception {
        BuildResult r = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")),
                tmp.resolve("cache"))
                .build(BuildSpec.of(InstallSpec.of(Runtime.PYTHON_3_12, Architecture.ARM64,
                        Requirements.of("markupsafe==3.0.2")).withInstaller(InstallerChoice.PIP), tmp.resolve("ms.zip")),
                        ProgressListener.NONE);
        assertAarch64Extension(r);
    }

    @Test
    void nativeCodeForArm64WithUv() throws Exception {
        BuildResult r = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work"))
                .withSearchPathFirst(PythonTools.uvBin()), tmp.resolve("cache"))
                .build(BuildSpec.of(InstallSpec.of(Runtime.PYTHON_3_12, Architecture.ARM64,
                        Requirements.of("markupsafe==3.0.2")).withInstaller(InstallerChoice.UV), tmp.resolve("ms-uv.zip")),
                        ProgressListener.NONE);
        assertThat(r.installer()).startsWith("uv ");
        assertAarch64Extension(r);
    }

    private static void assertAarch64Extension(BuildResult r) throws Exception {
        assertThat(r.packages()).extracting(InstalledPackage::version).containsExactly("3.0.2");
        try (ZipFile zip = ZipFile.builder().setPath(r.zip().output()).get()) {
            List<ZipArchiveEntry> so = java.util.Collections.list(zip.getEntries()).stream()
                    .filter(e -> e.getName().endsWith(".so")).toList();
            assertThat(so).singleElement().satisfies(e -> {
                assertThat(e.getName()).startsWith("python/markupsafe/").contains("cpython-312-aarch64-linux-gnu");
                byte[] head = zip.getInputStream(e).readNBytes(20);
                assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ELF");
                assertThat((head[18] & 0xff) | (head[19] & 0xff) << 8).as("e_machine").isEqualTo(EM_AARCH64);
                assertThat(e.getUnixMode() & 0777).isEqualTo(0755);
            });
        }
    }
}
