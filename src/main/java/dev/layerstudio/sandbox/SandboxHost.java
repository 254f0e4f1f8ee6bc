package dev.layerstudio.sandbox;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The window's one sandbox: started the first time it is chosen, kept while the app
 * runs, stopped when the app exits. Thread-safe; starting may take a while (the first
 * time moto is installed), and closing does not wait for it.
 */
public final class SandboxHost implements AutoCloseable {

    private final Sandbox.Setup setup;
    private final LayerBuilder builder;
    private final Object starting = new Object();
    private Sandbox sandbox;
    private boolean closed;

    public SandboxHost(Sandbox.Setup setup, LayerBuilder builder) {
        this.setup = setup;
        this.builder = builder;
    }

    /** The running sandbox, started (and seeded) now when there is none or it died. */
    public Sandbox start(ProgressListener progress) throws IOException, InterruptedException {
        synchronized (starting) {
            synchronized (this) {
                if (closed) {
                    throw new CancellationException("The app is closing");
                }
                if (sandbox != null && sandbox.isAlive()) {
                    return sandbox;
                }
                if (sandbox != null) {
                    sandbox.close();
                    sandbox = null;
                }
            }
            Sandbox started = Sandbox.start(setup, builder, progress);
            synchronized (this) {
                if (closed) {
                    started.close();
                    throw new CancellationException("The app is closing");
                }
                sandbox = started;
                return started;
            }
        }
    }

    /** The sandbox, when one runs. */
    public synchronized Optional<Sandbox> current() {
        return sandbox != null && sandbox.isAlive() ? Optional.of(sandbox) : Optional.empty();
    }

    /** Whether a session talks to the running sandbox. */
    public boolean serves(AwsSession session) {
        return current().map(s -> s.serves(session)).orElse(false);
    }

    /** Empties the running sandbox and seeds it again. */
    public SeedReport reset(ProgressListener progress) throws IOException, InterruptedException {
        Sandbox s = current().orElseThrow(() -> new LayerStudioException("The local sandbox is not running.",
                "Choose Local sandbox on the Connect step to start it.", null));
        return s.reset(progress);
    }

    /** Stops the sandbox, if one runs, and any start still under way once it is done. */
    @Override
    public synchronized void close() {
        closed = true;
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
