package dev.layerstudio.aws;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.SsoSessionInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;

/**
 * A valid access token for an SSO session: the cached one while it lasts, refreshed
 * through SSO OIDC (with the refresh token the sign-in left in the cache) when it is
 * about to expire, and otherwise "sign in again".
 */
final class SsoTokens {

    private static final Logger LOG = LoggerFactory.getLogger(SsoTokens.class);
    /** Refresh this long before expiry (the SDK's SsoOidcTokenProvider uses the same margin). */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final SsoTokenCache cache;
    private final SsoClients clients;
    private final Clock clock;

    SsoTokens(SsoTokenCache cache, SsoClients clients, Clock clock) {
        this.cache = cache;
        this.clients = clients;
        this.clock = clock;
    }

    SsoTokenCache cache() {
        return cache;
    }

    /** Until when the cached sign-in is valid, or empty when there is none or it has expired. */
    Optional<Instant> signedInUntil(SsoSessionInfo session) {
        Instant now = clock.instant();
        return cache.read(session.cacheKey()).filter(t -> !t.expiredAt(now) || t.refreshable(now))
                .map(SsoToken::expiresAt);
    }

    synchronized String accessToken(SsoSessionInfo session) {
        Instant now = clock.instant();
        SsoToken token = cache.read(session.cacheKey()).orElseThrow(() -> notSignedIn(session));
        if (!token.expiresWithin(REFRESH_MARGIN, now)) {
            return token.accessToken();
        }
        if (token.refreshable(now)) {
            try {
                return refresh(session, token, now).accessToken();
            } catch (SsoOidcException e) {
                LOG.info("Could not refresh the SSO token of session {}: {}", session.name(), e.getMessage());
                if (token.expiredAt(now)) {
                    throw signInAgain(session, "has expired and could not be renewed", e);
                }
            } catch (RuntimeException e) {
                if (token.expiredAt(now)) {
                    throw AwsErrors.translate(e, "renew the sign-in of SSO session '" + session.name() + "'");
                }
                LOG.info("Could not refresh the SSO token of session {} yet", session.name(), e);
            }
        }
        if (token.expiredAt(now)) {
            throw signInAgain(session, "has expired", null);
        }
        return token.accessToken();
    }

    private SsoToken refresh(SsoSessionInfo session, SsoToken old, Instant now) {
        CreateTokenResponse r = clients.oidc(session.region()).createToken(b -> b
                .grantType("refresh_token")
                .clientId(old.clientId())
                .clientSecret(old.clientSecret())
                .refreshToken(old.refreshToken()));
        SsoToken fresh = new SsoToken(session.startUrl(), session.region(), r.accessToken(),
                now.plusSeconds(r.expiresIn() == null ? 3600 : r.expiresIn()),
                r.refreshToken() == null ? old.refreshToken() : r.refreshToken(),
                old.clientId(), old.clientSecret(), old.registrationExpiresAt());
        cache.write(session.cacheKey(), fresh);
        LOG.info("Renewed the SSO sign-in of session {} until {}", session.name(), fresh.expiresAt());
        return fresh;
    }

    static LayerStudioException notSignedIn(SsoSessionInfo session) {
        return new LayerStudioException("You are not signed in to SSO session '" + session.name() + "'.",
                "Sign in: " + session.loginCommand() + " (or aws sso login).", null);
    }

    static LayerStudioException signInAgain(SsoSessionInfo session, String what, Throwable cause) {
        return new LayerStudioException("The sign-in to SSO session '" + session.name() + "' " + what + ".",
                "Sign in again: " + session.loginCommand() + " (or aws sso login). If this keeps happening, "
                        + "check that this computer's clock is right.", cause);
    }
}
