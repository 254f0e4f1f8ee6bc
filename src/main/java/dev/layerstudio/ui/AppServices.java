package dev.layerstudio.ui;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.ui.task.AppExecutor;
import java.net.URI;
import java.util.function.Consumer;

/**
 * The services the window works with, made once at start-up (or by a test) and passed
 * to the view models through their constructors.
 */
public record AppServices(AppExecutor executor, Connector connector, Consumer<URI> browser) {

    /** The real services; {@code browser} opens a page in the user's browser. */
    public static AppServices production(Consumer<URI> browser) {
        return new AppServices(new AppExecutor(), new Connector(), browser);
    }
}
