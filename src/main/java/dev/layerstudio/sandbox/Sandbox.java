package dev.layerstudio.sandbox;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local sandbox: a moto server on 127.0.0.1 owned by this process, reached through
 * its {@link SandboxFront} (which makes published layer content readable), seeded with
 * sample layers and functions ({@link SandboxSeed}), reached with dummy credentials.
 * Everything the app does against AWS works the same against it, and nothing touches
 * an AWS account.
 */
public final class Sandbox implements AutoCloseable {

    /** How a sandbox session names itself in messages. */
    public static final String LABEL = "the local sandbox";

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /**
     * Where a sandbox keeps its things.
     *
     * @param venvHome where moto's virtual environment is created when moto is not on PATH
     * @param log      moto's own output
     * @param workRoot where the sample content is built (removed after each seeding) and the
     *                 zips of published versions are kept (removed when the sandbox stops)
     * @param tools    where moto and Python are looked for
     */
    public record Setup(Path venvHome, Path log, Path workRoot, MotoProcess.Tools tools) {

        public Setup {
            Objects.requireNonNull(venvHome, "venvHome");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(workRoot, "workRoot");
            Objects.requireNonNull(tools, "tools");
        }

        /** The app's folders: moto's environment in the data folder, its log beside the app's. */
        public static Setup of(AppDirs dirs) {
            return new Setup(dirs.data(), dirs.logs().resolve("sandbox-moto.log"), dirs.cache().resolve("sandbox"),
                    MotoProcess.Tools.system());
        }
    }

    private final MotoProcess moto;
    private final SandboxFront front;
    private final SandboxSeed seed;
    private SeedReport contents;
    private volatile boolean closed;

    private Sandbox(MotoProcess moto, SandboxFront front, SandboxSeed seed, SeedReport contents) {
        this.moto = moto;
        this.front = front;
        this.seed = seed;
        this.contents = contents;
    }

    /**
     * Starts moto (creating its environment the first time, when it is not on PATH) and
     * seeds it. Fails with a plain {@link LayerStudioException} where Python or moto
     * cannot be had.
     */
    public static Sandbox start(Setup setup, ProgressListener progress) throws IOException, InterruptedException {
        return start(setup, new DefaultLayerBuilder(), progress);
    }

    public static Sandbox start(Setup setup, LayerBuilder builder, ProgressListener progress)
            throws IOException, InterruptedException {
        Sandbox sandbox = serve(setup, builder, progress);
        try {
            sandbox.contents = sandbox.seed.plant(sandbox.endpoint(), progress);
            return sandbox;
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * Starts moto and the front, without seeding them: the process that keeps a
     * {@link BackgroundSandbox} running does this, and the command that started it seeds.
     */
    public static Sandbox serve(Setup setup, ProgressListener progress) throws IOException, InterruptedException {
        return serve(setup, new DefaultLayerBuilder(), progress);
    }

    private static Sandbox serve(Setup setup, LayerBuilder builder, ProgressListener progress)
            throws IOException, InterruptedException {
        MotoProcess moto = MotoProcess.start(setup.venvHome(), setup.log(), setup.tools(), progress);
        try {
            Files.createDirectories(setup.workRoot());
            SandboxFront front = SandboxFront.start(moto.endpoint(),
                    Files.createTempDirectory(setup.workRoot(), "published-"));
            LOG.info("Local sandbox at {} (moto at {}, pid {})", front.endpoint(), moto.endpoint(), moto.pid());
            return new Sandbox(moto, front, new SandboxSeed(builder, setup.workRoot()),
                    new SeedReport(List.of(), List.of()));
        } catch (IOException | RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    /** Seeds the (empty) sandbox at {@code endpoint}, one this process does not own. */
    public static SeedReport seed(URI endpoint, Setup setup, ProgressListener progress)
            throws IOException, InterruptedException {
        return new SandboxSeed(new DefaultLayerBuilder(), setup.workRoot()).plant(endpoint, progress);
    }

    /** Empties the sandbox at {@code endpoint} (one this process does not own) and seeds it again. */
    public static SeedReport reset(URI endpoint, Setup setup, ProgressListener progress)
            throws IOException, InterruptedException {
        if (!MotoProcess.answers(endpoint)) {
            throw new LayerStudioException("No sandbox answers at " + endpoint + ".",
                    "Start one with: layer-studio sandbox start", null);
        }
        progress.message("Emptying the sandbox");
        MotoProcess.reset(endpoint);
        return new SandboxSeed(new DefaultLayerBuilder(), setup.workRoot()).plant(endpoint, progress);
    }

    /** Empties the sandbox and seeds it again: everything made in it since is gone. */
    public synchronized SeedReport reset(ProgressListener progress) throws IOException, InterruptedException {
        progress.message("Emptying the sandbox");
        moto.reset();
        front.clear();
        contents = seed.plant(front.endpoint(), progress);
        return contents;
    }

    /** Where the sandbox answers (its front; moto itself is not called directly). */
    public URI endpoint() {
        return front.endpoint();
    }

    public long pid() {
        return moto.pid();
    }

    public boolean isAlive() {
        return moto.isAlive() && !closed;
    }

    /** The regions the seed fills, the main one first. */
    public List<String> regions() {
        return SandboxSeed.REGIONS;
    }

    /** What the last seeding put in. */
    public synchronized SeedReport contents() {
        return contents;
    }

    /** A session in one of the sandbox's regions, with dummy credentials (close it when done). */
    public AwsSession session(String region) {
        return AwsSession.local(region, endpoint(), LABEL);
    }

    /** Whether a session talks to this sandbox. */
    public boolean serves(AwsSession session) {
        return session != null && session.endpoint().map(e -> sameServer(e, endpoint())).orElse(false);
    }

    /** Stops the front (removing the zips it kept), then moto and every process it started. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        front.close();
        moto.close();
        LOG.info("Local sandbox at {} stopped", front.endpoint());
    }

    private static boolean sameServer(URI a, URI b) {
        return Objects.equals(a.getHost(), b.getHost()) && a.getPort() == b.getPort()
                && Objects.equals(a.getScheme(), b.getScheme());
    }
}
