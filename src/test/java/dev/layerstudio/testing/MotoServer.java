package dev.layerstudio.testing;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.sandbox.MotoProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The moto server the tests run against: the app's own {@link MotoProcess}, with its
 * virtual environment (when moto is not on PATH) in the user's cache folder so that
 * {@code mvn clean} keeps it.
 */
public final class MotoServer implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";

    private final MotoProcess process;

    private MotoServer(MotoProcess process) {
        this.process = process;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        Path venvs = Path.of(System.getProperty("user.home"), ".cache", "layer-studio-test");
        Path log = Path.of("target", "moto.log");
        return new MotoServer(MotoProcess.start(venvs, log, ProgressListener.NONE));
    }

    public URI endpoint() {
        return process.endpoint();
    }

    /** Static test credentials that moto accepts. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /** A session against this server, the same code path as production otherwise. */
    public AwsSession session(String region) {
        // An empty profile file: the clients must not pick up settings from the real ~/.aws/config.
        return AwsSession.builder().credentials(credentials()).region(region).endpoint(endpoint())
                .profile("default", MotoServer::emptyProfileFile).build();
    }

    public AwsSession session() {
        return session(REGION);
    }

    private static ProfileFile emptyProfileFile() {
        return ProfileFile.builder().content(InputStream.nullInputStream()).type(ProfileFile.Type.CONFIGURATION)
                .build();
    }

    /** Clears all state. */
    public void reset() throws IOException, InterruptedException {
        process.reset();
    }

    @Override
    public void close() {
        process.close();
    }
}
