package dev.layerstudio.model;

import java.util.Objects;

/**
 * One IAM Identity Center sign-in: an {@code [sso-session NAME]} section, or the start
 * URL of legacy SSO profiles. One sign-in reaches every account and role it grants.
 *
 * @param name     the sso-session name, or the start URL for a legacy session
 * @param startUrl the AWS access portal URL
 * @param region   the region of IAM Identity Center (sso_region)
 * @param legacy   true for profiles with sso_start_url and no sso-session
 */
public record SsoSessionInfo(String name, String startUrl, String region, boolean legacy) {

    public SsoSessionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(region, "region");
    }

    /**
     * What the AWS CLI hashes for the token cache file name: the session name, or the
     * start URL for legacy profiles.
     */
    public String cacheKey() {
        return legacy ? startUrl : name;
    }

    /** The command that signs in to this session, for hints. */
    public String loginCommand() {
        return "layer-studio login --sso-session " + (name.contains(" ") ? "\"" + name + "\"" : name);
    }
}
