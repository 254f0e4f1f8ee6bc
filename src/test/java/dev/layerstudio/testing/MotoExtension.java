package dev.layerstudio.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a running moto server: started once per test run, reset before
 * each test class, stopped when the run ends. Inject it as a {@link MotoServer}
 * parameter of a test, constructor or {@code @BeforeAll} method.
 */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return server(c);
    }

    private static MotoServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> {
            try {
                return new Holder(MotoServer.start());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start moto_server", e);
            }
        }, Holder.class).server();
    }

    /** Stops the server when the root context closes, at the end of the run. */
    private record Holder(MotoServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
