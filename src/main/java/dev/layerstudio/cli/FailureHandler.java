package dev.layerstudio.cli;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.AppDirs;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failing command prints one plain line on stderr and exits non-zero; the stack
 * trace goes to the log file only.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int UNEXPECTED = 3;
    static final int INTERRUPTED = 130;

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    /**
     * The command line for the log, each URL without its query: a pre-signed URL's query
     * (X-Amz-Signature, X-Amz-Credential, X-Amz-Security-Token) is a credential while it is valid.
     */
    static String loggable(java.util.List<String> args) {
        return String.join(" ", args.stream().map(a -> {
            int query = a.indexOf('?');
            return query > 0 && a.contains("://") ? a.substring(0, query) + "?<query left out>" : a;
        }).toList());
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        LOG.error("Command failed: {}", loggable(parsed.originalArgs()), ex);
        Throwable e = ex;
        while (e instanceof java.io.UncheckedIOException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof LayerStudioException lse) {
            cl.getErr().println("error: " + lse.getMessage() + (lse.hint() == null ? "" : " " + lse.hint()));
            return FAILED;
        }
        if (e instanceof CancellationException || e instanceof InterruptedException) {
            cl.getErr().println("error: cancelled.");
            return INTERRUPTED;
        }
        if (e instanceof java.io.IOException io) {
            cl.getErr().println("error: " + io.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                    + ": " + io.getMessage());
            return FAILED;
        }
        cl.getErr().println("error: unexpected " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " (details in " + AppDirs.current().logs().resolve("layer-studio.log") + ")");
        return UNEXPECTED;
    }
}
