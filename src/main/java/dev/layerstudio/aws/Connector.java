package dev.layerstudio.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Opens {@link AwsSession}s from the AWS config and credentials files, the way the AWS
 * CLI resolves them.
 */
public class Connector {

    private final Supplier<ProfileFile> profileFile;

    /** Reads the default files (honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE). */
    public Connector() {
        this(ProfileFile::defaultProfileFile);
    }

    public Connector(Supplier<ProfileFile> profileFile) {
        this.profileFile = profileFile;
    }

    /** Names of the profiles in the config and credentials files, sorted, "default" first. */
    public List<String> profileNames() {
        List<String> names = new ArrayList<>(profileFile.get().profiles().keySet());
        names.sort((a, b) -> a.equals("default") ? -1 : b.equals("default") ? 1 : a.compareTo(b));
        return names;
    }

    /**
     * A session for a profile (or, when {@code profile} is null or blank, the SDK's
     * default chain: environment, default profile, container and instance roles).
     */
    public AwsSession connect(String profile, String region, URI endpoint) {
        boolean named = profile != null && !profile.isBlank();
        AwsCredentialsProvider credentials = named
                ? ProfileCredentialsProvider.builder().profileFile(profileFile).profileName(profile).build()
                : DefaultCredentialsProvider.builder().build();
        return AwsSession.builder()
                .credentials(credentials)
                .region(region)
                .endpoint(endpoint)
                .profile(named ? profile : null, named ? profileFile : null)
                .build();
    }
}
