package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.build.BuildEnvironment;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node.js layers and the programs any layer brings (extensions/, bin/), inspected from real zips. */
class NodeLayerInspectTest {

    private static final int DEFLATED = ZipMethod.DEFLATED.getCode();
    private static final int EM_X86_64 = 0x3E;
    private static final int EM_AARCH64 = 0xB7;

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

    private InspectionReport inspect(Path zip, String runtime, Architecture arch) {
        InspectOptions options = InspectOptions.defaults().withArchitecture(arch);
        if (runtime != null) {
            options = options.withRuntime(Runtime.parse(runtime));
        }
        return new Inspector(dir.resolve("cache")).inspect(new LayerSource.LocalZip(zip), options, ProgressListener.NONE);
    }

    @Test
    void anX64NodeFileIsFlaggedInAnArm64Check() {
        Path zip = zip(z -> z.file("nodejs/node_modules/bcrypt/package.json", "{\"name\":\"bcrypt\",\"version\":\"5.1.1\"}")
                .file("nodejs/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node", ZipMaker.elf(EM_X86_64)));
        InspectionReport r = inspect(zip, "nodejs20.x", Architecture.ARM64);
        List<Finding> found = r.findings(FindingCode.FOREIGN_ARCH_BINARY);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.path()).isEqualTo("nodejs/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node");
            assertThat(f.message()).contains("x86_64", "aarch64", "bcrypt");
        });
        assertThat(inspect(zip, "nodejs20.x", Architecture.X86_64).findings()).isEmpty();
    }

    @Test
    void aNodeFileForMacOsIsAnotherOperatingSystem() {
        Path zip = zip(z -> z.file("nodejs/node_modules/x/build/x.node", ZipMaker.machO()));
        Finding f = inspect(zip, "nodejs22.x", Architecture.X86_64).findings(FindingCode.FOREIGN_OS_BINARY).get(0);
        assertThat(f.message()).contains("macOS", "npm --os=linux");
    }

    @Test
    void nodeFilesCountAsNativeCodeForTheVerdict() {
        Path zip = zip(z -> z.file("nodejs/node_modules/a/a.node", ZipMaker.elf(EM_X86_64))
                .file("nodejs/node_modules/b/b.node", ZipMaker.elf(EM_X86_64)));
        ContentFacts facts = new Inspector(dir.resolve("cache")).contentFacts(LayerSource.of(zip));
        assertThat(facts.machines()).singleElement().satisfies(g -> {
            assertThat(g.value()).isEqualTo("x86_64");
            assertThat(g.files()).isEqualTo(2);
        });
        assertThat(facts.hasMachine(Architecture.ARM64)).isFalse();
    }

    @Test
    void foldersLambdaNeverReadsAreErrors() {
        Path zip = zip(z -> z.file("nodejs/nodejs/node_modules/lodash/package.json", "{\"version\":\"4.17.21\"}")
                .file("nodejs/nodejs/node_modules/lodash/lodash.js", "module.exports = {};\n")
                .file("node_modules/uuid/index.js", "module.exports = 1;\n")
                .file("nodejs/node_modules/ok/index.js", "module.exports = 2;\n"));
        InspectionReport r = inspect(zip, "nodejs20.x", Architecture.X86_64);
        List<Finding> found = r.findings(FindingCode.NODE_LAYOUT_NOT_READ);
        assertThat(found).extracting(Finding::path).containsExactlyInAnyOrder("nodejs/nodejs/node_modules", "node_modules");
        assertThat(found).allMatch(f -> f.severity() == Severity.ERROR);
        assertThat(found).filteredOn(f -> f.path().equals("nodejs/nodejs/node_modules")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("NODE_PATH", "nodejs/node_modules"));
        assertThat(r.findings(FindingCode.NOT_UNDER_PYTHON)).isEmpty();
    }

    @Test
    void aVersionedFolderForAnotherNodeIsAnErrorAndNamesTheRuntimeWhenNoneIsGiven() {
        Path zip = zip(z -> z.file("nodejs/node18/node_modules/ms/index.js", "module.exports = 1;\n"));
        Finding f = inspect(zip, "nodejs20.x", Architecture.X86_64).findings(FindingCode.NODE_VERSION_MISMATCH).get(0);
        assertThat(f.path()).isEqualTo("nodejs/node18/node_modules");
        assertThat(f.message()).contains("nodejs20.x");

        InspectionReport guessed = inspect(zip(z -> z.file("nodejs/node22/node_modules/ms/index.js", "x")), null,
                Architecture.X86_64);
        assertThat(guessed.runtime()).isEqualTo(Runtime.parse("nodejs22.x"));
        assertThat(guessed.findings(FindingCode.NODE_VERSION_MISMATCH)).isEmpty();
    }

    @Test
    void packagesAndTheirSizesComeFromPackageJson() {
        Path zip = zip(z -> z.file("nodejs/node_modules/sharp/package.json", "{\"name\":\"sharp\",\"version\":\"0.34.4\"}")
                .file("nodejs/node_modules/sharp/lib/index.js", "x".repeat(1000))
                .file("nodejs/node_modules/@img/sharp-linux-arm64/package.json", "{\"version\":\"0.34.4\"}")
                .file("nodejs/node_modules/@img/sharp-linux-arm64/lib/sharp.node", ZipMaker.elf(EM_AARCH64))
                .file("nodejs/node_modules/sharp/node_modules/semver/package.json", "{\"version\":\"7.7.2\"}")
                .file("nodejs/node_modules/sharp/node_modules/semver/index.js", "y".repeat(300)));
        InspectionReport r = inspect(zip, "nodejs22.x", Architecture.ARM64);
        assertThat(r.packages()).extracting(PackageUsage::name, PackageUsage::version).contains(
                org.assertj.core.groups.Tuple.tuple("sharp", "0.34.4"),
                org.assertj.core.groups.Tuple.tuple("@img/sharp-linux-arm64", "0.34.4"),
                org.assertj.core.groups.Tuple.tuple("semver", "7.7.2"));
        PackageUsage sharp = r.packages().stream().filter(p -> p.name().equals("sharp")).findFirst().orElseThrow();
        assertThat(sharp.bytes()).isEqualTo(1000 + "{\"name\":\"sharp\",\"version\":\"0.34.4\"}".length());
        assertThat(sharp.files()).isEqualTo(2);
        assertThat(r.layout()).isEqualTo(dev.layerstudio.model.LayerLayout.NODE_MODULES);
        assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void slimmingNamesDocsTestsSourceMapsAndTypeScriptWithTheBytesSaved() {
        Path zip = zip(z -> z.file("nodejs/node_modules/lib/index.js", "module.exports = 1;\n")
                .file("nodejs/node_modules/lib/README.md", "r".repeat(400))
                .file("nodejs/node_modules/lib/docs/api.html", "d".repeat(100))
                .file("nodejs/node_modules/lib/__tests__/a.test.js", "t".repeat(250))
                .file("nodejs/node_modules/lib/index.js.map", "m".repeat(700))
                .file("nodejs/node_modules/lib/index.d.ts", "s".repeat(50))
                .file("nodejs/node_modules/lib/src/index.ts", "s".repeat(150)));
        List<Finding> found = inspect(zip, "nodejs20.x", Architecture.X86_64).findings(FindingCode.NODE_SLIMMING);
        assertThat(found).extracting(Finding::bytes).containsExactlyInAnyOrder(500L, 250L, 700L, 200L);
        assertThat(found).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(found).filteredOn(f -> f.bytes() == 700L).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("source maps", "700 B"));
        assertThat(found).filteredOn(f -> f.bytes() == 250L).singleElement()
                .satisfies(f -> assertThat(f.paths()).containsExactly("nodejs/node_modules/lib/__tests__"));
    }

    @Test
    void aNonExecutableExtensionIsAnErrorAndABinAWarning() {
        Path zip = zip(z -> z.file("extensions/my-extension", "#!/bin/bash\necho hi\n".getBytes(), 0100644, DEFLATED)
                .file("extensions/good-extension", "#!/bin/bash\necho ok\n".getBytes(), 0100755, DEFLATED)
                .file("bin/tool", "#!/bin/sh\necho\n".getBytes(), 0100644, DEFLATED)
                .file("bin/fine", "#!/bin/sh\necho\n".getBytes(), 0100755, DEFLATED));
        List<Finding> found = inspect(zip, "python3.12", Architecture.X86_64).findings(FindingCode.NOT_EXECUTABLE);
        assertThat(found).extracting(Finding::path, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("extensions/my-extension", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("bin/tool", Severity.WARNING));
        assertThat(found).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("rw-r--r--", "chmod 755 extensions/my-extension"));
    }

    @Test
    void crlfScriptsAndForeignShebangsInExtensionsAreFound() {
        Path zip = zip(z -> z.file("extensions/win-made", "#!/bin/bash\r\necho hi\r\n".getBytes(), 0100755, DEFLATED)
                .file("extensions/mac-made", "#!/usr/local/bin/bash\necho hi\n".getBytes(), 0100755, DEFLATED)
                .file("bin/run", "#!/usr/bin/env node\nconsole.log(1)\n".getBytes(), 0100755, DEFLATED));
        InspectionReport r = inspect(zip, "nodejs20.x", Architecture.X86_64);
        assertThat(r.findings(FindingCode.CRLF_SCRIPT)).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("extensions/win-made");
            assertThat(f.message()).contains("CR LF", "dos2unix");
        });
        assertThat(r.findings(FindingCode.SHEBANG_NOT_ON_LAMBDA)).extracting(Finding::path)
                .containsExactly("extensions/mac-made");
    }

    @Test
    void aRealSharpLayerForX64FailsAnArm64Check() throws Exception {
        BuildResult built = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(dir.resolve("work")),
                dir.resolve("build-cache")).build(BuildSpec.of(InstallSpec.of(Runtime.parse("nodejs22.x"),
                Architecture.X86_64, Requirements.of("sharp@0.34.4")), dir.resolve("sharp-x64.zip")), ProgressListener.NONE);
        InspectionReport wrong = inspect(built.zip().output(), "nodejs22.x", Architecture.ARM64);
        assertThat(wrong.findings(FindingCode.FOREIGN_ARCH_BINARY)).isNotEmpty()
                .anyMatch(f -> f.paths().stream().anyMatch(p -> p.endsWith("sharp-linux-x64.node")));
        InspectionReport right = inspect(built.zip().output(), "nodejs22.x", Architecture.X86_64);
        assertThat(right.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(right.packages()).extracting(PackageUsage::name).contains("sharp", "@img/sharp-linux-x64");
        assertThat(right.packages()).filteredOn(p -> p.name().equals("sharp")).singleElement()
                .satisfies(p -> assertThat(p.version()).isEqualTo("0.34.4"));
    }
}
