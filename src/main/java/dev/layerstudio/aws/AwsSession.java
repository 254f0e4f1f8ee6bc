package dev.layerstudio.aws;

import dev.layerstudio.model.Identity;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * One connection to AWS: credentials, region and an optional endpoint. Hands out the
 * Lambda, S3, STS and IAM clients for it, created on first use, sharing one HTTP client and
 * an explicit retry mode, and closes them all together.
 *
 * <p>When the connection comes from a named profile, the clients read that profile's
 * settings (endpoint_url, retry_mode …) too, not only its credentials.
 */
public final class AwsSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AwsSession.class);
    /** The access key and secret of {@link #local} sessions: a stand-in accepts any. */
    private static final String LOCAL_KEY = "sandbox";

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private final String profileName;
    private final Supplier<ProfileFile> profileFile;
    private final RetryMode retryMode;
    private final String label;
    private final boolean s3PathStyle;
    private final List<AutoCloseable> owned;
    private final SdkHttpClient http;
    private final Timeouts timeouts;

    private LambdaClient lambda;
    private LambdaClient lambdaOnce;
    private S3Client s3;
    private StsClient sts;
    private IamClient iam;
    private ConfigClient config;
    private boolean closed;

    private AwsSession(Builder b) {
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.region = Region.of(Objects.requireNonNull(b.region, "region"));
        this.endpoint = b.endpoint;
        this.profileName = b.profileName;
        this.profileFile = b.profileFile;
        this.retryMode = b.retryMode;
        this.label = b.label != null ? b.label : profileName != null ? "profile '" + profileName + "'" : "these credentials";
        this.s3PathStyle = b.s3PathStyle != null ? b.s3PathStyle : endpoint != null;
        this.owned = List.copyOf(b.owned);
        this.timeouts = b.timeouts;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(timeouts.connect())
                .socketTimeout(timeouts.read())
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long the clients wait. A server that stops answering ends in a timeout, never a hang.
     *
     * @param connect opening a connection
     * @param read    between two reads of an answer
     * @param attempt one attempt of one call (a retry starts a new one)
     * @param call    one call with all its retries
     */
    public record Timeouts(Duration connect, Duration read, Duration attempt, Duration call) {
        public Timeouts {
            Objects.requireNonNull(connect);
            Objects.requireNonNull(read);
            Objects.requireNonNull(attempt);
            Objects.requireNonNull(call);
        }

        /** Generous enough for a 50 MB upload in one request on a slow line. */
        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5),
                    Duration.ofMinutes(15));
        }
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /**
     * A session with fixed dummy credentials against a local stand-in for AWS (moto,
     * LocalStack) at {@code endpoint}; no profile or AWS_* setting is read.
     */
    public static AwsSession local(String region, URI endpoint, String label) {
        return builder().credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCAL_KEY, LOCAL_KEY)))
                .region(region).endpoint(Objects.requireNonNull(endpoint, "endpoint"))
                .profile(LOCAL_KEY, AwsSession::emptyProfileFile).label(label).build();
    }

    private static ProfileFile emptyProfileFile() {
        return ProfileFile.builder().content(InputStream.nullInputStream()).type(ProfileFile.Type.CONFIGURATION)
                .build();
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

    /** What this session connects as, for messages: "profile 'dev'", "role Admin in account 1234 …". */
    public String label() {
        return label;
    }

    /**
     * A session like this one in another region. It has its own clients and HTTP client
     * (close it on its own) but shares the credentials, which stay owned by this
     * session: use it only while this one is open.
     */
    public AwsSession inRegion(String otherRegion) {
        return builder().credentials(credentials).region(otherRegion).endpoint(endpoint)
                .profile(profileName, profileFile).retryMode(retryMode).label(label).s3PathStyle(s3PathStyle)
                .timeouts(timeouts).build();
    }

    /**
     * Like {@link #inRegion(String)}, with another retry mode: the organization inventory reads
     * with {@link RetryMode#ADAPTIVE_V2}, which slows its own calls down when AWS throttles them.
     */
    public AwsSession inRegion(String otherRegion, RetryMode mode) {
        return builder().credentials(credentials).region(otherRegion).endpoint(endpoint)
                .profile(profileName, profileFile).retryMode(mode).label(label).s3PathStyle(s3PathStyle)
                .timeouts(timeouts).build();
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

    /**
     * A Lambda client that makes each call once, without the SDK's retries: for calls that are
     * not safe to repeat blindly (PublishLayerVersion creates a new version each time), whose
     * caller checks what happened before trying again.
     */
    public synchronized LambdaClient lambdaSingleAttempt() {
        ensureOpen();
        if (lambdaOnce == null) {
            var b = LambdaClient.builder().httpClient(http).credentialsProvider(credentials).region(region)
                    .overrideConfiguration(o -> {
                        configure(o);
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    });
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            lambdaOnce = b.build();
        }
        return lambdaOnce;
    }

    public synchronized S3Client s3() {
        ensureOpen();
        if (s3 == null) {
            var b = S3Client.builder().httpClient(http).credentialsProvider(credentials).region(region)
                    .overrideConfiguration(this::configure);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            if (s3PathStyle) {
                b.forcePathStyle(true);
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

    /** IAM, which is global: the client signs for {@code aws-global} whatever the session's region. */
    public synchronized IamClient iam() {
        ensureOpen();
        if (iam == null) {
            var b = IamClient.builder().httpClient(http).credentialsProvider(credentials).region(Region.AWS_GLOBAL)
                    .overrideConfiguration(this::configure);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            iam = b.build();
        }
        return iam;
    }

    /** AWS Config (aggregator queries of the organization inventory). */
    public synchronized ConfigClient config() {
        ensureOpen();
        if (config == null) {
            var b = ConfigClient.builder().httpClient(http).credentialsProvider(credentials).region(region)
                    .overrideConfiguration(this::configure);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            config = b.build();
        }
        return config;
    }

    /** STS GetCallerIdentity: which account and principal these credentials act as. */
    public Identity whoAmI() {
        try {
            GetCallerIdentityResponse r = sts().getCallerIdentity();
            return new Identity(r.account(), r.arn(), r.userId());
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "connect with " + label + (endpoint == null ? "" : " to " + endpoint));
        }
    }

    private void configure(ClientOverrideConfiguration.Builder o) {
        o.retryStrategy(retryMode).apiCallAttemptTimeout(timeouts.attempt()).apiCallTimeout(timeouts.call())
                .scheduledExecutorService(SdkTimers.shared());
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
        if (lambdaOnce != null) {
            lambdaOnce.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (sts != null) {
            sts.close();
        }
        if (iam != null) {
            iam.close();
        }
        if (config != null) {
            config.close();
        }
        http.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Could not close {}", c, e);
            }
        }
    }

    public static final class Builder {
        private AwsCredentialsProvider credentials;
        private String region;
        private URI endpoint;
        private String profileName;
        private Supplier<ProfileFile> profileFile;
        private RetryMode retryMode = RetryMode.STANDARD;
        private String label;
        private Boolean s3PathStyle;
        private Timeouts timeouts = Timeouts.defaults();
        private final List<AutoCloseable> owned = new ArrayList<>();

        private Builder() {
        }

        /** What the session connects as, for messages ("profile 'dev'"). */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Path-style S3 addressing (default: on when an endpoint is given). */
        public Builder s3PathStyle(boolean pathStyle) {
            this.s3PathStyle = pathStyle;
            return this;
        }

        /** Something the session closes with itself, such as a credentials provider it alone uses. */
        public Builder closeWithSession(AutoCloseable resource) {
            this.owned.add(Objects.requireNonNull(resource));
            return this;
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

        /** How long the clients wait (default {@link Timeouts#defaults()}; tests use short ones). */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts);
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
