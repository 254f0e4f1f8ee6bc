package dev.layerstudio.sandbox;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A moto server (the open-source AWS stand-in) on 127.0.0.1 and a free port, owned by
 * this process: {@code moto_server} from PATH, or one installed once into a virtual
 * environment in a folder of ours. Stopped by {@link #close()} or, at the latest, when
 * the JVM exits (a sandbox that outlives a command runs in a JVM of its own: see
 * {@link BackgroundSandbox}).
 */
public final class MotoProcess implements AutoCloseable {

    /** The moto release provisioned when none is on PATH. */
    public static final String MOTO_VERSION = "5.2.1";

    private static final Logger LOG = LoggerFactory.getLogger(MotoProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.shutdownHook = new Thread(process::destroyForcibly, "moto-shutdown");
        java.lang.Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server, installing moto into {@code venvHome} first when it is not on PATH.
     *
     * @param venvHome where a virtual environment for moto may be created (kept for next time)
     * @param log      where the server's own output goes
     */
    public static MotoProcess start(Path venvHome, Path log, ProgressListener progress)
            throws IOException, InterruptedException {
        return start(venvHome, log, Tools.system(), progress);
    }

    /** As {@link #start(Path, Path, ProgressListener)}, looking for moto and Python with {@code tools}. */
    public static MotoProcess start(Path venvHome, Path log, Tools tools, ProgressListener progress)
            throws IOException, InterruptedException {
        String executable = executable(venvHome, tools, progress);
        int port = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        progress.message("Starting the local AWS stand-in on port " + port);
        Process p = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        MotoProcess moto = new MotoProcess(p, URI.create("http://127.0.0.1:" + port));
        try {
            moto.awaitReady(log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            moto.close();
            throw e;
        }
        LOG.info("moto_server {} ready at {}", executable, moto.endpoint);
        return moto;
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Clears every resource the server holds. */
    public void reset() throws IOException, InterruptedException {
        reset(endpoint);
    }

    /** Clears every resource the moto server at {@code endpoint} holds. */
    public static void reset(URI endpoint) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                .send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("moto reset answered HTTP " + r.statusCode());
        }
    }

    /** Whether a moto server answers at {@code endpoint}. */
    public static boolean answers(URI endpoint) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops a process (and what it started) that another run left behind, by its handle. */
    public static void stop(ProcessHandle handle) {
        handle.descendants().forEach(ProcessHandle::destroy);
        handle.destroy();
        try {
            handle.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        try {
            java.lang.Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; nothing left to do
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LayerStudioException("The local AWS stand-in (moto) stopped at start with exit code "
                        + process.exitValue() + ".", "Its output is in " + log + ".", null);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                LOG.trace("moto not listening yet", notListeningYet);
            }
            Thread.sleep(100);
        }
        throw new LayerStudioException("The local AWS stand-in (moto) did not answer within "
                + START_TIMEOUT.toSeconds() + " seconds.", "Its output is in " + log + ".", null);
    }

    /**
     * The {@code moto_server} to run: the one on the search path, else the one in
     * {@code venvHome}'s virtual environment, which is created (Python's venv, then pip
     * from PyPI) the first time.
     */
    public static String executable(Path venvHome, Tools tools, ProgressListener progress)
            throws IOException, InterruptedException {
        for (Path candidate : tools.find("moto_server")) {
            if (answersHelp(candidate.toString())) {
                return candidate.toString();
            }
        }
        Path venv = venvHome.resolve("moto-" + MOTO_VERSION);
        Path bin = venv.resolve(tools.windows() ? "Scripts" : "bin");
        Path server = bin.resolve(tools.windows() ? "moto_server.exe" : "moto_server");
        if (Files.isExecutable(server) && answersHelp(server.toString())) {
            return server.toString();
        }
        Path python = tools.python().orElseThrow(() -> new LayerStudioException(
                "Python 3 was not found, so the local sandbox cannot be set up.",
                "Install Python 3 with pip (it is needed for building layers too), or put moto_server on PATH.",
                null));
        progress.message("Creating a Python environment for moto in " + venv);
        run(List.of(python.toString(), "-m", "venv", venv.toString()), progress, "Python could not create a virtual"
                + " environment for moto in " + venv + ".", "On Debian or Ubuntu install python3-venv; or install"
                + " moto yourself (pip install \"moto[server]\") so that moto_server is on PATH.");
        progress.message("Installing moto " + MOTO_VERSION + " from PyPI (once; it is kept for next time)");
        run(List.of(bin.resolve(tools.windows() ? "python.exe" : "python").toString(), "-m", "pip", "install",
                "--disable-pip-version-check", "moto[server]==" + MOTO_VERSION), progress,
                "moto could not be installed from PyPI, so the local sandbox cannot start.",
                "The first start needs an internet connection (or a pip index) once; or install moto yourself"
                        + " (pip install \"moto[server]\") so that moto_server is on PATH.");
        return server.toString();
    }

    /**
     * Where moto and Python are looked for.
     *
     * @param searchPath folders searched for {@code moto_server} and {@code python3}, like PATH
     * @param windows    whether executables are Windows ones ({@code .exe}, a venv's {@code Scripts} folder)
     */
    public record Tools(List<Path> searchPath, boolean windows) {

        public Tools {
            searchPath = List.copyOf(searchPath);
        }

        /** This machine's PATH. */
        public static Tools system() {
            List<Path> path = new ArrayList<>();
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    try {
                        path.add(Path.of(dir));
                    } catch (java.nio.file.InvalidPathException e) {
                        LOG.debug("Ignoring PATH entry {}", dir, e);
                    }
                }
            }
            return new Tools(path, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
        }

        /** Every executable called {@code name} on the search path, in order. */
        List<Path> find(String name) {
            List<Path> found = new ArrayList<>();
            for (Path dir : searchPath) {
                Path candidate = dir.resolve(windows ? name + ".exe" : name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    found.add(candidate);
                }
            }
            return found;
        }

        /** A Python 3 on the search path ({@code python3}, else {@code python}). */
        java.util.Optional<Path> python() {
            for (String name : List.of("python3", "python")) {
                List<Path> found = find(name);
                if (!found.isEmpty()) {
                    return java.util.Optional.of(found.get(0));
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static boolean answersHelp(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "--help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command, ProgressListener progress, String failure, String hint)
            throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LayerStudioException(failure, hint, e);
        }
        List<String> tail = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                progress.log(line);
                tail.add(line);
                if (tail.size() > 20) {
                    tail.remove(0);
                }
            }
        } finally {
            if (Thread.currentThread().isInterrupted()) {
                p.destroyForcibly();
            }
        }
        if (p.waitFor() != 0) {
            LOG.warn("{} exited with {}:\n{}", String.join(" ", command), p.exitValue(), String.join("\n", tail));
            throw new LayerStudioException(failure, hint, null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
