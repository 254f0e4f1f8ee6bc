package dev.layerstudio;

import dev.layerstudio.cli.Cli;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.ui.LayerStudioApp;

/**
 * Starts Layer Studio: with no arguments the wizard window, with a sub-command the
 * headless command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before the first logger is made, so the log file lands in the platform's log folder.
        if (System.getProperty("layerstudio.logDir") == null) {
            System.setProperty("layerstudio.logDir", AppDirs.current().logs().toString());
        }
        if (args.length == 0) {
            LayerStudioApp.launchApp(args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
