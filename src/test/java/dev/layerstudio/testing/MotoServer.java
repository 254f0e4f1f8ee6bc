package dev.layerstudio.testing;

import dev.layerstudio.aws.AwsSession;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A moto server on 127.0.0.1 and a free port, for the whole test run. Uses
 * {@code moto_server} from PATH, or provisions a virtual environment once in the
 * user's cache folder (kept across {@code mvn clean}).
 */
public final class MotoServer implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    static final String MOTO_VERSION = "5.2.1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        String executable = findOrProvision();
        int port = freePort();
        Path log = Path.of("target", "moto-" + port + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MotoServer server = new MotoServer(p, URI.create("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        server.awaitReady(log);
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Static test credentials that moto accepts. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /** A session against this server, the same code path as production otherwise. */
    public AwsSession session(String region) {
        return AwsSession.builder().credentials(credentials()).region(region).endpoint(endpoint).build();
    }

    public AwsSession session() {
        return session(REGION);
    }

    /** Clears all state. */
    public void reset() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("moto reset answered " + r.statusCode());
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("moto_server did not answer within " + START_TIMEOUT.toSeconds() + " s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String findOrProvision() throws IOException, InterruptedException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate) && works(candidate.toString())) {
                return candidate.toString();
            }
        }
        Path venv = Path.of(System.getProperty("user.home"), ".cache", "layer-studio-test", "moto-" + MOTO_VERSION);
        Path bin = venv.resolve("bin").resolve("moto_server");
        if (Files.isExecutable(bin) && works(bin.toString())) {
            return bin.toString();
        }
        run(List.of(python(), "-m", "venv", venv.toString()));
        run(List.of(venv.resolve("bin").resolve("python").toString(), "-m", "pip", "install", "-q",
                "moto[server]==" + MOTO_VERSION));
        return bin.toString();
    }

    private static boolean works(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "--help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String python() {
        return System.getProperty("os.name").startsWith("Windows") ? "python" : "python3";
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
