package dev.layerstudio.aws;

import dev.layerstudio.model.Identity;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * One connection to AWS: credentials, region and an optional endpoint. Hands out the
 * Lambda, S3 and STS clients for it, created on first use, sharing one HTTP client and
 * an explicit retry mode, and closes them all together.
 *
 * <p>When the connection comes from a named profile, the clients read that profile's
 * settings (endpoint_url, retry_mode …) too, not only its credentials.
 */
public final class AwsSession implements AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private final String profileName;
    private final Supplier<ProfileFile> profileFile;
    private final RetryMode retryMode;
    private final SdkHttpClient http;

    private LambdaClient lambda;
    private S3Client s3;
    private StsClient sts;
    private boolean closed;

    private AwsSession(Builder b) {
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.region = Region.of(Objects.requireNonNull(b.region, "region"));
        this.endpoint = b.endpoint;
        this.profileName = b.profileName;
        this.profileFile = b.profileFile;
        this.retryMode = b.retryMode;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String region() {
        return region.id();
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    public Optional<String> profileName() {
        return Optional.ofNullable(profileName);
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** A session like this one in another region, sharing nothing that needs closing with it. */
    public AwsSession inRegion(String otherRegion) {
        return builder().credentials(credentials).region(otherRegion).endpoint(endpoint)
                .profile(profileName, profileFile).retryMode(retryMode).build();
    }

    public synchronized LambdaClient lambda() {
        ensureOpen();
        if (lambda == null) {
            var b = LambdaClient.builder().httpClient(http).credentialsProvider(credentials).region(region)
                    .overrideConfiguration(this::configure);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            lambda = b.build();
        }
        return lambda;
    }

    public synchronized S3Client s3() {
        ensureOpen();
        if (s3 == null) {
            var b = S3Client.builder().httpClient(http).credentialsProvider(credentials).region(region)
                    .overrideConfiguration(this::configure);
            if (endpoint != null) {
                b.endpointOverride(endpoint).forcePathStyle(true);
            }
            s3 = b.build();
        }
        return s3;
    }

    public synchronized StsClient sts() {
        ensureOpen();
        if (sts == null) {
            var b = StsClient.builder().httpClient(http).credentialsProvider(credentials).region(region)
                    .overrideConfiguration(this::configure);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            sts = b.build();
        }
        return sts;
    }

    /** STS GetCallerIdentity: which account and principal these credentials act as. */
    public Identity whoAmI() {
        try {
            GetCallerIdentityResponse r = sts().getCallerIdentity();
            return new Identity(r.account(), r.arn(), r.userId());
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "find out who you are signed in as");
        }
    }

    private void configure(ClientOverrideConfiguration.Builder o) {
        o.retryStrategy(retryMode);
        if (profileName != null && profileFile != null) {
            o.defaultProfileFileSupplier(profileFile).defaultProfileName(profileName);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This AWS session was closed.");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (lambda != null) {
            lambda.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (sts != null) {
            sts.close();
        }
        http.close();
    }

    public static final class Builder {
        private AwsCredentialsProvider credentials;
        private String region;
        private URI endpoint;
        private String profileName;
        private Supplier<ProfileFile> profileFile;
        private RetryMode retryMode = RetryMode.STANDARD;

        private Builder() {
        }

        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Read client settings from this profile of this file (both may be null). */
        public Builder profile(String name, Supplier<ProfileFile> file) {
            this.profileName = name;
            this.profileFile = file;
            return this;
        }

        public Builder retryMode(RetryMode mode) {
            this.retryMode = Objects.requireNonNull(mode);
            return this;
        }

        public AwsSession build() {
            return new AwsSession(this);
        }
    }
}
