package dev.layerstudio.sandbox;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox that outlives the command that started it ({@code sandbox start}): moto and
 * the {@link SandboxFront} run in a process of their own (this program again, with the
 * hidden {@code sandbox serve}), which the starting command seeds through the front.
 * Its endpoint, process id and start time are kept in a small file, so that later runs
 * ({@code sandbox stop}, {@code sandbox reset}) find it, and never stop a different
 * process that happens to get the same id.
 *
 * <p>The serving process tells its starter how it goes, one line each on its standard
 * output: {@code message <text>} while starting, then {@code ready <endpoint>}, or
 * {@code failed <message>} (and {@code hint <hint>}) before it exits.
 *
 * @param endpoint where it answers (the front)
 * @param pid      the serving process's id
 * @param started  when that process started, or null where the platform does not say
 */
public record BackgroundSandbox(URI endpoint, long pid, Instant started) {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSandbox.class);

    /** The record's usual place: {@code sandbox.properties} in the app's data folder. */
    public static Path recordIn(Path dataDir) {
        return dataDir.resolve("sandbox.properties");
    }

    /**
     * Starts and seeds a sandbox that keeps running after this JVM exits, and records it.
     * When the record names one that still runs, that one is returned as it is.
     *
     * @param serve the command that runs {@code sandbox serve} in a process of its own
     */
    public static Started start(Sandbox.Setup setup, Path record, List<String> serve, ProgressListener progress)
            throws IOException, InterruptedException {
        Optional<BackgroundSandbox> running = read(record).filter(BackgroundSandbox::isRunning);
        if (running.isPresent()) {
            return new Started(running.get(), null);
        }
        Files.createDirectories(setup.log().toAbsolutePath().getParent());
        Process p = new ProcessBuilder(serve).redirectError(ProcessBuilder.Redirect.appendTo(setup.log().toFile()))
                .start();
        p.getOutputStream().close();
        // Until the record is written nothing could find the serving process again: if this JVM
        // ends before that (Ctrl-C, a kill), it takes the serving process (and its moto) with it.
        Thread orphanGuard = new Thread(() -> MotoProcess.stop(p.toHandle()), "sandbox-start-guard");
        java.lang.Runtime.getRuntime().addShutdownHook(orphanGuard);
        try {
            URI endpoint;
            try (InputStream lines = p.getInputStream()) {
                endpoint = awaitReady(lines, progress);
            }
            SeedReport seeded = Sandbox.seed(endpoint, setup, progress);
            BackgroundSandbox b = new BackgroundSandbox(endpoint, p.pid(), p.info().startInstant().orElse(null));
            b.write(record);
            return new Started(b, seeded);
        } catch (IOException | InterruptedException | RuntimeException e) {
            MotoProcess.stop(p.toHandle());
            throw e;
        } finally {
            try {
                java.lang.Runtime.getRuntime().removeShutdownHook(orphanGuard);
            } catch (IllegalStateException shuttingDown) {
                // the guard is running: it stops the serving process
            }
        }
    }

    /** Reads the serving process's lines until it is ready (its endpoint) or has failed. */
    private static URI awaitReady(InputStream out, ProgressListener progress) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
        String failure = null;
        String hint = null;
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("message ")) {
                progress.message(line.substring("message ".length()));
            } else if (line.startsWith("ready ")) {
                return URI.create(line.substring("ready ".length()).trim());
            } else if (line.startsWith("failed ")) {
                failure = line.substring("failed ".length());
            } else if (line.startsWith("hint ")) {
                hint = line.substring("hint ".length());
            } else {
                LOG.info("sandbox serve: {}", line);
            }
        }
        throw new LayerStudioException(failure != null ? failure : "The local sandbox stopped while starting.",
                hint, null);
    }
    /**
     * What {@link #start} did.
     *
     * @param sandbox the sandbox that runs
     * @param seeded  what was seeded, or null when one was already running
     */
    public record Started(BackgroundSandbox sandbox, SeedReport seeded) {
        public boolean alreadyRunning() {
            return seeded == null;
        }
    }

    /** Stops the recorded sandbox and removes the record; empty when none was running. */
    public static Optional<BackgroundSandbox> stop(Path record) throws IOException {
        Optional<BackgroundSandbox> found = read(record);
        Optional<ProcessHandle> process = found.flatMap(BackgroundSandbox::process);
        process.ifPresent(MotoProcess::stop);
        Files.deleteIfExists(record);
        return process.isPresent() ? found : Optional.empty();
    }

    /** Empties the recorded sandbox and seeds it again. */
    public static SeedReport reset(Path record, Sandbox.Setup setup, ProgressListener progress)
            throws IOException, InterruptedException {
        BackgroundSandbox b = read(record).filter(BackgroundSandbox::isRunning)
                .orElseThrow(() -> new LayerStudioException("No sandbox is running.",
                        "Start one with: layer-studio sandbox start", null));
        return Sandbox.reset(b.endpoint(), setup, progress);
    }

    /** The recorded sandbox, if there is a record. */
    public static Optional<BackgroundSandbox> read(Path record) throws IOException {
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(record)) {
            p.load(r);
        }
        try {
            String started = p.getProperty("started");
            return Optional.of(new BackgroundSandbox(URI.create(p.getProperty("endpoint")),
                    Long.parseLong(p.getProperty("pid")), started == null ? null : Instant.parse(started)));
        } catch (RuntimeException e) {
            LOG.warn("Ignoring the unreadable sandbox record {}", record, e);
            return Optional.empty();
        }
    }

    void write(Path record) throws IOException {
        Properties p = new Properties();
        p.setProperty("endpoint", endpoint.toString());
        p.setProperty("pid", Long.toString(pid));
        if (started != null) {
            p.setProperty("started", started.toString());
        }
        Files.createDirectories(record.toAbsolutePath().getParent());
        Path tmp = record.resolveSibling(record.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "The local sandbox started by 'layer-studio sandbox start'");
        }
        Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The recorded process, when it still runs and is the same process (same start time). */
    public Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> started == null || h.info().startInstant().map(started::equals).orElse(true));
    }

    /** Whether the recorded process runs and the sandbox answers at the endpoint. */
    public boolean isRunning() {
        return process().isPresent() && MotoProcess.answers(endpoint);
    }
}
