package dev.layerstudio.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs command lines against a moto server, as a user would with {@code --endpoint-url}
 * and the SDK's own credential properties; optionally with the app's folders in a
 * temporary home. {@link #close()} puts the system properties back.
 */
public final class CliAgainstMoto implements AutoCloseable {

    private static final String HOME = "layerstudio.home";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.net.URI endpoint;
    private final String previousHome;
    private final boolean ownsHome;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private int exitCode;

    private CliAgainstMoto(java.net.URI endpoint, Path home) {
        this.endpoint = endpoint;
        this.previousHome = System.getProperty(HOME);
        this.ownsHome = home != null;
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        if (home != null) {
            System.setProperty(HOME, home.toString());
        }
    }

    /** Commands against {@code moto}; with {@code home} (may be null), the app's folders are below it. */
    public static CliAgainstMoto open(MotoServer moto, Path home) {
        return new CliAgainstMoto(moto.endpoint(), home);
    }

    /** Commands against a front before moto (such as {@link MotoFront}); otherwise as {@link #open}. */
    public static CliAgainstMoto open(MotoFront front, Path home) {
        return new CliAgainstMoto(front.endpoint(), home);
    }

    /** Runs one command line (endpoint and region added in front); returns its exit code. */
    public int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--endpoint-url", endpoint.toString(), "--region",
                MotoServer.REGION));
        all.addAll(List.of(args));
        exitCode = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return exitCode;
    }

    /** The exit code of the last command. */
    public int exitCode() {
        return exitCode;
    }

    /** Runs one command line with {@code --json} and reads the document it printed. */
    public JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        run(all.toArray(String[]::new));
        return JSON.readTree(out.toString());
    }

    /** What the last command printed on stdout. */
    public StringWriter out() {
        return out;
    }

    /** What the last command printed on stderr. */
    public StringWriter err() {
        return err;
    }

    @Override
    public void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (ownsHome) {
            if (previousHome == null) {
                System.clearProperty(HOME);
            } else {
                System.setProperty(HOME, previousHome);
            }
        }
    }
}
