package dev.layerstudio.aws;

import dev.layerstudio.model.DeviceAuthorization;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.SsoSessionInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Device-code sign-in to IAM Identity Center, the way {@code aws sso login} does it:
 * register a client, start a device authorization, let the user approve the code in
 * the browser, poll for the token as the service asks, and write it to the AWS CLI's
 * token cache.
 *
 * <p>In two steps so a window can show the code before waiting:
 * <pre>{@code
 * SsoDeviceLogin.Pending p = login.start(session);   // quick: two calls
 * show(p.authorization().userCode(), p.authorization().verificationUriComplete());
 * Instant until = login.await(p);                    // blocks; interrupt the thread to cancel
 * }</pre>
 */
public final class SsoDeviceLogin {

    private static final Logger LOG = LoggerFactory.getLogger(SsoDeviceLogin.class);
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String DEFAULT_SCOPE = "sso:account:access";
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    /** How the poll waits; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final SsoClients clients;
    private final SsoTokenCache cache;
    private final ProfileCatalogSource catalog;
    private final Clock clock;
    private final Pause pause;

    /** Where the login finds a session's registration scopes. */
    @FunctionalInterface
    interface ProfileCatalogSource {
        ProfileCatalog get();
    }

    SsoDeviceLogin(SsoClients clients, SsoTokenCache cache, ProfileCatalogSource catalog, Clock clock, Pause pause) {
        this.clients = clients;
        this.cache = cache;
        this.catalog = catalog;
        this.clock = clock;
        this.pause = pause;
    }

    /** A started sign-in: what to show the user, and what the poll needs (kept here, never shown). */
    public static final class Pending {
        private final SsoSessionInfo session;
        private final DeviceAuthorization authorization;
        private final String clientId;
        private final String clientSecret;
        private final Instant registrationExpiresAt;
        private final String deviceCode;

        private Pending(SsoSessionInfo session, DeviceAuthorization authorization, String clientId,
                String clientSecret, Instant registrationExpiresAt, String deviceCode) {
            this.session = session;
            this.authorization = authorization;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.registrationExpiresAt = registrationExpiresAt;
            this.deviceCode = deviceCode;
        }

        public SsoSessionInfo session() {
            return session;
        }

        public DeviceAuthorization authorization() {
            return authorization;
        }

        @Override
        public String toString() {
            return "Pending[" + session.name() + ", code " + authorization.userCode() + "]";
        }
    }

    /** Registers a client and starts the device authorization; returns at once with the code to show. */
    public Pending start(SsoSessionInfo session) {
        SsoOidcClient oidc = clients.oidc(session.region());
        List<String> scopes = session.legacy() ? List.of() : scopes(session);
        try {
            RegisterClientResponse reg = oidc.registerClient(b -> {
                b.clientName("layer-studio-" + clock.instant().getEpochSecond()).clientType("public");
                if (!scopes.isEmpty()) {
                    b.scopes(scopes);
                }
            });
            Instant now = clock.instant();
            StartDeviceAuthorizationResponse auth = oidc.startDeviceAuthorization(b -> b
                    .clientId(reg.clientId()).clientSecret(reg.clientSecret()).startUrl(session.startUrl()));
            Duration interval = auth.interval() == null || auth.interval() <= 0 ? DEFAULT_INTERVAL
                    : Duration.ofSeconds(auth.interval());
            URI uri = URI.create(auth.verificationUri());
            URI complete = auth.verificationUriComplete() == null ? uri : URI.create(auth.verificationUriComplete());
            DeviceAuthorization shown = new DeviceAuthorization(auth.userCode(), uri, complete,
                    now.plusSeconds(auth.expiresIn() == null ? 600 : auth.expiresIn()), interval);
            Instant regExpires = reg.clientSecretExpiresAt() == null || reg.clientSecretExpiresAt() == 0 ? null
                    : Instant.ofEpochSecond(reg.clientSecretExpiresAt());
            LOG.info("Started device sign-in for SSO session {}", session.name());
            return new Pending(session, shown, reg.clientId(), reg.clientSecret(), regExpires, auth.deviceCode());
        } catch (RuntimeException e) {
            throw SsoPortal.translate(e, session, "start signing in to SSO session '" + session.name() + "'");
        }
    }

    /**
     * Polls until the user approves the code, then writes the token to the AWS CLI's
     * cache and returns until when it is valid. Waits {@code interval} between polls,
     * five seconds more after each "slow down".
     *
     * @throws InterruptedException when the thread is interrupted (the user cancelled)
     */
    public Instant await(Pending p) throws InterruptedException {
        SsoOidcClient oidc = clients.oidc(p.session.region());
        Duration interval = p.authorization.interval();
        while (true) {
            if (!clock.instant().isBefore(p.authorization.expiresAt())) {
                throw codeExpired(p.session, null);
            }
            pause.sleep(interval);
            if (Thread.interrupted()) {
                throw new InterruptedException("Sign-in cancelled");
            }
            try {
                CreateTokenResponse r = oidc.createToken(b -> b.grantType(DEVICE_GRANT).deviceCode(p.deviceCode)
                        .clientId(p.clientId).clientSecret(p.clientSecret));
                Instant now = clock.instant();
                SsoToken token = new SsoToken(p.session.startUrl(), p.session.region(), r.accessToken(),
                        now.plusSeconds(r.expiresIn() == null ? 3600 : r.expiresIn()), r.refreshToken(),
                        p.clientId, p.clientSecret, p.registrationExpiresAt);
                cache.write(p.session.cacheKey(), token);
                LOG.info("Signed in to SSO session {} until {}", p.session.name(), token.expiresAt());
                return token.expiresAt();
            } catch (AuthorizationPendingException e) {
                LOG.debug("Sign-in to {} not approved yet", p.session.name());
            } catch (SlowDownException e) {
                interval = interval.plus(SLOW_DOWN_STEP);
                LOG.debug("SSO OIDC asked to slow down; polling every {}", interval);
            } catch (ExpiredTokenException e) {
                throw codeExpired(p.session, e);
            } catch (AccessDeniedException e) {
                throw new LayerStudioException("The sign-in to SSO session '" + p.session.name()
                        + "' was denied in the browser.", "Sign in again and choose Allow.", e);
            } catch (AbortedException e) {
                throw new InterruptedException("Sign-in cancelled");
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("Sign-in cancelled");
                }
                throw SsoPortal.translate(e, p.session, "finish signing in to SSO session '" + p.session.name() + "'");
            }
        }
    }

    /** Start and await in one go, telling {@code show} what to display in between. */
    public Instant login(SsoSessionInfo session, Consumer<DeviceAuthorization> show) throws InterruptedException {
        Pending p = start(session);
        show.accept(p.authorization());
        return await(p);
    }

    private List<String> scopes(SsoSessionInfo session) {
        return catalog.get().profileFile().getSection(ProfileCatalog.SSO_SESSION_SECTION, session.name())
                .flatMap(s -> s.property(ProfileCatalog.SSO_REGISTRATION_SCOPES))
                .map(v -> List.of(v.split("\\s*,\\s*")))
                .filter(l -> !l.isEmpty() && !l.get(0).isBlank())
                .orElse(List.of(DEFAULT_SCOPE));
    }

    private static LayerStudioException codeExpired(SsoSessionInfo session, Throwable cause) {
        return new LayerStudioException("The sign-in code for SSO session '" + session.name()
                + "' expired before it was approved.", "Sign in again and approve the code within a few minutes.",
                cause);
    }
}
