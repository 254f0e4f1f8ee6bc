package dev.layerstudio.cli;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.inspect.ContentFactsInspector;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.SandboxSeed;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads the global options from the root command for a sub-command, and opens the
 * AWS session they describe.
 */
public final class GlobalOptions {

    private final LayerStudioCommand root;
    private final CommandSpec spec;

    public GlobalOptions(CommandSpec spec) {
        this.spec = spec;
        CommandSpec top = spec;
        while (top.parent() != null) {
            top = top.parent();
        }
        this.root = (LayerStudioCommand) top.userObject();
    }

    public Output output() {
        return Output.of(spec, root.json());
    }

    public boolean json() {
        return root.json();
    }

    public String profile() {
        return root.profile();
    }

    public String region() {
        return root.region();
    }

    public URI endpoint() {
        String url = root.endpointUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new LayerStudioException("--endpoint-url '" + url + "' is not a URL.",
                    "Give it like http://127.0.0.1:4566.", null);
        }
        return uri;
    }

    /**
     * The function service for commands that change functions: journalled in the data folder,
     * and every plan judged on what the layer versions hold (read with Range requests, cached
     * by SHA-256), as in the window.
     */
    public SdkFunctionService functions(AwsSession session) {
        return new SdkFunctionService(session, PlanApplier.Options.defaults(),
                ApplyJournals.inData(AppDirs.current()), new ContentFactsInspector(new Inspector()));
    }

    /** The run's connector (one per command line; closed when the command ends). */
    public Connector connector() {
        return root.connector();
    }

    /**
     * Opens a session for the chosen --profile, --region and --endpoint-url (close it when done).
     * Without --profile, the endpoint of the sandbox {@code sandbox start} left running is
     * reached with the sandbox's dummy credentials.
     */
    public AwsSession session() {
        URI endpoint = endpoint();
        if (endpoint != null && profile() == null && SandboxEndpoint.isRecorded(endpoint)) {
            String region = region() != null ? region() : connector().environment().region();
            return AwsSession.local(region != null ? region : SandboxSeed.PRIMARY_REGION, endpoint, Sandbox.LABEL);
        }
        return connector().connect(profile(), region(), endpoint);
    }
}
