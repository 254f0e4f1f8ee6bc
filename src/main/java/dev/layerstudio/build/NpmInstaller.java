package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Installs a Node.js layer's packages with npm from the user's PATH: for Linux, the
 * function's CPU and glibc whatever this computer runs ({@code --os=linux --cpu=… --libc=glibc}),
 * production dependencies only ({@code --omit=dev}), with {@code npm ci} when a lock file
 * pins the tree. Inputs are a {@code package.json} (a file or the folder holding it; its
 * {@code package-lock.json} or {@code npm-shrinkwrap.json} beside it is used, and a
 * {@code pnpm-lock.yaml} pins the versions of the direct dependencies, and an {@code .npmrc}
 * there names the registry) and/or package specs ({@code sharp@0.34.4}). Install scripts run only when this computer is the
 * function's platform: elsewhere they would build or fetch binaries for the wrong machine.
 */
final class NpmInstaller {

    static final List<String> LOCKS = List.of("npm-shrinkwrap.json", "package-lock.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BuildEnvironment env;
    private final ProcessRunner runner;
    private final InstallReuse installs;

    NpmInstaller(BuildEnvironment env, ProcessRunner runner, InstallReuse installs) {
        this.env = env;
        this.runner = runner;
        this.installs = installs;
    }

    Installation install(InstallSpec spec, ProgressListener progress) throws IOException, InterruptedException {
        Path npm = env.find("npm").orElseThrow(() -> new LayerStudioException(
                "npm was not found on PATH, and Node.js layers are installed with npm.",
                "Install Node.js (it brings npm), then build again.", null));
        Path work = WorkDirs.create(env.workRoot());
        try {
            progress.message("Looking for npm");
            progress.progress(0, 1000);
            String version = npmVersion(npm);
            if (!supportsLibc(version)) {
                throw new LayerStudioException("npm " + version + " at " + npm + " is older than 10.3, the first npm"
                        + " that installs for another system's C library (--libc=glibc).",
                        "Update npm (for example: npm install -g npm@10), then build again.", null);
            }
            Path project = work.resolve("project");
            Files.createDirectories(project);
            Project p = prepare(spec.requirements(), project, progress);
            boolean native_ = hostIsTarget(spec);
            List<String> command = new ArrayList<>(List.of(npm.toString(), p.locked() ? "ci" : "install",
                    "--omit=dev", "--os=linux", "--cpu=" + cpu(spec), "--libc=glibc", "--no-audit", "--no-fund",
                    "--no-update-notifier", "--loglevel=http"));
            if (!native_) {
                command.add("--ignore-scripts");
            }
            command.addAll(p.packages());
            List<String> notes = new ArrayList<>(p.notes());
            Optional<String> reuseKey = NpmReuseKey.of(command.subList(1, command.size()), version, project,
                    env.environment());
            Optional<InstallReuse.Kept> kept = reuseKey.flatMap(installs::find);
            if (kept.isPresent()) {
                progress.log("Nothing the installation depends on changed: reusing the last one (npm " + version + ")");
                return finish(spec, work, version, kept.get().target(), p, native_, notes, progress);
            }
            progress.log("$ " + String.join(" ", command));
            progress.message("Installing for Linux " + spec.architecture().id() + " / " + spec.runtime().id()
                    + " with npm " + version);
            progress.progress(100, 1000);
            int[] fetched = {0};
            ProcessRunner.Result result = runner.run(command, project, line -> {
                progress.log(line);
                if (line.contains("GET 200")) {
                    fetched[0]++;
                    progress.message("Downloaded " + fetched[0] + " package" + (fetched[0] == 1 ? "" : "s"));
                    progress.progress(Math.min(900, 100 + 10L * fetched[0]), 1000);
                }
            });
            if (!result.ok()) {
                throw failure(result);
            }
            Path modules = project.resolve("node_modules");
            Files.createDirectories(modules);
            List<String> removed = clean(modules);
            if (!removed.isEmpty()) {
                progress.log("Left out of the layer (npm's own files): " + String.join(", ", removed));
            }
            Installation done = finish(spec, work, version, modules, p, native_, notes, progress);
            reuseKey.ifPresent(key -> installs.keep(key, modules, work.resolve("no-report")));
            return done;
        } catch (RuntimeException | IOException | InterruptedException e) {
            WorkDirs.delete(work);
            throw e;
        }
    }

    /** The installation of the node_modules tree at {@code modules} (fresh, or a kept one). */
    private static Installation finish(InstallSpec spec, Path work, String version, Path modules, Project p,
                                       boolean native_, List<String> notes, ProgressListener progress)
            throws IOException {
        List<InstalledPackage> packages = packages(modules, p.requested());
        if (!native_) {
            List<String> scripted = withInstallScripts(modules);
            if (!scripted.isEmpty()) {
                notes.add("Install scripts were not run, since this computer is not Linux "
                        + spec.architecture().id() + ": " + String.join(", ", scripted)
                        + ". Inspect the layer: a package that builds or downloads its binary in a script may lack it.");
            }
        }
        List<ContentNode> nodes = ContentScanner.scanInstalled(modules, spec.layout().root(spec.runtime()));
        progress.progress(1000, 1000);
        progress.message("Installed " + packages.size() + " package" + (packages.size() == 1 ? "" : "s"));
        return new Installation(spec, work, "npm " + version, packages, LayerContent.of(nodes), List.of(), notes);
    }

    /** What npm gets: the package.json (and lock) copied into {@code project}, and package specs. */
    record Project(boolean locked, List<String> packages, Set<String> requested, List<String> notes) {
    }

    static Project prepare(Requirements requirements, Path project, ProgressListener progress) throws IOException {
        List<String> packages = new ArrayList<>();
        Set<String> requested = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        boolean locked = false;
        Path manifest = null;
        for (Path given : requirements.files()) {
            Path file = Files.isDirectory(given) ? given.resolve("package.json") : given;
            if (!file.getFileName().toString().equals("package.json")) {
                throw new LayerStudioException(given + " is not a package.json; Node.js layers are installed from a"
                        + " package.json (or the folder holding it) and package names.");
            }
            if (!Files.isRegularFile(file)) {
                throw new LayerStudioException("There is no package.json at " + given + ".");
            }
            if (manifest != null) {
                throw new LayerStudioException("Give one package.json; " + manifest + " and " + file + " were given.");
            }
            manifest = file;
        }
        ObjectNode pkg;
        if (manifest != null) {
            JsonNode read;
            try {
                read = JSON.readTree(manifest.toFile());
            } catch (IOException e) {
                throw new LayerStudioException(manifest + " is not valid JSON: " + e.getMessage(), null, e);
            }
            if (!(read instanceof ObjectNode o)) {
                throw new LayerStudioException(manifest + " does not hold a JSON object.");
            }
            pkg = o;
            pkg.path("dependencies").fieldNames().forEachRemaining(requested::add);
            Path folder = manifest.toAbsolutePath().getParent();
            for (String lock : LOCKS) {
                if (!locked && Files.isRegularFile(folder.resolve(lock))) {
                    Files.copy(folder.resolve(lock), project.resolve(lock));
                    locked = true;
                    progress.log("Read " + folder.resolve(lock) + ": npm ci installs exactly what it pins");
                    notes.add("Installed exactly the versions " + lock + " pins (npm ci).");
                }
            }
            if (Files.isRegularFile(folder.resolve(".npmrc"))) {
                // the project's registry and scope settings, as npm would read them in its folder
                Files.copy(folder.resolve(".npmrc"), project.resolve(".npmrc"));
                progress.log("Read " + folder.resolve(".npmrc") + " (npm's settings for the project)");
            }
            Path pnpm = folder.resolve("pnpm-lock.yaml");
            if (!locked && Files.isRegularFile(pnpm)) {
                int pinned = PnpmLockReader.pinDirect(pnpm, pkg);
                notes.add("Read pnpm-lock.yaml: pinned the " + pinned + " direct dependenc" + (pinned == 1 ? "y" : "ies")
                        + " to its versions (npm resolves the rest).");
            }
            progress.log("Read " + manifest);
        } else {
            pkg = JSON.createObjectNode();
            pkg.put("name", "lambda-layer");
            pkg.put("version", "1.0.0");
        }
        pkg.put("private", true);
        pkg.remove("workspaces");
        for (String line : requirements.lines()) {
            if (line.startsWith("-")) {
                throw new LayerStudioException("'" + line + "' is an installer option; Node.js layers take package"
                        + " names such as sharp or sharp@0.34.4.");
            }
            if (locked) {
                throw new LayerStudioException("Package names cannot be added to a locked package.json ("
                        + "npm ci installs only what the lock pins).", "Add them to package.json and update the lock,"
                        + " or give them without the package.json.", null);
            }
            packages.add(line);
            requested.add(nameOf(line));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(project.resolve("package.json").toFile(), pkg);
        return new Project(locked, packages, requested, notes);
    }

    /** {@code sharp} from {@code sharp@0.34.4}, {@code @img/x} from {@code @img/x@1}. */
    static String nameOf(String spec) {
        int at = spec.indexOf('@', 1);
        return at < 0 ? spec : spec.substring(0, at);
    }

    private String npmVersion(Path npm) throws IOException, InterruptedException {
        ProcessRunner.Result r = runner.run(List.of(npm.toString(), "--version"), null, line -> { });
        if (!r.ok() || r.lines().isEmpty()) {
            throw new LayerStudioException(npm + " does not run (it needs Node.js on PATH).",
                    "Install Node.js (it brings npm), then build again.", null);
        }
        return r.lines().get(r.lines().size() - 1).strip();
    }

    /** npm 10.3 brought {@code --libc}; older ones would take musl builds as readily as glibc ones. */
    static boolean supportsLibc(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return major > 10 || major == 10 && minor >= 3;
        } catch (NumberFormatException e) {
            return true; // a version npm does not print as numbers: let npm itself decide
        }
    }

    static String cpu(InstallSpec spec) {
        return spec.architecture().machine().equals("aarch64") ? "arm64" : "x64";
    }

    /** Whether this computer is Linux on the function's CPU, so install scripts build the right thing. */
    static boolean hostIsTarget(InstallSpec spec) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String host = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "arm64" : arch;
        return os.startsWith("linux") && host.equals(cpu(spec));
    }

    /** npm's sentence for the user: its error lines, without the log-file chatter. */
    private static LayerStudioException failure(ProcessRunner.Result result) {
        List<String> errors = result.lines().stream()
                .filter(l -> l.startsWith("npm error") || l.startsWith("npm ERR!"))
                .map(l -> l.replaceFirst("^npm (error|ERR!)\\s*", "").strip())
                .filter(l -> !l.isEmpty() && !l.contains("complete log of this run") && !l.startsWith("A complete log"))
                .limit(4).toList();
        String detail = errors.isEmpty() ? "exit code " + result.exitCode() : String.join(" ", errors);
        return new LayerStudioException("npm could not install the packages: " + detail,
                "Check the package names and versions (the log shows npm's output).", null);
    }

    /** Removes what npm keeps for itself: the {@code .bin} links and its hidden lock file. */
    private static List<String> clean(Path modules) throws IOException {
        List<String> removed = new ArrayList<>();
        List<Path> bins;
        try (var walk = Files.walk(modules)) {
            bins = walk.filter(p -> {
                String n = p.getFileName().toString();
                return (n.equals(".bin") && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        || n.equals(".package-lock.json");
            }).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : bins) {
            removed.add(modules.relativize(p).toString().replace('\\', '/'));
            WorkDirs.delete(p);
        }
        return removed;
    }

    /** Every package folder under node_modules (nested and scoped ones too), by name and version. */
    static List<InstalledPackage> packages(Path modules, Set<String> requested) throws IOException {
        List<InstalledPackage> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (var walk = Files.walk(modules)) {
            for (Path json : walk.filter(p -> p.getFileName().toString().equals("package.json")).sorted().toList()) {
                Path parent = json.getParent().getParent();
                boolean scoped = parent.getFileName().toString().startsWith("@");
                if (!isModulesFolder(scoped ? parent.getParent() : parent, modules)) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(json.toFile());
                    String name = n.path("name").asText("");
                    String version = n.path("version").asText("");
                    if (!name.isEmpty() && seen.add(name + "@" + version)) {
                        out.add(new InstalledPackage(name, version, requested.contains(name)));
                    }
                } catch (IOException e) {
                    // a package.json that is not JSON names no package
                }
            }
        }
        out.sort(Comparator.comparing(InstalledPackage::name).thenComparing(InstalledPackage::version));
        return out;
    }

    /** The tree's root (a kept copy has another name) or a nested node_modules folder. */
    private static boolean isModulesFolder(Path dir, Path modules) {
        return dir.equals(modules) || dir.getFileName().toString().equals("node_modules");
    }

    /** The packages whose package.json declares an install script (preinstall, install, postinstall). */
    static List<String> withInstallScripts(Path modules) throws IOException {
        Set<String> out = new TreeSet<>();
        try (var walk = Files.walk(modules)) {
            for (Path json : walk.filter(p -> p.getFileName().toString().equals("package.json")).toList()) {
                try {
                    JsonNode n = JSON.readTree(json.toFile());
                    JsonNode scripts = n.path("scripts");
                    if (scripts.has("preinstall") || scripts.has("install") || scripts.has("postinstall")) {
                        Optional.ofNullable(n.path("name").asText(null)).ifPresent(out::add);
                    }
                } catch (IOException e) {
                    // not a package manifest
                }
            }
        }
        return List.copyOf(out);
    }
}
