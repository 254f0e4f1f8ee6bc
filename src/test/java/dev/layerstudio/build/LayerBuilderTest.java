package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.testing.PythonTools;
import dev.layerstudio.testing.Wheels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine end to end with the real pip, installing wheels this test makes itself
 * ({@code --no-index --find-links}): no network.
 */
class LayerBuilderTest {

    @TempDir
    Path tmp;

    Wheels wheels;
    Path work;
    Path mylib;
    DefaultLayerBuilder builder;

    @BeforeEach
    void setUp() throws IOException {
        wheels = new Wheels(tmp.resolve("wheels"));
        wheels.pure("purepkg", "1.0", Map.of("purepkg/__init__.py", "X = 1\n",
                "purepkg/tests/test_x.py", "def test(): pass\n",
                "purepkg/docs/index.rst", "Docs\n".repeat(100)), "helperpkg>=2");
        wheels.pure("helperpkg", "2.1", Map.of("helperpkg/__init__.py", "Y = 2\n"));
        wheels.wheel("nativepkg", "1.0", "cp312-cp312-manylinux2014_x86_64",
                Map.of("nativepkg/__init__.py", "", "nativepkg/_ext.cpython-312-x86_64-linux-gnu.so", Wheels.elf(0x3e)));
        wheels.sdist("srconly", "1.0");
        wheels.sdist("nativesrc", "1.0", "cp311-cp311-linux_x86_64");
        wheels.pure("scripty", "1.0", Map.of("scripty.py", "def main():\n    pass\n",
                "scripty-1.0.dist-info/entry_points.txt", "[console_scripts]\nscripty = scripty:main\n"));
        work = tmp.resolve("work");
        mylib = tmp.resolve("user").resolve("mylib");
        Files.createDirectories(mylib.resolve("sub"));
        Files.writeString(mylib.resolve("__init__.py"), "from .sub import f\n");
        Files.writeString(mylib.resolve("sub").resolve("__init__.py"), "def f():\n    return 1\n");
        Files.writeString(mylib.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        builder = builder(1);
    }

    private DefaultLayerBuilder builder(int threads) {
        return new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(work).withThreads(threads));
    }

    private InstallSpec spec(Architecture arch, String... requirements) {
        return InstallSpec.of(Runtime.parse("python3.12"), arch, Requirements.parse(wheels.indexLines() + String.join("\n", requirements)))
                .withInstaller(InstallerChoice.PIP);
    }

    @Test
    void buildsRequirementsAndAUserFolderUnderPython() throws Exception {
        Path out = tmp.resolve("out").resolve("layer.zip");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        BuildResult r = builder.build(BuildSpec.of(spec(Architecture.ARM64, "purepkg"), out)
                .withAdditions(List.of(AddedPath.of(mylib))), new ProgressListener() {
                    @Override
                    public void log(String line) {
                        log.add(line);
                    }

                    @Override
                    public void message(String message) {
                        messages.add(message);
                    }
                });

        assertThat(r.packages()).containsExactly(new InstalledPackage("helperpkg", "2.1", false),
                new InstalledPackage("purepkg", "1.0", true));
        assertThat(r.installer()).startsWith("pip ");
        Map<String, ZipArchiveEntry> entries = entries(out);
        assertThat(entries.keySet()).contains("python/", "python/purepkg/", "python/purepkg/__init__.py",
                "python/helperpkg/__init__.py", "python/purepkg-1.0.dist-info/METADATA",
                "python/mylib/", "python/mylib/__init__.py", "python/mylib/sub/__init__.py", "python/mylib/run.sh");
        assertThat(entries.keySet()).noneMatch(n -> n.contains("__pycache__") || n.endsWith(".pyc"));
        assertThat(new ArrayList<>(entriesInOrder(out))).isSorted();
        assertThat(r.zip().entries()).isEqualTo(entries.size());
        assertThat(r.zip().unzippedBytes()).isEqualTo(entries.values().stream().mapToLong(ZipArchiveEntry::getSize).sum());
        assertThat(r.zip().zippedBytes()).isEqualTo(Files.size(out));
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out));
        assertThat(r.zip().sha256Hex()).isEqualTo(HexFormat.of().formatHex(sha));
        assertThat(r.zip().codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(sha));
        assertThat(String.join("\n", log)).contains("--platform manylinux_2_34_aarch64", "--python-version 3.12",
                "--only-binary=:all:", "Successfully installed");
        assertThat(r.notes()).anyMatch(n -> n.contains("--no-index"));
        assertThat(messages).anyMatch(m -> m.startsWith("Reading")).anyMatch(m -> m.startsWith("Installing"))
                .anyMatch(m -> m.startsWith("Zipping"));
        assertThat(work).isEmptyDirectory();
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void modesAreFixedTimesAreFixedAndThereAreNoExtraFields() throws Exception {
        Files.write(mylib.resolve("native.so"), Wheels.elf(0xb7));
        Path out = tmp.resolve("layer.zip");
        builder.build(BuildSpec.of(spec(Architecture.X86_64, "nativepkg"), out)
                .withAdditions(List.of(AddedPath.of(mylib))), ProgressListener.NONE);
        Map<String, ZipArchiveEntry> e = entries(out);
        assertThat(mode(e, "python/")).isEqualTo(040755);
        assertThat(mode(e, "python/mylib/sub/")).isEqualTo(040755);
        assertThat(mode(e, "python/mylib/__init__.py")).isEqualTo(0100644);
        assertThat(mode(e, "python/mylib/run.sh")).isEqualTo(0100755);
        assertThat(mode(e, "python/mylib/native.so")).isEqualTo(0100755);
        assertThat(mode(e, "python/nativepkg/_ext.cpython-312-x86_64-linux-gnu.so")).isEqualTo(0100755);
        assertThat(mode(e, "python/nativepkg/__init__.py")).isEqualTo(0100644);
        for (ZipArchiveEntry entry : e.values()) {
            assertThat(entry.getExtraFields(true)).as(entry.getName()).isEmpty();
            assertThat(entry.getPlatform()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
            assertThat(entry.getLastModifiedDate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime())
                    .isEqualTo(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
        }
    }

    @Test
    void sameInputsGiveTheSameBytesWhateverTheThreadsAndOrder() throws Exception {
        Path other = tmp.resolve("user").resolve("other");
        Files.createDirectories(other);
        for (int i = 0; i < 40; i++) {
            Files.writeString(other.resolve("m" + i + ".py"), ("value = " + i + "\n").repeat(50 + i));
        }
        Path a = tmp.resolve("a.zip");
        Path b = tmp.resolve("b.zip");
        BuildResult ra = builder(1).build(BuildSpec.of(spec(Architecture.X86_64, "purepkg", "nativepkg"), a)
                .withAdditions(List.of(AddedPath.of(mylib), AddedPath.of(other))), ProgressListener.NONE);
        Thread.sleep(1100); // a second later: nothing of the clock may show in the zip
        Files.setLastModifiedTime(mylib.resolve("__init__.py"), java.nio.file.attribute.FileTime.fromMillis(0));
        BuildResult rb = builder(4).build(BuildSpec.of(spec(Architecture.X86_64, "nativepkg", "purepkg"), b)
                .withAdditions(List.of(AddedPath.of(other), AddedPath.of(mylib))), ProgressListener.NONE);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(rb.zip().sha256Hex()).isEqualTo(ra.zip().sha256Hex());
    }

    @Test
    void theSitePackagesLayoutPutsPackagesUnderTheRuntimesFolder() throws Exception {
        Path out = tmp.resolve("sp.zip");
        builder.build(BuildSpec.of(spec(Architecture.X86_64, "helperpkg").withLayout(Layout.SITE_PACKAGES), out)
                .withAdditions(List.of(AddedPath.of(mylib))), ProgressListener.NONE);
        assertThat(entries(out).keySet()).contains("python/lib/python3.12/site-packages/helperpkg/__init__.py",
                "python/mylib/__init__.py");
    }

    @Test
    void aUserFileOnAnInstalledPathIsAnErrorUnlessAWinnerIsChosen() throws Exception {
        Path mine = tmp.resolve("user").resolve("helperpkg");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("__init__.py"), "Y = 'mine'\n");
        BuildSpec spec = BuildSpec.of(spec(Architecture.X86_64, "helperpkg"), tmp.resolve("c.zip"))
                .withAdditions(List.of(AddedPath.of(mine)));
        assertThatThrownBy(() -> builder.build(spec, ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("python/helperpkg/__init__.py")
                .hasMessageContaining("your file")
                .hasMessageContaining("installed package helperpkg");
        assertThat(tmp.resolve("c.zip")).doesNotExist();
        assertThat(work).isEmptyDirectory();

        builder.build(spec.withConflictPolicy(ConflictPolicy.PREFER_MINE), ProgressListener.NONE);
        try (ZipFile zip = ZipFile.builder().setPath(tmp.resolve("c.zip")).get()) {
            String text = new String(zip.getInputStream(zip.getEntry("python/helperpkg/__init__.py")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(text).isEqualTo("Y = 'mine'\n");
        }
    }

    @Test
    void theWizardFlowInstallsThenEditsThenZips() throws Exception {
        try (Installation inst = builder.install(spec(Architecture.X86_64, "purepkg"), ProgressListener.NONE)) {
            assertThat(inst.packages()).extracting(InstalledPackage::name).containsExactly("helperpkg", "purepkg");
            LayerContent content = builder.add(inst.content(), new AddedPath(mylib, "python/app/"));
            content = content.rename("python/app/mylib", "lib").remove("python/helperpkg");
            content = builder.add(content, new AddedPath(mylib.resolve("run.sh"), "bin/run"));
            assertThat(content.node("bin/run").orElseThrow().source().file()).isEqualTo(mylib.resolve("run.sh"));
            var preview = builder.previewSlimming(content, EnumSet.of(SlimRule.TESTS, SlimRule.DOCS));
            assertThat(preview.totalFiles()).isEqualTo(2);
            assertThat(preview.totalBytes()).isEqualTo("def test(): pass\n".length() + "Docs\n".length() * 100L);
            content = builder.applySlimming(content, preview);
            ZipResult zip = builder.zip(content, tmp.resolve("w.zip"), ProgressListener.NONE);
            assertThat(entries(zip.output()).keySet()).contains("python/app/lib/sub/__init__.py", "bin/", "bin/run")
                    .doesNotContain("python/helperpkg/__init__.py", "python/purepkg/tests/test_x.py");
            assertThat(inst.workDir()).exists();
        }
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void nothingIsWrittenIntoTheUsersFolders() throws Exception {
        List<Path> before = listing(tmp.resolve("user"));
        builder.build(BuildSpec.of(spec(Architecture.X86_64, "purepkg"), tmp.resolve("z.zip"))
                .withAdditions(List.of(AddedPath.of(mylib))).withSlimming(SlimRule.standard()), ProgressListener.NONE);
        assertThat(listing(tmp.resolve("user"))).isEqualTo(before);
    }

    @Test
    void aZipInsideAnAddedFolderIsNotZippedIntoItself() throws Exception {
        Path out = mylib.resolve("layer.zip");
        builder.build(BuildSpec.of(spec(Architecture.X86_64), out).withAdditions(List.of(AddedPath.of(mylib))),
                ProgressListener.NONE);
        builder.build(BuildSpec.of(spec(Architecture.X86_64), out).withAdditions(List.of(AddedPath.of(mylib))),
                ProgressListener.NONE);
        assertThat(entries(out).keySet()).doesNotContain("python/mylib/layer.zip");
    }

    // ---- failures ----

    @Test
    void aPackageWithNoWheelForTheTargetIsNamed() {
        assertThatThrownBy(() -> builder.install(spec(Architecture.ARM64, "nativepkg"), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("nativepkg has no wheel for Linux arm64 / CPython 3.12.")
                .hasMessageContaining("manylinux2014_x86_64")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("build for x86_64"));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aPureSourceOnlyPackageIsBuiltHereAndSaidSo() throws Exception {
        BuildResult r = builder.build(BuildSpec.of(spec(Architecture.ARM64, "srconly==1.0"), tmp.resolve("src.zip")),
                ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("srconly", "1.0", true));
        assertThat(names(r.zip().output())).contains("python/srconly.py", "python/srconly-1.0.dist-info/METADATA")
                .noneMatch(n -> n.endsWith("direct_url.json") || n.endsWith("REQUESTED"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).isEqualTo("srconly was built from its source archive "
                + "on this machine (pure Python: srconly-1.0-py3-none-any.whl)."));
    }

    @Test
    void aLockedSourceOnlyPackageIsBuiltFromTheArchiveItsHashNames() throws Exception {
        String sdistHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(wheels.dir().resolve("srconly-1.0.tar.gz"))));
        Path lock = tmp.resolve("Pipfile.lock");
        Files.writeString(lock, "{\"default\": {\"srconly\": {\"version\": \"==1.0\", \"hashes\": [\"sha256:"
                + sdistHash + "\"]}}}");
        InstallSpec locked = spec(Architecture.ARM64).withRequirements(
                new Requirements(Requirements.parse(wheels.indexLines()).lines(), List.of(lock)));
        BuildResult r = builder.build(BuildSpec.of(locked, tmp.resolve("locked.zip")), ProgressListener.NONE);
        assertThat(r.packages()).containsExactly(new InstalledPackage("srconly", "1.0", true));
        assertThat(r.notes()).contains("Pipfile.lock: 1 package pinned with hashes, group default")
                .anyMatch(n -> n.startsWith("srconly was built from its source archive"));

        Files.writeString(lock, "{\"default\": {\"srconly\": {\"version\": \"==1.0\", \"hashes\": [\"sha256:"
                + "0".repeat(64) + "\"]}}}");
        assertThatThrownBy(() -> builder.install(locked, ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("srconly has no wheel for Linux arm64 / CPython 3.12, and its source archive did not "
                        + "build here: the archive downloaded does not match the hash pinned for it.");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aSourceOnlyPackageWithNativeCodeGetsTheSentence() {
        assertThatThrownBy(() -> builder.install(spec(Architecture.ARM64, "nativesrc==1.0"), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("nativesrc has no wheel for Linux arm64 / CPython 3.12, and its source archive builds here "
                        + "only into a wheel for this machine (nativesrc-1.0-cp311-cp311-linux_x86_64.whl): it contains "
                        + "native code.")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains(
                        "choose a version of nativesrc that publishes manylinux aarch64 wheels",
                        "--extra-index-url", "build it on Linux arm64"));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void consoleScriptsAndInstallerFilesStayOutByDefault() throws Exception {
        BuildResult r = builder.build(BuildSpec.of(spec(Architecture.X86_64, "scripty"), tmp.resolve("s.zip")),
                ProgressListener.NONE);
        assertThat(names(r.zip().output())).contains("python/scripty.py")
                .noneMatch(n -> n.startsWith("python/bin") || n.endsWith(".lock") || n.contains("__pycache__"));
    }

    @Test
    void keptScriptsRunLambdasPython() throws Exception {
        BuildResult r = builder.build(BuildSpec.of(spec(Architecture.X86_64, "scripty").withKeepScripts(true),
                tmp.resolve("k.zip")), ProgressListener.NONE);
        try (ZipFile zip = ZipFile.builder().setPath(r.zip().output()).get()) {
            ZipArchiveEntry script = zip.getEntry("python/bin/scripty");
            assertThat(script).isNotNull();
            String text = new String(zip.getInputStream(script).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("#!/var/lang/bin/python3\n").contains("from scripty import main")
                    .doesNotContain(tmp.toString());
            assertThat(script.getUnixMode() & 0111).isNotZero();
        }
    }

    @Test
    void anUnknownPackageIsNamed() {
        assertThatThrownBy(() -> builder.install(spec(Architecture.X86_64, "nosuchpkg"), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("nosuchpkg was not found on the package index.");
    }

    @Test
    void anUnreachableIndexIsANetworkError() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        InstallSpec spec = InstallSpec.of(Runtime.parse("python3.12"), Architecture.X86_64,
                Requirements.of("--index-url http://127.0.0.1:" + port + "/simple", "--retries 0", "requests"))
                .withInstaller(InstallerChoice.PIP);
        assertThatThrownBy(() -> builder.install(spec, ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("Could not reach the package index")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("proxy"));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void noPythonAnywhereIsSaidPlainly() {
        DefaultLayerBuilder none = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(work)
                .withSearchPath(List.of(tmp.resolve("empty"))));
        assertThatThrownBy(() -> none.install(spec(Architecture.X86_64, "purepkg"), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("No Python 3 was found")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("--python"));
        assertThatThrownBy(() -> builder.install(spec(Architecture.X86_64, "purepkg")
                .withPython(tmp.resolve("nope/python3")), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("There is no Python at");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void uvChosenButMissingIsSaidPlainly() {
        DefaultLayerBuilder none = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(work)
                .withSearchPath(List.of(tmp.resolve("empty"))));
        assertThatThrownBy(() -> none.install(spec(Architecture.X86_64, "purepkg").withInstaller(InstallerChoice.UV),
                ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("uv was not found on PATH");
    }

    @Test
    void missingRequirementsFileAndEmptyLayerAreErrors() {
        assertThatThrownBy(() -> builder.install(InstallSpec.of(Runtime.parse("python3.12"), Architecture.X86_64,
                Requirements.ofFile(tmp.resolve("nope.txt"))), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> builder.build(BuildSpec.of(InstallSpec.of(Runtime.parse("python3.12"), Architecture.X86_64,
                Requirements.none()), tmp.resolve("e.zip")), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("nothing to put in the layer");
    }

    @Test
    void aPythonWithoutPipIsSaidPlainly() throws Exception {
        Path python = PythonTools.pythonWithoutPip();
        assertThatThrownBy(() -> builder.install(spec(Architecture.X86_64, "purepkg").withPython(python),
                ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("pip is not installed for Python 3.")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("ensurepip"));
    }

    @Test
    void aPipTooOldForReportsIsSaidPlainly() throws Exception {
        Path python = PythonTools.pythonWithOldPip();
        assertThatThrownBy(() -> builder.install(spec(Architecture.X86_64, "purepkg").withPython(python),
                ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("pip " + PythonTools.OLD_PIP_VERSION)
                .hasMessageContaining("is too old")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("install --upgrade pip"));
        assertThat(work).isEmptyDirectory();
    }

    // ---- cancellation ----

    @Test
    void cancellingStopsPipAndEverythingItStartedAndRemovesTheStagingFolder() throws Exception {
        try (ServerSocket index = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            index.setSoTimeout(60_000);
            InstallSpec spec = InstallSpec.of(Runtime.parse("python3.12"), Architecture.X86_64, Requirements.of(
                    "--index-url http://127.0.0.1:" + index.getLocalPort() + "/simple", "--timeout 120", "requests"))
                    .withInstaller(InstallerChoice.PIP);
            Set<Long> before = pids(ProcessHandle.current().descendants());
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    builder.install(spec, ProgressListener.NONE).close();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "install-to-cancel");
            worker.start();
            try (Socket pipAsks = index.accept()) { // pip is running and waiting for the index to answer
                List<ProcessHandle> started = ProcessHandle.current().descendants()
                        .filter(p -> !before.contains(p.pid())).toList();
                assertThat(started).isNotEmpty();
                try (Stream<Path> staging = Files.list(work)) {
                    assertThat(staging).hasSize(1);
                }
                worker.interrupt();
                worker.join(30_000);
                assertThat(worker.isAlive()).isFalse();
                assertThat(thrown.get()).isInstanceOf(CancellationException.class);
                assertThat(started).noneMatch(ProcessHandle::isAlive);
                assertThat(work).isEmptyDirectory();
            }
        }
    }

    @Test
    void cancellingKillsTheWholeProcessTree() throws Exception {
        ProcessRunner runner = new ProcessRunner(Map.of("PYTHONUNBUFFERED", "1"));
        AtomicReference<Long> grandchild = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                runner.run(List.of(PythonTools.systemPython(), "-c", "import subprocess, sys, time\n"
                        + "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'])\n"
                        + "print(p.pid, flush=True)\ntime.sleep(300)"), null, line -> {
                            grandchild.set(Long.parseLong(line.strip()));
                            started.countDown();
                        });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        ProcessHandle sleeper = ProcessHandle.of(grandchild.get()).orElseThrow();
        worker.interrupt();
        worker.join(30_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(sleeper.isAlive()).isFalse();
    }

    private static Set<Long> pids(Stream<ProcessHandle> processes) {
        return processes.map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    // ---- helpers ----

    static Map<String, ZipArchiveEntry> entries(Path zip) throws IOException {
        Map<String, ZipArchiveEntry> out = new TreeMap<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntriesInPhysicalOrder())) {
                out.put(e.getName(), e);
            }
        }
        return out;
    }

    static List<String> entriesInOrder(Path zip) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            return Collections.list(z.getEntriesInPhysicalOrder()).stream().map(ZipArchiveEntry::getName).toList();
        }
    }

    private static int mode(Map<String, ZipArchiveEntry> entries, String name) {
        assertThat(entries).containsKey(name);
        return entries.get(name).getUnixMode();
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    static Set<String> names(Path zip) throws IOException {
        return entries(zip).keySet();
    }
}
