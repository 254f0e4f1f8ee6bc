package dev.layerstudio.ui;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.ui.task.AppExecutor;

/**
 * The services the window works with, made once at start-up (or by a test) and passed
 * to the view models through their constructors.
 */
public record AppServices(AppExecutor executor, Connector connector) {

    public static AppServices production() {
        return new AppServices(new AppExecutor(), new Connector());
    }
}
