package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.ImportCheck;
import dev.layerstudio.model.ImportResult;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.testing.RangeServer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import check with the local python3 (the test machine's Python is a Lambda runtime version). */
class ImportCheckTest {

    @TempDir
    static Path dir;
    static Runtime local;
    static Path layer;

    @BeforeAll
    static void localPythonAndALayer() throws Exception {
        String version = ZipReadingTest.run(dir, "python3", "-c",
                "import sys; print('%d.%d' % sys.version_info[:2])").strip();
        local = Runtime.fromId("python" + version).orElseThrow(
                () -> new IllegalStateException("python3 " + version + " is not a Lambda runtime version"));
        layer = dir.resolve("layer.zip");
        try (ZipMaker z = ZipMaker.create(layer)) {
            z.file("python/good.py", "VALUE = 1\n")
                    .file("python/pkg/__init__.py", "from .inner import X\n")
                    .file("python/pkg/inner.py", "X = 2\n")
                    .file("python/broken.py", "import missing_module_xyz\n")
                    .file("python/uses_boto.py", "import boto3\n")
                    .file("python/" + local.sitePackagesPath().substring("python/".length()) + "/deep.py", "D = 1\n")
                    .file("python/pkg/tests/test_x.py", "raise SystemExit(1)\n")
                    .file("python/notes.txt", "not a module");
        }
    }

    private InspectionReport inspect(LayerSource source, Runtime runtime) {
        return new Inspector(dir.resolve("cache")).inspect(source, InspectOptions.defaults().withRuntime(runtime)
                .withArchitecture(hostArchitecture()).withImportCheck(true), ProgressListener.NONE);
    }

    private static Architecture hostArchitecture() {
        return Architecture.fromId(System.getProperty("os.arch").replace("amd64", "x86_64")).orElseThrow();
    }

    @Test
    void everyTopLevelModuleIsImportedWithOnlyTheLayerOnThePath() {
        InspectionReport r = inspect(new LayerSource.LocalZip(layer), local);
        ImportCheck check = r.importCheck();
        assertThat(check.ran()).isTrue();
        assertThat(check.results()).extracting(ImportResult::module)
                .containsExactly("broken", "deep", "good", "pkg", "uses_boto");
        assertThat(check.failures()).singleElement().satisfies(f -> {
            assertThat(f.module()).isEqualTo("broken");
            assertThat(f.error()).contains("No module named 'missing_module_xyz'");
        });
        ImportResult boto = check.results().stream().filter(i -> i.module().equals("uses_boto")).findFirst().orElseThrow();
        assertThat(boto.ok()).isTrue();
        assertThat(boto.error()).contains("boto3", "Lambda runtime provides");
        assertThat(r.findings(FindingCode.IMPORT_FAILED)).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("broken"));
        assertThat(dir.resolve("cache/tmp")).isEmptyDirectory();
    }

    @Test
    void whenItCannotRunItSaysWhy() throws Exception {
        Runtime other = Runtime.python().stream().filter(r -> !r.equals(local)).findFirst().orElseThrow();
        ImportCheck noPython = inspect(new LayerSource.LocalZip(layer), other).importCheck();
        assertThat(noPython.ran()).isFalse();
        assertThat(noPython.reason()).startsWith("No local " + other.id() + " for Linux");

        try (RangeServer server = new RangeServer()) {
            ImportCheck remote = inspect(new LayerSource.Remote(server.serve("layer.zip", layer), "arn", null, 0),
                    local).importCheck();
            assertThat(remote.ran()).isFalse();
            assertThat(remote.reason()).contains("needs the layer on disk");
        }
    }
}
