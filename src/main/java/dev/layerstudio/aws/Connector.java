package dev.layerstudio.aws;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.model.ProfileKind;
import dev.layerstudio.model.SsoSessionInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Opens {@link AwsSession}s the way the AWS CLI resolves them: from a profile of the
 * AWS config and credentials files, from the environment's credentials, or from an
 * IAM Identity Center account and role picked from one sign-in. Also the way in to the
 * profile list ({@link #catalog()}), the SSO portal ({@link #sso()}), the device-code
 * sign-in ({@link #deviceLogin()}) and the regions, with the last choice remembered.
 *
 * <p>Close it when the app ends (it holds the SSO clients).
 */
public class Connector implements AutoCloseable {

    static final String FALLBACK_REGION = "us-east-1";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private final AwsEnvironment env;
    private final Supplier<ProfileFile> fixedProfileFile;
    private final SsoClients ssoClients;
    private final SsoPortal portal;
    private final SsoDeviceLogin deviceLogin;
    private final RegionMemory regionMemory;

    /** The real AWS files, environment and token cache; regions remembered in the app's settings folder. */
    public Connector() {
        this(builder());
    }

    /** Profiles from {@code profileFile} instead of the AWS files (everything else as {@link #Connector()}). */
    public Connector(Supplier<ProfileFile> profileFile) {
        this(builder().profileFile(profileFile));
    }

    private Connector(Builder b) {
        this.env = b.env != null ? b.env : AwsEnvironment.system();
        this.fixedProfileFile = b.profileFile;
        this.regionMemory = b.regionMemory != null ? b.regionMemory : RegionMemory.inSettings(AppDirs.current());
        Clock clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.ssoClients = new SsoClients(b.ssoPortalEndpoint, b.ssoOidcEndpoint, () -> catalog().profileFile());
        SsoTokenCache cache = new SsoTokenCache(b.ssoCacheDir != null ? b.ssoCacheDir : env.ssoCacheDir());
        SsoTokens tokens = new SsoTokens(cache, ssoClients, clock);
        this.portal = new SsoPortal(ssoClients, tokens);
        this.deviceLogin = new SsoDeviceLogin(ssoClients, cache, this::catalog, clock,
                b.pause != null ? b.pause : SsoDeviceLogin.Pause.SLEEP);
    }

    public static Builder builder() {
        return new Builder();
    }

    public AwsEnvironment environment() {
        return env;
    }

    /** The profiles as the files say now (read again on every call, so edits show up). */
    public ProfileCatalog catalog() {
        return fixedProfileFile != null ? ProfileCatalog.of(fixedProfileFile.get(), env) : ProfileCatalog.load(env);
    }

    /** Names of the profiles in the config and credentials files, sorted, "default" first. */
    public List<String> profileNames() {
        return catalog().profileNames();
    }

    /** Every profile with its kind and problem, then the environment's credentials when set. */
    public List<ProfileInfo> profiles() {
        return catalog().profiles();
    }

    public List<SsoSessionInfo> ssoSessions() {
        return catalog().ssoSessions();
    }

    /** An SSO session by name (or a legacy profile's start URL). */
    public SsoSessionInfo ssoSession(String name) {
        return catalog().ssoSession(name);
    }

    /**
     * The SSO session meant by a command line: the one named, else the one the profile
     * signs in through, else the only one there is.
     */
    public SsoSessionInfo chooseSsoSession(String sessionName, String profile) {
        ProfileCatalog c = catalog();
        if (sessionName != null && !sessionName.isBlank()) {
            return c.ssoSession(sessionName.trim());
        }
        String p = profile != null && !profile.isBlank() ? profile : env.profile();
        if (p != null) {
            Optional<ProfileInfo> info = c.find(p);
            if (info.isEmpty()) {
                c.require(p); // throws: no such profile, with the names there are
            }
            return c.ssoSessionOf(info.orElseThrow());
        }
        List<SsoSessionInfo> all = c.ssoSessions();
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new LayerStudioException("There is no SSO session in " + env.configFile() + ".",
                    "Add an [sso-session NAME] section with sso_start_url and sso_region (aws configure sso does this).",
                    null);
        }
        throw new LayerStudioException("There are several SSO sessions: "
                + String.join(", ", all.stream().map(SsoSessionInfo::name).toList()) + ".",
                "Choose one with --sso-session.", null);
    }

    /** Accounts, roles and role credentials of IAM Identity Center. */
    public SsoPortal sso() {
        return portal;
    }

    /** Device-code sign-in that writes the AWS CLI's token cache. */
    public SsoDeviceLogin deviceLogin() {
        return deviceLogin;
    }

    public RegionMemory regionMemory() {
        return regionMemory;
    }

    /** Lambda's regions, the profile's own region first. */
    public List<String> regions(String profile) {
        return Regions.lambdaRegions(profileRegion(catalog(), profile).orElse(null));
    }

    /**
     * The region to preselect for a connection: the one last chosen for it, else
     * AWS_REGION, else the profile's region (for SSO, the sign-in's region), else us-east-1.
     */
    public String preferredRegion(ConnectionSpec spec) {
        return regionMemory.recall(spec.key())
                .or(() -> Optional.ofNullable(env.region()))
                .or(() -> spec.sso() == null ? profileRegion(catalog(), spec.profile())
                        : catalog().ssoSessions().stream().filter(s -> s.name().equals(spec.sso().ssoSession()))
                        .map(SsoSessionInfo::region).findFirst())
                .orElse(FALLBACK_REGION);
    }

    /** Remembers the region chosen for a connection (saved in the settings folder). */
    public void rememberRegion(ConnectionSpec spec, String region) {
        regionMemory.remember(spec.key(), region);
    }

    /**
     * The region to use when none was chosen: AWS_REGION, AWS_DEFAULT_REGION, else the
     * profile's {@code region} setting.
     */
    public String defaultRegion(String profile) {
        if (env.region() != null) {
            return env.region();
        }
        return profileRegion(catalog(), profile).orElseThrow(() -> noRegion(profile));
    }

    /**
     * A session for a profile (or, when {@code profile} is null or blank, AWS_PROFILE,
     * then the environment's credentials, then the "default" profile, then the SDK's
     * default chain), in {@code region} (or AWS_REGION, else the profile's region), with
     * an optional endpoint for every service.
     */
    public AwsSession connect(String profile, String region, URI endpoint) {
        return connect(ConnectionSpec.profile(profile, region, endpoint));
    }

    public AwsSession connect(ConnectionSpec spec) {
        ProfileCatalog c = catalog();
        if (spec.sso() != null) {
            return connectSso(c, spec);
        }
        String profile = spec.profile() != null ? spec.profile() : env.profile();
        if (profile == null) {
            if (c.environmentProfile().isPresent()) {
                profile = ProfileInfo.ENVIRONMENT;
            } else if (c.find("default").isPresent()) {
                profile = "default";
            } else {
                return connectDefaultChain(c, spec);
            }
        }
        ProfileInfo info = c.require(profile);
        String region = region(spec.region(), profileRegion(c, profile), profile);
        AwsSession.Builder b = AwsSession.builder().region(region).endpoint(spec.endpoint())
                .s3PathStyle(pathStyle(c, spec.endpoint(), info.isEnvironment() ? settingsProfile(c) : profile));
        if (info.isEnvironment()) {
            return b.credentials(environmentCredentials()).label("the environment's credentials")
                    .profile(settingsProfile(c), c::profileFile).build();
        }
        b.label("profile '" + profile + "'").profile(profile, c::profileFile);
        if (info.kind().isSso()) {
            Profile p = c.sdkProfile(profile).orElseThrow();
            SsoPortal.RoleCredentialsProvider credentials = portal.roleCredentials(c.ssoSessionOf(info),
                    p.property(ProfileProperty.SSO_ACCOUNT_ID).orElseThrow(),
                    p.property(ProfileProperty.SSO_ROLE_NAME).orElseThrow());
            return b.credentials(credentials).closeWithSession(credentials).build();
        }
        ProfileFile file = c.profileFile();
        ProfileCredentialsProvider credentials = ProfileCredentialsProvider.builder()
                .profileFile(() -> file).profileName(profile).build();
        return b.credentials(credentials).closeWithSession(credentials).build();
    }

    private AwsSession connectSso(ProfileCatalog c, ConnectionSpec spec) {
        ConnectionSpec.SsoTarget t = spec.sso();
        SsoSessionInfo session = c.ssoSession(t.ssoSession());
        String region = spec.region() != null ? checkRegion(spec.region())
                : env.region() != null ? checkRegion(env.region()) : session.region();
        SsoPortal.RoleCredentialsProvider credentials = portal.roleCredentials(session, t.accountId(), t.roleName());
        String settings = settingsProfile(c);
        return AwsSession.builder().region(region).endpoint(spec.endpoint())
                .s3PathStyle(pathStyle(c, spec.endpoint(), settings))
                .credentials(credentials).closeWithSession(credentials)
                .label("role " + t.roleName() + " in account " + t.accountId())
                .profile(settings, c::profileFile)
                .build();
    }

    private AwsSession connectDefaultChain(ProfileCatalog c, ConnectionSpec spec) {
        String region = region(spec.region(), Optional.empty(), null);
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        return AwsSession.builder().region(region).endpoint(spec.endpoint())
                .s3PathStyle(pathStyle(c, spec.endpoint(), "default"))
                .credentials(credentials).closeWithSession(credentials)
                .label("the default credentials (no profile chosen)")
                .profile("default", c::profileFile)
                .build();
    }

    private String region(String explicit, Optional<String> fromProfile, String profile) {
        if (explicit != null) {
            return checkRegion(explicit);
        }
        if (env.region() != null) {
            return checkRegion(env.region());
        }
        return checkRegion(fromProfile.orElseThrow(() -> noRegion(profile)));
    }

    private static String checkRegion(String region) {
        if (!REGION.matcher(region).matches()) {
            throw new LayerStudioException("'" + region + "' is not an AWS region.",
                    "Use a region id such as us-east-1 or eu-west-1.", null);
        }
        return region;
    }

    private LayerStudioException noRegion(String profile) {
        String who = profile == null || ProfileInfo.ENVIRONMENT.equals(profile) ? "this connection"
                : "profile '" + profile + "'";
        return new LayerStudioException("No region was chosen for " + who + ".",
                "Pass --region, set AWS_REGION, or add region = ... to the profile.", null);
    }

    private Optional<String> profileRegion(ProfileCatalog c, String profile) {
        if (profile == null || ProfileInfo.ENVIRONMENT.equals(profile)) {
            return c.sdkProfile(settingsProfile(c)).flatMap(p -> p.property(ProfileProperty.REGION));
        }
        return c.sdkProfile(profile).flatMap(p -> p.property(ProfileProperty.REGION));
    }

    /** The profile whose settings (endpoint_url, retry_mode …) apply when no profile was chosen. */
    private String settingsProfile(ProfileCatalog c) {
        String p = env.profile();
        return p != null ? p : "default";
    }

    /** Path-style S3 when the endpoint is not AWS's: given here, in AWS_ENDPOINT_URL(_S3), or the profile's endpoint_url. */
    private boolean pathStyle(ProfileCatalog c, URI endpoint, String profile) {
        if (endpoint != null || env.endpointVariableSet("S3")) {
            return true;
        }
        return profile != null && c.sdkProfile(profile).flatMap(p -> p.property(ProfileProperty.ENDPOINT_URL))
                .isPresent();
    }

    private AwsCredentialsProvider environmentCredentials() {
        String key = env.variable("AWS_ACCESS_KEY_ID");
        String secret = env.variable("AWS_SECRET_ACCESS_KEY");
        String token = env.variable("AWS_SESSION_TOKEN");
        AwsCredentials credentials = token == null ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, token);
        return StaticCredentialsProvider.create(credentials);
    }

    @Override
    public void close() {
        ssoClients.close();
    }

    /** For tests and special set-ups: every place the connector reads from can be replaced. */
    public static final class Builder {
        private AwsEnvironment env;
        private Supplier<ProfileFile> profileFile;
        private java.nio.file.Path ssoCacheDir;
        private URI ssoPortalEndpoint;
        private URI ssoOidcEndpoint;
        private RegionMemory regionMemory;
        private Clock clock;
        private SsoDeviceLogin.Pause pause;

        private Builder() {
        }

        /** The home folder and the AWS_* variables (default: the real ones). */
        public Builder environment(AwsEnvironment env) {
            this.env = env;
            return this;
        }

        /** Profiles from here instead of the files the environment names. */
        public Builder profileFile(Supplier<ProfileFile> profileFile) {
            this.profileFile = profileFile;
            return this;
        }

        /** The SSO token cache folder (default: ~/.aws/sso/cache of the environment's home). */
        public Builder ssoCacheDir(java.nio.file.Path dir) {
            this.ssoCacheDir = dir;
            return this;
        }

        /** Send SSO portal calls here (default: the SDK's endpoint for the session's region). */
        public Builder ssoPortalEndpoint(URI endpoint) {
            this.ssoPortalEndpoint = endpoint;
            return this;
        }

        /** Send SSO OIDC calls here (default: the SDK's endpoint for the session's region). */
        public Builder ssoOidcEndpoint(URI endpoint) {
            this.ssoOidcEndpoint = endpoint;
            return this;
        }

        public Builder regionMemory(RegionMemory memory) {
            this.regionMemory = memory;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How the device sign-in waits between polls. */
        public Builder pause(SsoDeviceLogin.Pause pause) {
            this.pause = pause;
            return this;
        }

        public Connector build() {
            return new Connector(this);
        }
    }
}
