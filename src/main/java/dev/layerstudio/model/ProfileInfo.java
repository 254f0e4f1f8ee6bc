package dev.layerstudio.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the profile list: a profile from the AWS config files, or the
 * credentials in the environment ({@link #ENVIRONMENT}).
 *
 * @param name       the profile name as written after {@code [profile ...]}
 * @param kind       how it gets credentials
 * @param region     its {@code region} setting, or null
 * @param ssoSession for SSO profiles, the SSO session it signs in through (the
 *                   sso-session name, or the start URL for legacy profiles), else null
 * @param problem    why it cannot be used, as one plain sentence, or null when usable
 */
public record ProfileInfo(String name, ProfileKind kind, String region, String ssoSession, String problem) {

    /** The name under which the environment's credentials are listed and connected. */
    public static final String ENVIRONMENT = "(environment)";

    public ProfileInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean usable() {
        return problem == null;
    }

    public Optional<String> regionSetting() {
        return Optional.ofNullable(region);
    }

    public boolean isEnvironment() {
        return kind == ProfileKind.ENVIRONMENT;
    }
}
