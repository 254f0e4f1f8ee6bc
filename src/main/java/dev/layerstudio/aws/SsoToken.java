package dev.layerstudio.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An IAM Identity Center access token as the AWS CLI caches it. Holds secrets: it is
 * never logged ({@link #toString()} hides them) and only ever written to the token cache.
 *
 * @param refreshToken          null for legacy sign-ins, which cannot be refreshed
 * @param registrationExpiresAt when clientId/clientSecret stop working, or null
 */
public record SsoToken(String startUrl, String region, String accessToken, Instant expiresAt, String refreshToken,
        String clientId, String clientSecret, Instant registrationExpiresAt) {

    public SsoToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Expired, or expiring within {@code margin}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    /** Whether the refresh token and the client registration can still get a new access token. */
    public boolean refreshable(Instant now) {
        return refreshToken != null && clientId != null && clientSecret != null
                && (registrationExpiresAt == null || now.isBefore(registrationExpiresAt));
    }

    @Override
    public String toString() {
        return "SsoToken[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt
                + ", refreshable=" + (refreshToken != null) + "]";
    }
}
