package dev.layerstudio.build;

import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a requirement that the index has only as a source archive into a wheel on this
 * machine, with the host's pip ({@code pip wheel --no-deps}), and keeps it only when it is
 * pure Python ({@code none-any}): such a wheel runs on every Lambda target. A wheel for
 * this machine alone (native code) stops the build with one sentence and the ways out.
 * The wheels go into one folder the installer is then pointed at ({@code --find-links}).
 */
final class SourceBuilder {

    /** More source-only projects than this in one install is a loop, not a project. */
    static final int MAX_BUILDS = 20;

    private final ProcessRunner runner;
    private final Path wheels;
    private final Path inputs;
    private final Set<String> built = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param wheels where built wheels go
     * @param inputs the folder of requirements files written from lock files: a project
     *               pinned there with hashes is built from the archive those hashes name,
     *               and the built wheel's hash is added to its pin
     */
    SourceBuilder(ProcessRunner runner, Path wheels, Path inputs) {
        this.runner = runner;
        this.wheels = wheels;
        this.inputs = inputs;
    }

    /** Whether this project may be built now (not built already, and under the limit). */
    boolean mayBuild(SourceOnlyException e) {
        return !built.contains(InstallFailures.canonical(e.project())) && built.size() < MAX_BUILDS;
    }

    /** The installer's extra arguments once something was built: the folder of built wheels. */
    List<String> findLinks() {
        return built.isEmpty() ? List.of() : List.of("--find-links", wheels.toString());
    }

    /** One line per wheel built here, for the summary. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Builds the requirement's source archive into a wheel in the folder; fails with the
     * sentence when the build fails or gives a wheel for this machine only.
     */
    void build(InstallSpec spec, SourceOnlyException e, PythonLocator.Python python, List<String> indexArgs,
               ProgressListener progress) throws IOException, InterruptedException {
        String name = e.project();
        built.add(InstallFailures.canonical(name));
        Path out = Files.createDirectories(wheels.resolve(".building"));
        List<String> cmd = new ArrayList<>(python.command());
        cmd.addAll(List.of("-m", "pip", "wheel", "--no-deps", "--progress-bar", "off", "--disable-pip-version-check",
                "--no-binary", name, "--wheel-dir", out.toString()));
        cmd.addAll(indexArgs);
        List<String> hashes = InputFiles.hashesOf(inputs, name);
        if (hashes.isEmpty()) {
            cmd.add(e.requirement());
        } else { // the archive must be the one the lock pins: pip checks hashes given in a file
            Path pinned = wheels.resolve(".building-" + InstallFailures.canonical(name) + ".txt");
            StringBuilder line = new StringBuilder(e.requirement());
            hashes.forEach(h -> line.append(" --hash=").append(h));
            Files.writeString(pinned, line + "\n");
            cmd.addAll(List.of("-r", pinned.toString()));
        }
        progress.message("Building " + e.requirement() + " from its source archive");
        progress.log("$ " + RequirementArgs.mask(String.join(" ", cmd)));
        ProcessRunner.Result result = runner.run(cmd, null, progress::log);
        List<Path> made;
        try (var list = Files.list(out)) {
            made = list.filter(p -> p.getFileName().toString().endsWith(".whl")).toList();
        }
        if (!result.ok() || made.isEmpty()) {
            throw notBuilt(spec, name, firstError(result.lines()));
        }
        Path wheel = made.get(0);
        String file = wheel.getFileName().toString();
        if (!isPure(file)) {
            throw nativeOnly(spec, name, file);
        }
        Files.move(wheel, wheels.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        WorkDirs.delete(out);
        if (!hashes.isEmpty()) {
            InputFiles.allowHash(inputs, name, "sha256:" + sha256(wheels.resolve(file)));
        }
        String note = name + " was built from its source archive on this machine (pure Python: " + file + ").";
        notes.add(note);
        progress.log(note);
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether a wheel's file name says it runs anywhere: ABI {@code none}, platform {@code any}. */
    static boolean isPure(String wheelFile) {
        String stem = wheelFile.toLowerCase(Locale.ROOT);
        if (!stem.endsWith(".whl")) {
            return false;
        }
        String[] parts = stem.substring(0, stem.length() - 4).split("-");
        return parts.length >= 5 && parts[parts.length - 2].equals("none") && parts[parts.length - 1].equals("any");
    }

    private static LayerStudioException nativeOnly(InstallSpec spec, String name, String file) {
        return new LayerStudioException(name + " has no wheel for " + PlatformTags.describe(spec.runtime(),
                spec.architecture()) + ", and its source archive builds here only into a wheel for this machine ("
                + file + "): it contains native code.", waysOut(spec, name), null);
    }

    private static LayerStudioException notBuilt(InstallSpec spec, String name, String why) {
        return new LayerStudioException(name + " has no wheel for " + PlatformTags.describe(spec.runtime(),
                spec.architecture()) + ", and its source archive did not build here"
                + (why == null ? "." : ": " + why), waysOut(spec, name), null);
    }

    private static String waysOut(InstallSpec spec, String name) {
        return "Options: choose a version of " + name + " that publishes manylinux " + spec.architecture().machine()
                + " wheels; use an index that has such wheels (--extra-index-url); or build it on Linux "
                + spec.architecture().id() + " (for example in the Lambda build image) and add the result as your "
                + "own folder.";
    }

    private static String firstError(List<String> lines) {
        if (lines.stream().anyMatch(l -> l.contains("DO NOT MATCH THE HASHES"))) {
            return "the archive downloaded does not match the hash pinned for it.";
        }
        for (String line : lines) {
            String s = line.strip();
            if (s.startsWith("error:") || s.startsWith("ERROR:")) {
                String rest = s.substring(s.indexOf(':') + 1).strip();
                if (!rest.isEmpty()) {
                    return rest.length() > 200 ? rest.substring(0, 200) + "…" : rest + (rest.endsWith(".") ? "" : ".");
                }
            }
        }
        return null;
    }
}
