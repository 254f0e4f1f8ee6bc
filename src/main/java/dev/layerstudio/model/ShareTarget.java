package dev.layerstudio.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a layer version is shared with: one account, the accounts of one organization, or
 * everyone.
 *
 * @param kind account, organization or everyone
 * @param id   the 12-digit account id, or the organization id ({@code o-...}); null for everyone
 */
public record ShareTarget(Kind kind, String id) {

    public enum Kind {
        ACCOUNT, ORGANIZATION, EVERYONE
    }

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");

    public ShareTarget {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case ACCOUNT -> {
                if (id == null || !ACCOUNT.matcher(id).matches()) {
                    throw new LayerStudioException("'" + id + "' is not an AWS account id (12 digits).");
                }
            }
            case ORGANIZATION -> {
                if (id == null || !ORGANIZATION.matcher(id).matches()) {
                    throw new LayerStudioException("'" + id + "' is not an organization id (o- and 10 to 32"
                            + " lower-case letters or digits).");
                }
            }
            case EVERYONE -> id = null;
        }
    }

    public static ShareTarget account(String accountId) {
        return new ShareTarget(Kind.ACCOUNT, accountId);
    }

    public static ShareTarget organization(String organizationId) {
        return new ShareTarget(Kind.ORGANIZATION, organizationId);
    }

    public static ShareTarget everyone() {
        return new ShareTarget(Kind.EVERYONE, null);
    }

    /** The principal Lambda expects: the account id, or {@code *}. */
    public String principal() {
        return kind == Kind.ACCOUNT ? id : "*";
    }

    /** The organization id to send, or null. */
    public String organizationId() {
        return kind == Kind.ORGANIZATION ? id : null;
    }

    /** The statement id Layer Studio gives this grant, so it can be found and revoked. */
    public String statementId() {
        return switch (kind) {
            case ACCOUNT -> "layer-studio-account-" + id;
            case ORGANIZATION -> "layer-studio-org-" + id;
            case EVERYONE -> "layer-studio-public";
        };
    }

    public String describe() {
        return switch (kind) {
            case ACCOUNT -> "account " + id;
            case ORGANIZATION -> "organization " + id;
            case EVERYONE -> "everyone (public)";
        };
    }
}
