package dev.layerstudio.cli;

import dev.layerstudio.aws.Connector;
import java.io.PrintWriter;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs one command line and returns its exit code. */
public final class Cli {

    private Cli() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Connector::new, out, err, args);
    }

    /** Runs with the AWS connections {@code connector} makes (tests pass one over a temporary home). */
    public static int run(Supplier<Connector> connector, PrintWriter out, PrintWriter err, String... args) {
        LayerStudioCommand root = new LayerStudioCommand(connector);
        try {
            return commandLine(root, out, err, args).execute(args);
        } finally {
            root.closeConnector();
        }
    }

    /** The whole command line, every sub-command included (for help and tests). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(new LayerStudioCommand(), out, err, "help");
    }

    /** The command line for {@code args}: the root and the sub-commands they may name. */
    static CommandLine commandLine(LayerStudioCommand root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = Subcommands.register(new CommandLine(root), args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }
}
