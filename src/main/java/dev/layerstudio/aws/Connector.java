package dev.layerstudio.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import dev.layerstudio.model.LayerStudioException;
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
     * The region to use when none was chosen: AWS_REGION, AWS_DEFAULT_REGION, else the
     * profile's {@code region} setting.
     */
    public String defaultRegion(String profile) {
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return profileFile.get().profile(profile).flatMap(p -> p.property("region"))
                .orElseThrow(() -> new LayerStudioException("No region was chosen for profile '" + profile + "'.",
                        "Pass --region, set AWS_REGION, or add region = ... to the profile.", null));
    }

    /**
     * A session for a profile (or, when {@code profile} is null or blank, the SDK's
     * default chain: environment, default profile, container and instance roles).
     */
    public AwsSession connect(String profile, String region, URI endpoint) {
        if (profile == null || profile.isBlank()) {
            profile = System.getenv("AWS_PROFILE");
        }
        boolean named = profile != null && !profile.isBlank();
        if (region == null || region.isBlank()) {
            region = defaultRegion(named ? profile : "default");
        }
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
