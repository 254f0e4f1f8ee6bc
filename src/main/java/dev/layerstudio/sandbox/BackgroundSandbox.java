package dev.layerstudio.sandbox;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox that outlives the command that started it ({@code sandbox start}): its
 * endpoint, process id and start time are kept in a small file, so that later runs
 * ({@code sandbox stop}, {@code sandbox reset}) find it, and never stop a different
 * process that happens to get the same id.
 *
 * @param endpoint where it answers
 * @param pid      moto's process id
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
     */
    public static Started start(Sandbox.Setup setup, Path record, ProgressListener progress)
            throws IOException, InterruptedException {
        Optional<BackgroundSandbox> running = read(record).filter(BackgroundSandbox::isRunning);
        if (running.isPresent()) {
            return new Started(running.get(), null);
        }
        Sandbox sandbox = Sandbox.start(setup, progress);
        ProcessHandle handle = sandbox.detach();
        BackgroundSandbox b = new BackgroundSandbox(sandbox.endpoint(), handle.pid(),
                handle.info().startInstant().orElse(null));
        try {
            b.write(record);
        } catch (IOException | RuntimeException e) {
            MotoProcess.stop(handle);
            throw e;
        }
        return new Started(b, sandbox.contents());
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

    /** Whether the recorded process runs and moto answers at the endpoint. */
    public boolean isRunning() {
        return process().isPresent() && MotoProcess.answers(endpoint);
    }
}
