package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.Limits;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One crafted zip per finding: the finding appears, with its code, severity, message and path. */
class FindingsTest {

    private static final int DEFLATED = ZipMethod.DEFLATED.getCode();

    @TempDir
    Path dir;

    private int zips;

    private Path zip(Consumer<ZipMaker> content) {
        Path p = dir.resolve("layer" + (zips++) + ".zip");
        try (ZipMaker z = ZipMaker.create(p)) {
            content.accept(z);
        }
        return p;
    }

    private InspectionReport inspect(Path zip, InspectOptions options) {
        return new Inspector(dir.resolve("cache")).inspect(new LayerSource.LocalZip(zip), options, ProgressListener.NONE);
    }

    private InspectionReport inspect(Path zip) {
        return inspect(zip, InspectOptions.defaults().withRuntime(Runtime.parse("python3.12"))
                .withArchitecture(Architecture.X86_64));
    }

    private static Finding only(InspectionReport r, FindingCode code) {
        List<Finding> found = r.findings(code);
        assertThat(found).as("findings %s in %s", code, r.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void aCleanLayerHasNoFindings() {
        InspectionReport r = inspect(zip(z -> z.file("python/mymod.py", "X = 1\n")));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void codeAtTheTopOfTheLayerIsNotImportable() {
        InspectionReport r = inspect(zip(z -> z.file("requests/__init__.py", "").file("requests/api.py", "")));
        Finding f = only(r, FindingCode.NOT_UNDER_PYTHON);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("requests");
        assertThat(f.message()).contains("requests/", "not under python/");

        InspectionReport mixed = inspect(zip(z -> z.file("python/ok.py", "").file("docs/readme.txt", "hi")
                .file("bin/tool", "#!/bin/sh\n").file("lib/libx.so.1", ZipMaker.elf(0x3E))));
        Finding stray = only(mixed, FindingCode.NOT_UNDER_PYTHON);
        assertThat(stray.severity()).isEqualTo(Severity.WARNING);
        assertThat(stray.path()).isEqualTo("docs");
    }

    @Test
    void sitePackagesOfAnotherPythonIsAnError() {
        Path zip = zip(z -> z.file("python/lib/python3.11/site-packages/six.py", "X = 1\n"));
        Finding f = only(inspect(zip), FindingCode.PYTHON_VERSION_MISMATCH);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("python/lib/python3.11");
        assertThat(f.message()).contains("python3.12");
        assertThat(inspect(zip, InspectOptions.defaults().withRuntime(Runtime.parse("python3.11"))).findings()).isEmpty();
    }

    @Test
    void binariesForAnotherOsAreFoundByHeaderAndByName() {
        InspectionReport r = inspect(zip(z -> z
                .file("python/fast/_speed.so", ZipMaker.machO())
                .file("python/fast/_tagged.cpython-312-darwin.so", ZipMaker.machO())
                .file("python/win/_w.cp312-win_amd64.pyd", ZipMaker.pe())
                .file("python/fast/__init__.py", "")));
        List<Finding> found = r.findings(FindingCode.FOREIGN_OS_BINARY);
        assertThat(found).flatExtracting(Finding::paths).containsExactlyInAnyOrder("python/fast/_speed.so",
                "python/fast/_tagged.cpython-312-darwin.so", "python/win/_w.cp312-win_amd64.pyd");
        assertThat(found).extracting(Finding::message).anyMatch(m -> m.contains("macOS"))
                .anyMatch(m -> m.contains("Windows"));
        assertThat(found).allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void linuxBinariesForTheOtherArchitectureAreErrors() {
        Path zip = zip(z -> z.file("lib/libfoo.so.1", ZipMaker.elf(0xB7))
                .file("python/np/_core.cpython-312-aarch64-linux-gnu.so", ZipMaker.elf(0xB7)));
        InspectionReport x86 = inspect(zip);
        assertThat(x86.findings(FindingCode.FOREIGN_ARCH_BINARY)).flatExtracting(Finding::paths)
                .containsExactlyInAnyOrder("lib/libfoo.so.1", "python/np/_core.cpython-312-aarch64-linux-gnu.so");
        assertThat(x86.findings(FindingCode.FOREIGN_ARCH_BINARY)).allMatch(f -> f.message().contains("aarch64"));
        InspectionReport arm = inspect(zip, InspectOptions.defaults().withRuntime(Runtime.parse("python3.12"))
                .withArchitecture(Architecture.ARM64));
        assertThat(arm.findings()).isEmpty();
    }

    @Test
    void aScriptThatRunsTheBuildMachinesPythonIsFound() {
        InspectionReport r = inspect(zip(z -> z.file("python/six.py", "")
                .file("python/bin/normalizer", "#!/home/alice/venv/bin/python3\nimport sys\n")
                .file("python/bin/long", "#!/bin/sh\n'''exec' /Users/bob/very long/bin/python3 \"$0\" \"$@\"\n' '''\n")
                .file("python/bin/fine", "#!/var/lang/bin/python3\n")
                .file("bin/tool", "#!/usr/bin/env python3\n")
                .file("bin/helper", "#!/bin/sh\necho hi\n")));
        List<Finding> found = r.findings(FindingCode.SHEBANG_NOT_ON_LAMBDA);
        assertThat(found).extracting(Finding::path).containsExactly("python/bin/long", "python/bin/normalizer");
        assertThat(found).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(found.get(1).message()).isEqualTo("python/bin/normalizer runs /home/alice/venv/bin/python3, which "
                + "does not exist on Lambda (and python/bin is on no search path in Lambda): leave the script out, "
                + "or start it with #!/var/lang/bin/python3.");
        assertThat(found.get(0).message()).contains("/Users/bob/very");
    }

    @Test
    void theElfHeaderWinsOverTheFileName() {
        InspectionReport r = inspect(zip(z -> z.file("python/m/_x.cpython-312-x86_64-linux-gnu.so", ZipMaker.elf(0xB7))));
        assertThat(only(r, FindingCode.FOREIGN_ARCH_BINARY).path()).isEqualTo("python/m/_x.cpython-312-x86_64-linux-gnu.so");
    }

    @Test
    void extensionsForAnotherCPythonAreErrors() {
        InspectionReport r = inspect(zip(z -> z
                .file("python/charset/md.cpython-311-x86_64-linux-gnu.so", ZipMaker.elf(0x3E))
                .file("python/charset/ok.cpython-312-x86_64-linux-gnu.so", ZipMaker.elf(0x3E))
                .file("python/charset/stable.abi3.so", ZipMaker.elf(0x3E))));
        Finding f = only(r, FindingCode.FOREIGN_PYTHON_ABI);
        assertThat(f.paths()).containsExactly("python/charset/md.cpython-311-x86_64-linux-gnu.so");
        assertThat(f.message()).contains("CPython 3.11", "python3.12");
    }

    @Test
    void bundledBoto3IsReportedWithItsSize() {
        InspectionReport r = inspect(zip(z -> z
                .file("python/boto3/__init__.py", "x".repeat(5000))
                .file("python/boto3-1.35.0.dist-info/RECORD", "boto3/__init__.py,,\nboto3-1.35.0.dist-info/RECORD,,\n")
                .file("python/boto3-1.35.0.dist-info/top_level.txt", "boto3\n")));
        Finding f = only(r, FindingCode.BUNDLED_AWS_SDK);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("boto3 1.35.0");
        assertThat(f.paths()).contains("python/boto3", "python/boto3-1.35.0.dist-info");
        assertThat(f.bytes()).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void cachesAndTestsAreWhatSlimmingWouldSave() {
        InspectionReport r = inspect(zip(z -> z
                .file("python/pkg/__init__.py", "")
                .file("python/pkg/__pycache__/__init__.cpython-312.pyc", new byte[300])
                .file("python/pkg/__pycache__/a.cpython-312.pyc", new byte[200])
                .file("python/pkg/tests/test_a.py", "x".repeat(1000))
                .file("python/pkg/tests/data/big.json", "y".repeat(2000))));
        Finding caches = only(r, FindingCode.CACHE_FILES);
        assertThat(caches.bytes()).isEqualTo(500);
        assertThat(caches.paths()).containsExactly("python/pkg/__pycache__");
        assertThat(caches.severity()).isEqualTo(Severity.INFO);
        Finding tests = only(r, FindingCode.TEST_FILES);
        assertThat(tests.bytes()).isEqualTo(3000);
        assertThat(tests.paths()).containsExactly("python/pkg/tests");
    }

    @Test
    void filesNobodyElseCanReadAreErrors() {
        InspectionReport r = inspect(zip(z -> z.file("python/secret.py", "X = 1\n".getBytes(), 0600, DEFLATED)
                .file("python/fine.py", "")));
        Finding f = only(r, FindingCode.NOT_WORLD_READABLE);
        assertThat(f.paths()).containsExactly("python/secret.py");
        assertThat(f.message()).contains("rw-------");
    }

    @Test
    void symlinksAreReportedWithTheirTarget() {
        InspectionReport r = inspect(zip(z -> z.file("lib/libssl.so.3", ZipMaker.elf(0x3E))
                .symlink("lib/libssl.so", "libssl.so.3")
                .symlink("python/passwd", "../../etc/passwd")));
        List<Finding> links = r.findings(FindingCode.SYMLINK);
        assertThat(links).extracting(Finding::path).containsExactlyInAnyOrder("lib/libssl.so", "python/passwd");
        assertThat(links).filteredOn(f -> f.path().equals("python/passwd")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("../../etc/passwd", "outside the layer"));
        assertThat(links).filteredOn(f -> f.path().equals("lib/libssl.so")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("libssl.so.3").doesNotContain("outside"));
    }

    @Test
    void duplicateNamesAreReported() {
        InspectionReport r = inspect(zip(z -> z.file("python/a.py", "one").file("python/a.py", "two")));
        Finding f = only(r, FindingCode.DUPLICATE_ENTRY);
        assertThat(f.paths()).containsExactly("python/a.py");
        assertThat(r.entryCount()).isEqualTo(2);
    }

    @Test
    void namesThatEscapeTheLayerAreErrors() {
        InspectionReport r = inspect(zip(z -> z.file("../evil.py", "").file("/etc/cron.d/x", "")
                .file("python/sub\\win.py", "").file("C:/boot.ini", "").file("python/ok.py", "")));
        assertThat(r.findings(FindingCode.UNSAFE_PATH)).extracting(Finding::path).containsExactlyInAnyOrder(
                "../evil.py", "/etc/cron.d/x", "python/sub\\win.py", "C:/boot.ini");
        assertThat(r.findings(FindingCode.UNSAFE_PATH)).allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void anEntryThatExpandsAbsurdlyIsSuspicious() {
        InspectionReport r = inspect(zip(z -> z.file("python/zeros.bin", new byte[20 * 1024 * 1024])
                .file("python/text.py", "import os\n".repeat(20000))));
        Finding f = only(r, FindingCode.SUSPICIOUS_COMPRESSION);
        assertThat(f.path()).isEqualTo("python/zeros.bin");
        assertThat(f.message()).contains("1:");
    }

    @Test
    void encryptedAndExoticallyCompressedEntriesCannotBeExtracted() throws Exception {
        InspectionReport bzip2 = inspect(zip(z -> z.raw("python/a.py", ZipMethod.BZIP2.getCode(), false,
                new byte[40], 100)));
        assertThat(only(bzip2, FindingCode.UNEXTRACTABLE_ENTRY).message())
                .startsWith("python/a.py is compressed with bzip2");

        Path encrypted = zip(z -> z.file("python/b.py", "X = 1\n"));
        ZipMaker.setEncryptedFlag(encrypted);
        assertThat(only(inspect(encrypted), FindingCode.UNEXTRACTABLE_ENTRY).message())
                .startsWith("python/b.py is encrypted");
    }

    @Test
    void theSamePathInAnotherLayerIsAConflictThatThisLayerWins() {
        Path other = zip(z -> z.file("python/six.py", "old").file("python/other.py", ""));
        Path mine = zip(z -> z.file("python/six.py", "new").file("python/mine.py", ""));
        InspectionReport r = inspect(mine, InspectOptions.defaults().withRuntime(Runtime.parse("python3.12"))
                .withOtherLayers(List.of(new LayerSource.LocalZip(other))));
        Finding f = only(r, FindingCode.PATH_CONFLICT);
        assertThat(f.paths()).containsExactly("python/six.py");
        assertThat(f.message()).contains(other.toString(), "merged last wins", "sees this layer's copy");
    }

    @Test
    void limitsCountTheOtherLayersAndTheFunctionCode() {
        Path other = zip(z -> z.file("python/big.bin", new byte[3000], 0644, ZipMethod.STORED.getCode()));
        Path mine = zip(z -> z.file("python/mine.bin", new byte[2000], 0644, ZipMethod.STORED.getCode()));
        Limits small = new Limits(1000, 10_000, 5, Limits.CODE_STORAGE_BYTES);
        InspectionReport r = inspect(mine, InspectOptions.defaults().withLimits(small).withFunctionCodeBytes(6000)
                .withOtherLayers(List.of(new LayerSource.LocalZip(other))));
        var unzipped = r.limit("unzipped-total").orElseThrow();
        assertThat(unzipped.usedBytes()).isEqualTo(11_000);
        assertThat(unzipped.headroomBytes()).isEqualTo(-1000);
        assertThat(unzipped.ok()).isFalse();
        assertThat(unzipped.parts()).extracting(p -> p.bytes()).containsExactly(2000L, 3000L, 6000L);
        assertThat(only(r, FindingCode.UNZIPPED_LIMIT_EXCEEDED).severity()).isEqualTo(Severity.ERROR);
        var direct = r.limit("direct-upload").orElseThrow();
        assertThat(direct.usedBytes()).isEqualTo(r.zippedBytes());
        assertThat(direct.ok()).isFalse();
        assertThat(only(r, FindingCode.DIRECT_UPLOAD_LIMIT_EXCEEDED).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aSixthLayerIsTooMany() {
        Path one = zip(z -> z.file("python/a.py", ""));
        List<LayerSource> five = java.util.Collections.nCopies(5, new LayerSource.LocalZip(one));
        InspectionReport r = inspect(zip(z -> z.file("python/b.py", "")),
                InspectOptions.defaults().withRuntime(Runtime.parse("python3.12")).withOtherLayers(five));
        assertThat(only(r, FindingCode.TOO_MANY_LAYERS).message()).contains("at most 5");
    }

    @Test
    void findingCodesAreStable() {
        assertThat(FindingCode.values()).extracting(Enum::name).contains("NOT_UNDER_PYTHON",
                "PYTHON_VERSION_MISMATCH", "FOREIGN_OS_BINARY", "FOREIGN_ARCH_BINARY", "FOREIGN_PYTHON_ABI",
                "BUNDLED_AWS_SDK", "CACHE_FILES", "TEST_FILES", "NOT_WORLD_READABLE", "SYMLINK", "DUPLICATE_ENTRY",
                "UNSAFE_PATH", "SUSPICIOUS_COMPRESSION", "PATH_CONFLICT", "IMPORT_FAILED");
    }
}
