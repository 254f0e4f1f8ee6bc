package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild whose install inputs are unchanged reuses the last installation instead of running the installer. */
class InstallReuseTest {

    @TempDir
    Path tmp;

    private static final List<String> COMMAND = List.of("/usr/bin/python3", "-m", "pip", "install", "--target",
            "/tmp/w1/target", "--report", "/tmp/w1/report.json", "--platform", "manylinux2014_x86_64", "requests");

    private Optional<String> key(List<String> command, List<String> requirementArgs, String installer,
                                 Map<String, String> env) {
        return new InstallReuse(tmp.resolve("installs"), InstallReuse.DEFAULT_MAX_BYTES).key(command, requirementArgs,
                Path.of(command.get(5)), Path.of(command.get(7)), installer, tmp, env);
    }

    private static List<String> with(List<String> command, int index, String value) {
        List<String> c = new ArrayList<>(command);
        c.set(index, value);
        return c;
    }

    @Test
    void pinsReadFromALockFileIntoEachBuildsOwnFolderGiveOneKey() throws IOException {
        // poetry.lock, uv.lock and Pipfile.lock become a requirements file in the build's staging folder
        Optional<String> first = lockKey("wA", "requests==2.32.3\n");
        assertThat(first).isPresent();
        assertThat(lockKey("wB", "requests==2.32.3\n")).as("the same pins, another build").isEqualTo(first);
        assertThat(lockKey("wC", "requests==2.32.4\n")).as("a pin changed").isNotEqualTo(first);
    }

    private Optional<String> lockKey(String build, String pins) throws IOException {
        Path work = tmp.resolve(build);
        Path pinned = Files.createDirectories(work.resolve("inputs")).resolve("requirements-from-poetry.lock.txt");
        Files.writeString(pinned, pins, StandardCharsets.UTF_8);
        Path target = work.resolve("target");
        Path report = work.resolve("report.json");
        List<String> command = List.of("/usr/bin/python3", "-m", "pip", "install", "--target", target.toString(),
                "--report", report.toString(), "-r", pinned.toString());
        return new InstallReuse(tmp.resolve("installs"), InstallReuse.DEFAULT_MAX_BYTES).key(command,
                List.of("-r", pinned.toString()), target, report, "pip 23.2.1 (Python 3.11.7)", tmp, Map.of());
    }

    @Test
    void theKeyChangesWithEveryInputThatDecidesWhatIsInstalled() throws IOException {
        String installer = "pip 23.2.1 (Python 3.11.7)";
        String base = key(COMMAND, List.of("requests"), installer, Map.of()).orElseThrow();
        assertThat(key(with(with(COMMAND, 5, "/tmp/w2/target"), 7, "/tmp/w2/report.json"), List.of("requests"),
                installer, Map.of("HOME", "/elsewhere"))).as("another staging folder, an unrelated variable")
                .contains(base);
        assertThat(key(with(COMMAND, 10, "requests==2.32.3"), List.of("requests==2.32.3"), installer, Map.of()))
                .as("a requirement").isNotEqualTo(Optional.of(base));
        assertThat(key(with(COMMAND, 9, "manylinux2014_aarch64"), List.of("requests"), installer, Map.of()))
                .as("the target platform").isNotEqualTo(Optional.of(base));
        assertThat(key(with(COMMAND, 0, "/opt/python3.12/bin/python3"), List.of("requests"), installer, Map.of()))
                .as("the installer's Python").isNotEqualTo(Optional.of(base));
        assertThat(key(COMMAND, List.of("requests"), "pip 24.0 (Python 3.11.7)", Map.of()))
                .as("the installer's version").isNotEqualTo(Optional.of(base));
        assertThat(key(COMMAND, List.of("requests"), installer, Map.of("PIP_INDEX_URL", "https://mirror/simple")))
                .as("an index in the environment").isNotEqualTo(Optional.of(base));
        assertThat(key(COMMAND, List.of("requests"), installer, Map.of("UV_EXTRA_INDEX_URL", "https://x/simple")))
                .as("uv's index setting").isNotEqualTo(Optional.of(base));
    }

    @Test
    void theKeyFollowsTheContentOfRequirementsFilesAndTheFilesTheyName() throws IOException {
        Path req = tmp.resolve("requirements.txt");
        Path constraints = tmp.resolve("constraints.txt");
        Files.writeString(req, "requests\n-c constraints.txt\n");
        Files.writeString(constraints, "urllib3<2\n");
        List<String> args = List.of("-r", req.toString());
        List<String> command = new ArrayList<>(COMMAND.subList(0, 10));
        command.addAll(args);
        String first = key(command, args, "uv 0.13.9", Map.of()).orElseThrow();
        assertThat(key(command, args, "uv 0.13.9", Map.of())).contains(first);
        Files.writeString(constraints, "urllib3<3\n");
        String second = key(command, args, "uv 0.13.9", Map.of()).orElseThrow();
        assertThat(second).as("a constraint changed").isNotEqualTo(first);
        Files.writeString(req, "requests\nidna\n-c constraints.txt\n");
        assertThat(key(command, args, "uv 0.13.9", Map.of())).as("a requirement added").isNotEqualTo(
                Optional.of(second));
    }

    @Test
    void anInstallFromALocalPathIsNeverReused() throws IOException {
        Path pkg = tmp.resolve("mypkg");
        Files.createDirectories(pkg);
        Path wheels = tmp.resolve("wheels");
        Files.createDirectories(wheels);
        assertThat(key(COMMAND, List.of(pkg.toString()), "pip", Map.of())).as("a folder").isEmpty();
        assertThat(key(COMMAND, List.of("./mypkg"), "pip", Map.of())).as("a relative path").isEmpty();
        assertThat(key(COMMAND, List.of("-e", "git+https://x/y"), "pip", Map.of())).as("editable").isEmpty();
        assertThat(key(COMMAND, List.of("--no-index", "--find-links", wheels.toString(), "purepkg"), "pip", Map.of()))
                .as("a folder of wheels").isEmpty();
        Path req = tmp.resolve("req.txt");
        Files.writeString(req, "--find-links " + wheels + "\npurepkg\n");
        assertThat(key(COMMAND, List.of("-r", req.toString()), "pip", Map.of())).as("the same in a file").isEmpty();
        Files.writeString(req, "mypkg @ file:///src/mypkg\n");
        assertThat(key(COMMAND, List.of("-r", req.toString()), "pip", Map.of())).as("a file: URL").isEmpty();
    }

    @Test
    void aKeptInstallationIsFoundUntilItIsTooOld() throws IOException {
        InstallReuse installs = new InstallReuse(tmp.resolve("installs"), InstallReuse.DEFAULT_MAX_BYTES);
        Path target = tree(tmp.resolve("work/target"), 3, 100);
        Files.writeString(tmp.resolve("work/report.json"), "{}");
        assertThat(installs.find("k1")).isEmpty();
        installs.keep("k1", target, tmp.resolve("work/report.json"));
        InstallReuse.Kept kept = installs.find("k1").orElseThrow();
        assertThat(kept.target().resolve("pkg/f0.py")).hasContent("x".repeat(100));
        assertThat(kept.report()).hasContent("{}");
        Files.writeString(tmp.resolve("installs/k1/installed-at"),
                Long.toString(System.currentTimeMillis() - InstallReuse.MAX_AGE.toMillis() - 1000));
        assertThat(installs.find("k1")).as("older than a day: packages released since are picked up").isEmpty();
    }

    @Test
    void installationsOverTheBoundAreRemovedLeastRecentlyUsedFirst() throws IOException {
        InstallReuse installs = new InstallReuse(tmp.resolve("installs"), 25_000);
        long hourAgo = System.currentTimeMillis() - InstallReuse.IN_USE.toMillis();
        for (int i = 0; i < 4; i++) {
            installs.keep("k" + i, tree(tmp.resolve("t" + i), 10, 1000), tmp.resolve("none.json"));
            Files.setLastModifiedTime(tmp.resolve("installs/k" + i + "/installed-at"),
                    FileTime.fromMillis(hourAgo - 60_000L * (10 - i)));
        }
        Path stale = Files.createDirectories(tmp.resolve("installs/.partial-123"));
        Files.setLastModifiedTime(stale, FileTime.fromMillis(hourAgo - 1));
        installs.trim();
        assertThat(tmp.resolve("installs/k0")).as("least recently used").doesNotExist();
        assertThat(tmp.resolve("installs/k1")).doesNotExist();
        assertThat(tmp.resolve("installs/k2")).exists();
        assertThat(tmp.resolve("installs/k3")).exists();
        assertThat(stale).as("a copy no build finished").doesNotExist();

        installs.keep("k4", tree(tmp.resolve("t4"), 10, 1000), tmp.resolve("none.json"));
        installs.keep("k5", tree(tmp.resolve("t5"), 10, 1000), tmp.resolve("none.json"));
        assertThat(tmp.resolve("installs/k4")).as("just used: a build may be reading it").exists();
        assertThat(tmp.resolve("installs/k5")).exists();
    }

    @Test
    void twoBuildsKeepingTheSameInstallationAtOnceLeaveOneWholeCopy() throws Exception {
        InstallReuse installs = new InstallReuse(tmp.resolve("installs"), InstallReuse.DEFAULT_MAX_BYTES);
        Path target = tree(tmp.resolve("work/target"), 50, 2000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(pool.submit(() -> installs.keep("same", target, tmp.resolve("none.json"))));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        InstallReuse.Kept kept = installs.find("same").orElseThrow();
        try (Stream<Path> files = Files.walk(kept.target())) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(50);
        }
        try (Stream<Path> left = Files.list(tmp.resolve("installs"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("same");
        }
    }

    @Test
    void aRebuildReusesTheInstallationAndMakesTheSameZip() throws Exception {
        Path cache = tmp.resolve("cache");
        InstallSpec spec = InstallSpec.of(Runtime.parse("python3.13"), Architecture.X86_64, Requirements.of("six==1.17.0"))
                .withInstaller(InstallerChoice.PIP);
        List<String> firstLog = Collections.synchronizedList(new ArrayList<>());
        BuildResult first = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")), cache)
                .build(BuildSpec.of(spec, tmp.resolve("first.zip")), logTo(firstLog));
        assertThat(firstLog).anyMatch(l -> l.startsWith("$ "));

        List<String> secondLog = Collections.synchronizedList(new ArrayList<>());
        BuildResult second = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")), cache)
                .build(BuildSpec.of(spec, tmp.resolve("second.zip")), logTo(secondLog));
        assertThat(secondLog).as("the installer did not run").noneMatch(l -> l.startsWith("$ "))
                .anyMatch(l -> l.contains("reusing the last one"));
        assertThat(second.packages()).isEqualTo(first.packages());
        assertThat(second.installer()).isEqualTo(first.installer());
        assertThat(second.zip().sha256Hex()).isEqualTo(first.zip().sha256Hex());
        assertThat(tmp.resolve("work")).as("staging folders removed").isEmptyDirectory();

        List<String> otherLog = Collections.synchronizedList(new ArrayList<>());
        new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")), cache)
                .build(BuildSpec.of(spec.withRequirements(Requirements.of("six==1.16.0")), tmp.resolve("other.zip")),
                        logTo(otherLog));
        assertThat(otherLog).as("another requirement installs again").anyMatch(l -> l.startsWith("$ "));
    }

    @Test
    void keepingScriptsIsAnInputOfItsOwn() throws Exception {
        Path cache = tmp.resolve("cache");
        // charset-normalizer installs a console script, bin/normalizer
        InstallSpec spec = InstallSpec.of(Runtime.parse("python3.12"), Architecture.X86_64,
                Requirements.of("charset-normalizer==3.4.2")).withInstaller(InstallerChoice.PIP);
        BuildResult lean = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")), cache)
                .build(BuildSpec.of(spec, tmp.resolve("lean.zip")), ProgressListener.NONE);
        assertThat(names(lean.zip().output())).noneMatch(e -> e.startsWith("python/bin/"));

        List<String> log = Collections.synchronizedList(new ArrayList<>());
        BuildResult kept = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(tmp.resolve("work")), cache)
                .build(BuildSpec.of(spec.withKeepScripts(true), tmp.resolve("kept.zip")), logTo(log));
        assertThat(log).as("the installer ran again").anyMatch(l -> l.startsWith("$ "));
        assertThat(names(kept.zip().output())).contains("python/bin/normalizer");
    }

    private static List<String> names(Path zip) throws IOException {
        try (org.apache.commons.compress.archivers.zip.ZipFile z = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setPath(zip).get()) {
            return Collections.list(z.getEntries()).stream().map(e -> e.getName()).toList();
        }
    }

    private static ProgressListener logTo(List<String> log) {
        return new ProgressListener() {
            @Override
            public void log(String line) {
                log.add(line);
            }
        };
    }

    private static Path tree(Path root, int files, int bytes) throws IOException {
        Files.createDirectories(root.resolve("pkg"));
        for (int i = 0; i < files; i++) {
            Files.writeString(root.resolve("pkg/f" + i + ".py"), "x".repeat(bytes), StandardCharsets.UTF_8);
        }
        return root;
    }
}
