package dev.layerstudio.testing;

import dev.layerstudio.aws.AwsEnvironment;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.RegionMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A temporary home folder with {@code .aws/config}, {@code .aws/credentials} and an SSO
 * token cache, and the AWS_* variables a test chooses; so no test reads the real home.
 */
public final class AwsHome {

    private final Path home;
    private final Map<String, String> variables = new HashMap<>();

    public AwsHome(Path home) {
        this.home = home;
        try {
            Files.createDirectories(home.resolve(".aws"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path home() {
        return home;
    }

    public Path configFile() {
        return home.resolve(".aws").resolve("config");
    }

    public Path credentialsFile() {
        return home.resolve(".aws").resolve("credentials");
    }

    public Path ssoCache() {
        return home.resolve(".aws").resolve("sso").resolve("cache");
    }

    public AwsHome config(String text) {
        return write(configFile(), text);
    }

    public AwsHome credentials(String text) {
        return write(credentialsFile(), text);
    }

    public AwsHome variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public AwsEnvironment environment() {
        return new AwsEnvironment(home, variables);
    }

    /** A connector over this home; regions remembered inside it; SSO calls sent to {@code sso} when given. */
    public Connector.Builder connectorBuilder(URI sso) {
        Connector.Builder b = Connector.builder().environment(environment())
                .regionMemory(new RegionMemory(home.resolve("layer-studio").resolve("regions.json")));
        if (sso != null) {
            b.ssoPortalEndpoint(sso).ssoOidcEndpoint(sso);
        }
        return b;
    }

    public Connector connector() {
        return connectorBuilder(null).build();
    }

    private AwsHome write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
