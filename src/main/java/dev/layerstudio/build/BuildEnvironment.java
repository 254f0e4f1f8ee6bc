package dev.layerstudio.build;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine may use on this machine: where staging folders go, where tools are
 * looked up, what extra environment the tools get, and how many threads compress.
 *
 * @param workRoot    the folder that holds each build's staging folder (removed after the build)
 * @param searchPath  folders searched for {@code python3}, {@code py} and {@code uv}, like PATH
 * @param environment extra environment variables for pip and uv; the rest is inherited
 * @param threads     compression threads
 * @param windows     whether tools are Windows executables ({@code .exe}, {@code py -3})
 */
public record BuildEnvironment(Path workRoot, List<Path> searchPath, Map<String, String> environment, int threads,
                               boolean windows) {

    public BuildEnvironment {
        searchPath = List.copyOf(searchPath);
        environment = Map.copyOf(environment);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** This machine: the system temp folder, PATH, all cores. */
    public static BuildEnvironment system() {
        return new BuildEnvironment(Path.of(System.getProperty("java.io.tmpdir")), pathFromEnv(),
                Map.of(), java.lang.Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    public BuildEnvironment withWorkRoot(Path value) {
        return new BuildEnvironment(value, searchPath, environment, threads, windows);
    }

    public BuildEnvironment withSearchPath(List<Path> value) {
        return new BuildEnvironment(workRoot, value, environment, threads, windows);
    }

    /** The search path with folders put in front. */
    public BuildEnvironment withSearchPathFirst(Path... folders) {
        List<Path> all = new ArrayList<>(List.of(folders));
        all.addAll(searchPath);
        return withSearchPath(all);
    }

    public BuildEnvironment withEnvironment(Map<String, String> value) {
        return new BuildEnvironment(workRoot, searchPath, value, threads, windows);
    }

    public BuildEnvironment withThreads(int value) {
        return new BuildEnvironment(workRoot, searchPath, environment, value, windows);
    }

    /** The first executable of that name on the search path. */
    public Optional<Path> find(String name) {
        List<String> names = windows ? List.of(name + ".exe", name + ".bat", name + ".cmd", name) : List.of(name);
        for (Path dir : searchPath) {
            for (String n : names) {
                Path candidate = dir.resolve(n);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** PATH as the tools will see it: the search path joined. */
    String pathVariable() {
        return String.join(File.pathSeparator, searchPath.stream().map(Path::toString).toList());
    }

    private static List<Path> pathFromEnv() {
        String path = System.getenv("PATH");
        if (path == null) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (String p : path.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                try {
                    out.add(Path.of(p));
                } catch (java.nio.file.InvalidPathException ignored) {
                    // an unusable PATH entry is skipped, as a shell would
                }
            }
        }
        return out;
    }
}
