package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node.js layers built with the real npm from the real npm registry. */
class NpmBuildTest {

    private static final int EM_AARCH64 = 183;

    @TempDir
    Path tmp;

    private DefaultLayerBuilder builder() {
        return new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")), tmp.resolve("cache"));
    }

    private static InstallSpec node(String runtime, Architecture arch, Requirements requirements) {
        return InstallSpec.of(Runtime.parse(runtime), arch, requirements);
    }

    @Test
    void aPurePackageGoesToNodejsNodeModules() throws Exception {
        BuildResult r = builder().build(BuildSpec.of(node("nodejs20.x", Architecture.X86_64,
                Requirements.of("is-number@7.0.0")), tmp.resolve("pure.zip")), ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("is-number", "7.0.0", true));
        assertThat(r.installer()).startsWith("npm ");
        assertThat(r.layout()).isEqualTo(Layout.NODE_MODULES);
        Set<String> names = LayerBuilderTest.names(r.zip().output());
        assertThat(names).contains("nodejs/node_modules/is-number/package.json", "nodejs/node_modules/is-number/index.js")
                .noneMatch(n -> n.startsWith("python/") || n.contains(".bin") || n.endsWith(".package-lock.json"));
    }

    @Test
    void sharpForArm64BringsItsAarch64Prebuild() throws Exception {
        BuildResult r = builder().build(BuildSpec.of(node("nodejs22.x", Architecture.ARM64,
                Requirements.of("sharp@0.34.4")), tmp.resolve("sharp.zip")), ProgressListener.NONE);
        assertThat(r.packages()).extracting(InstalledPackage::name)
                .contains("sharp", "@img/sharp-linux-arm64", "@img/sharp-libvips-linux-arm64")
                .doesNotContain("@img/sharp-linux-x64", "@img/sharp-darwin-arm64", "@img/sharp-linuxmusl-arm64");
        try (ZipFile zip = ZipFile.builder().setPath(r.zip().output()).get()) {
            List<ZipArchiveEntry> natives = Collections.list(zip.getEntries()).stream()
                    .filter(e -> e.getName().endsWith(".node")).toList();
            assertThat(natives).isNotEmpty().allSatisfy(e -> {
                assertThat(e.getName()).startsWith("nodejs/node_modules/@img/sharp-linux-arm64/");
                byte[] head = zip.getInputStream(e).readNBytes(20);
                assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("ELF");
                assertThat((head[18] & 0xff) | (head[19] & 0xff) << 8).as("e_machine").isEqualTo(EM_AARCH64);
            });
        }
    }

    @Test
    void aLockedPackageJsonInstallsWhatTheLockPinsWithoutDevDependencies() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(app.resolve("package.json"), """
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"is-number": "^7.0.0"},
                 "devDependencies": {"is-odd": "3.0.1"}}
                """);
        Process lock = new ProcessBuilder("npm", "install", "--package-lock-only", "--no-audit", "--no-fund")
                .directory(app.toFile()).redirectErrorStream(true).start();
        lock.getInputStream().readAllBytes();
        assertThat(lock.waitFor()).isZero();
        assertThat(app.resolve("package-lock.json")).exists();

        BuildResult r = builder().build(BuildSpec.of(node("nodejs22.x", Architecture.X86_64,
                Requirements.ofFile(app.resolve("package.json"))).withLayout(Layout.NODE_VERSIONED), tmp.resolve("app.zip")), ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("is-number", "7.0.0", true));
        assertThat(r.notes()).anyMatch(n -> n.contains("package-lock.json") && n.contains("npm ci"));
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("nodejs/node22/node_modules/is-number/index.js")
                .noneMatch(n -> n.contains("is-odd"));
    }

    @Test
    void aPnpmLockPinsTheDirectDependencies() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("pnpm-app"));
        Files.writeString(app.resolve("package.json"), """
                {"name": "app", "version": "1.0.0", "dependencies": {"ms": "^2.0.0"}}
                """);
        Files.writeString(app.resolve("pnpm-lock.yaml"), """
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      ms:
                        specifier: ^2.0.0
                        version: 2.0.0
                packages:
                  ms@2.0.0:
                    resolution: {integrity: sha512-x}
                """);
        BuildResult r = builder().build(BuildSpec.of(node("nodejs20.x", Architecture.X86_64,
                Requirements.ofFile(app)), tmp.resolve("pnpm.zip")), ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("ms", "2.0.0", true));
        assertThat(r.notes()).anyMatch(n -> n.contains("pnpm-lock.yaml"));
    }

    @Test
    void theProjectsNpmrcIsWhatNpmReads() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("private-app"));
        Files.writeString(app.resolve("package.json"), """
                {"name": "app", "version": "1.0.0", "dependencies": {"is-number": "7.0.0"}}
                """);
        // a registry nobody answers on: the install fails there, so npm read this file
        Files.writeString(app.resolve(".npmrc"), "registry=http://127.0.0.1:9/\nfetch-retries=0\nfetch-timeout=3000\n");
        assertThatThrownBy(() -> builder().build(BuildSpec.of(node("nodejs20.x", Architecture.X86_64,
                Requirements.ofFile(app)), tmp.resolve("private.zip")), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageStartingWith("npm could not install the packages:");
        assertThat(tmp.resolve("private.zip")).doesNotExist();
    }

    @Test
    void aSecondBuildOfTheSameInputsReusesTheInstallation() throws Exception {
        DefaultLayerBuilder b = builder();
        BuildSpec spec = BuildSpec.of(node("nodejs20.x", Architecture.ARM64, Requirements.of("is-number@7.0.0")),
                tmp.resolve("first.zip"));
        List<String> first = new java.util.ArrayList<>();
        b.build(spec, logTo(first));
        assertThat(first).anyMatch(l -> l.startsWith("$ ") && l.contains("npm"));
        List<String> second = new java.util.ArrayList<>();
        BuildResult again = b.build(spec.withOutput(tmp.resolve("second.zip")), logTo(second));
        assertThat(second).anyMatch(l -> l.contains("reusing the last one")).noneMatch(l -> l.startsWith("$ "));
        assertThat(again.packages()).containsExactly(new InstalledPackage("is-number", "7.0.0", true));
        assertThat(Files.readAllBytes(tmp.resolve("second.zip"))).isEqualTo(Files.readAllBytes(tmp.resolve("first.zip")));
        // another processor is another installation
        List<String> other = new java.util.ArrayList<>();
        b.build(BuildSpec.of(node("nodejs20.x", Architecture.X86_64, Requirements.of("is-number@7.0.0")),
                tmp.resolve("x64.zip")), logTo(other));
        assertThat(other).anyMatch(l -> l.startsWith("$ ")).noneMatch(l -> l.contains("reusing"));
        assertThat(NpmReuseKey.isLocal("./my-lib")).isTrue();
        assertThat(NpmReuseKey.isLocal("file:../x")).isTrue();
        assertThat(NpmReuseKey.isLocal("@img/sharp-linux-arm64@0.34.4")).isFalse();
    }

    private static ProgressListener logTo(List<String> lines) {
        return new ProgressListener() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(String message) {
            }

            @Override
            public void log(String line) {
                lines.add(line);
            }
        };
    }

    @Test
    void npmOlderThanTenThreeCannotChooseTheCLibrary() {
        assertThat(NpmInstaller.supportsLibc("9.2.0")).isFalse();
        assertThat(NpmInstaller.supportsLibc("10.2.4")).isFalse();
        assertThat(NpmInstaller.supportsLibc("10.3.0")).isTrue();
        assertThat(NpmInstaller.supportsLibc("11.19.1")).isTrue();
    }

    @Test
    void twoBuildsOfTheSameInputsGiveTheSameBytes() throws Exception {
        BuildSpec spec = BuildSpec.of(node("nodejs24.x", Architecture.X86_64, Requirements.of("is-number@7.0.0")),
                tmp.resolve("a.zip"));
        BuildResult a = builder().build(spec, ProgressListener.NONE);
        byte[] first = Files.readAllBytes(a.zip().output());
        BuildResult b = builder().build(spec.withOutput(tmp.resolve("b.zip")), ProgressListener.NONE);
        assertThat(Files.readAllBytes(b.zip().output())).isEqualTo(first);
    }

    @Test
    void ownCodeGoesBesideThePackages() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("my-helpers"));
        Files.writeString(mine.resolve("index.js"), "module.exports = 1;\n");
        BuildResult r = builder().build(BuildSpec.of(node("nodejs20.x", Architecture.X86_64, Requirements.none()),
                tmp.resolve("own.zip")).withAdditions(List.of(dev.layerstudio.model.AddedPath.of(mine))),
                ProgressListener.NONE);
        assertThat(LayerBuilderTest.names(r.zip().output())).contains("nodejs/node_modules/my-helpers/index.js");
    }

    @Test
    void withoutNpmOnPathTheUserIsToldPlainly() {
        DefaultLayerBuilder noNpm = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work"))
                .withSearchPath(List.of(tmp.resolve("empty"))), tmp.resolve("cache"));
        assertThatThrownBy(() -> noNpm.build(BuildSpec.of(node("nodejs20.x", Architecture.X86_64,
                Requirements.of("is-number@7.0.0")), tmp.resolve("x.zip")), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("npm was not found on PATH");
        assertThat(tmp.resolve("x.zip")).doesNotExist();
    }

    @Test
    void anUnknownPackageIsNpmsOwnSentence() {
        assertThatThrownBy(() -> builder().build(BuildSpec.of(node("nodejs20.x", Architecture.X86_64,
                Requirements.of("this-package-does-not-exist-layer-studio-25@1.0.0")), tmp.resolve("y.zip")),
                ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageStartingWith("npm could not install the packages:")
                .hasMessageContaining("404");
    }

    @Test
    void aPythonLayoutIsRefusedForNodeAndTheOtherWayRound() {
        assertThatThrownBy(() -> node("nodejs20.x", Architecture.X86_64, Requirements.none())
                .withLayout(Layout.SITE_PACKAGES)).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("not one nodejs20.x reads");
        assertThatThrownBy(() -> InstallSpec.of(Runtime.parse("python3.12"), Architecture.X86_64, Requirements.none())
                .withLayout(Layout.NODE_MODULES)).isInstanceOf(LayerStudioException.class);
    }
}
