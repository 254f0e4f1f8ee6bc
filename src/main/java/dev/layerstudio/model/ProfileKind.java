package dev.layerstudio.model;

/** How a profile (or the environment) gets its credentials. */
public enum ProfileKind {
    /** aws_access_key_id and aws_secret_access_key (and perhaps aws_session_token). */
    STATIC_KEYS("access keys"),
    /** role_arn with source_profile or credential_source. */
    ASSUME_ROLE("assume role"),
    /** role_arn with web_identity_token_file. */
    WEB_IDENTITY("web identity"),
    /** credential_process: an external command prints the credentials. */
    CREDENTIAL_PROCESS("credential process"),
    /** IAM Identity Center through an [sso-session] section. */
    SSO("IAM Identity Center"),
    /** IAM Identity Center with sso_start_url in the profile itself (before sso-session). */
    SSO_LEGACY("IAM Identity Center (legacy)"),
    /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment. */
    ENVIRONMENT("environment variables"),
    /** Settings only (region, output …): no way to get credentials. */
    NO_CREDENTIALS("no credentials");

    private final String label;

    ProfileKind(String label) {
        this.label = label;
    }

    /** A few words for a list or a table. */
    public String label() {
        return label;
    }

    public boolean isSso() {
        return this == SSO || this == SSO_LEGACY;
    }
}
