package dev.layerstudio.cli;

import dev.layerstudio.aws.Connector;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top of the command line: global options, shared by every sub-command ({@link Subcommands}). */
@Command(name = "layer-studio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Build, inspect, publish and attach AWS Lambda layers.%n"
                + "With no arguments, opens the Layer Studio window.",
        footer = {"", "Global options follow the AWS CLI; AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL* are honoured."})
public final class LayerStudioCommand implements Runnable {

    private final Supplier<Connector> connectorFactory;
    private Connector connector;

    /** Connects through the real AWS files and environment. */
    public LayerStudioCommand() {
        this(Connector::new);
    }

    /** Connects through the connector {@code connectorFactory} makes (once, when first needed). */
    public LayerStudioCommand(Supplier<Connector> connectorFactory) {
        this.connectorFactory = connectorFactory;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Named profile from the AWS config files (default: AWS_PROFILE, else the "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables, else the default profile).")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, else the profile's region).")
    String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send AWS calls to this endpoint (LocalStack, moto).")
    String endpointUrl;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document instead of the human summary.")
    boolean json;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing sub-command. See --help.");
    }

    public String profile() {
        return profile;
    }

    public String region() {
        return region;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public boolean json() {
        return json;
    }

    /** The one connector of this run, made when a command first needs AWS. */
    public synchronized Connector connector() {
        if (connector == null) {
            connector = connectorFactory.get();
        }
        return connector;
    }

    /** Closes the connector, if one was made. */
    synchronized void closeConnector() {
        if (connector != null) {
            connector.close();
            connector = null;
        }
    }
}
