package dev.layerstudio.cli;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.sandbox.BackgroundSandbox;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether an --endpoint-url is the sandbox that {@code sandbox start} left running. */
final class SandboxEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxEndpoint.class);

    private SandboxEndpoint() {
    }

    static boolean isRecorded(URI endpoint) {
        try {
            return BackgroundSandbox.read(BackgroundSandbox.recordIn(AppDirs.current().data()))
                    .map(b -> sameServer(b.endpoint(), endpoint)).orElse(false);
        } catch (IOException e) {
            LOG.debug("Could not read the sandbox record", e);
            return false;
        }
    }

    private static boolean sameServer(URI a, URI b) {
        return a.getPort() == b.getPort() && a.getHost() != null && b.getHost() != null
                && (a.getHost().equals(b.getHost()) || isLoopback(a.getHost()) && isLoopback(b.getHost()));
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }
}
