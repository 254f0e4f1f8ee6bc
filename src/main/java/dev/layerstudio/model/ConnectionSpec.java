package dev.layerstudio.model;

import java.net.URI;
import java.util.Objects;

/**
 * What to connect with: a profile, an IAM Identity Center account and role, the
 * environment's credentials, or the SDK's default chain; plus a region and an
 * optional endpoint (LocalStack, moto).
 *
 * @param profile    the profile name, {@link ProfileInfo#ENVIRONMENT}, or null for the
 *                   default chain (AWS_PROFILE, then "default" …); ignored when
 *                   {@code sso} is set
 * @param sso        an SSO account and role to use directly, or null
 * @param region     the region, or null for AWS_REGION / the profile's region
 * @param endpoint   an endpoint for every service, or null for the SDK's own choice
 *                   (which honours AWS_ENDPOINT_URL* and the profile's endpoint_url)
 */
public record ConnectionSpec(String profile, SsoTarget sso, String region, URI endpoint) {

    /** An account and role of an SSO session. */
    public record SsoTarget(String ssoSession, String accountId, String roleName) {
        public SsoTarget {
            Objects.requireNonNull(ssoSession, "ssoSession");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(roleName, "roleName");
        }
    }

    public ConnectionSpec {
        profile = profile == null || profile.isBlank() ? null : profile.trim();
        region = region == null || region.isBlank() ? null : region.trim();
    }

    public static ConnectionSpec profile(String profile, String region, URI endpoint) {
        return new ConnectionSpec(profile, null, region, endpoint);
    }

    public static ConnectionSpec sso(String ssoSession, String accountId, String roleName, String region,
            URI endpoint) {
        return new ConnectionSpec(null, new SsoTarget(ssoSession, accountId, roleName), region, endpoint);
    }

    public ConnectionSpec withRegion(String otherRegion) {
        return new ConnectionSpec(profile, sso, otherRegion, endpoint);
    }

    /**
     * A stable key for remembering choices (such as the region) per connection:
     * {@code profile:NAME}, {@code sso:SESSION/ACCOUNT/ROLE} or {@code default}.
     */
    public String key() {
        if (sso != null) {
            return "sso:" + sso.ssoSession() + "/" + sso.accountId() + "/" + sso.roleName();
        }
        return profile == null ? "default" : "profile:" + profile;
    }
}
