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
 * the JVM exits.
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
        String executable = locate(venvHome, progress);
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
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("moto reset answered HTTP " + r.statusCode());
        }
    }

    @Override
    public void close() {
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

    private static String locate(Path venvHome, ProgressListener progress) throws IOException, InterruptedException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("moto_server", "moto_server.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && answersHelp(candidate.toString())) {
                    return candidate.toString();
                }
            }
        }
        Path venv = venvHome.resolve("moto-" + MOTO_VERSION);
        Path bin = venv.resolve(isWindows() ? "Scripts" : "bin");
        Path server = bin.resolve(isWindows() ? "moto_server.exe" : "moto_server");
        if (Files.isExecutable(server) && answersHelp(server.toString())) {
            return server.toString();
        }
        progress.message("Creating a Python environment for moto in " + venv);
        run(List.of(python(), "-m", "venv", venv.toString()), progress);
        progress.message("Installing moto " + MOTO_VERSION + " (once; it is kept for next time)");
        run(List.of(bin.resolve(isWindows() ? "python.exe" : "python").toString(), "-m", "pip", "install",
                "--disable-pip-version-check", "moto[server]==" + MOTO_VERSION), progress);
        return server.toString();
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

    private static void run(List<String> command, ProgressListener progress) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LayerStudioException("Python 3 was not found, so the local sandbox cannot be set up.",
                    "Install Python 3 with pip (it is needed for building layers too).", e);
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
            throw new LayerStudioException("Setting up moto failed: " + String.join(" ", command.subList(0, 3))
                    + " exited with " + p.exitValue() + ".", String.join("\n", tail), null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String python() {
        return isWindows() ? "python" : "python3";
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
