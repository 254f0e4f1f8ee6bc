package dev.layerstudio.model;

import java.util.Objects;

/** A role (permission set) the sign-in may use in one account. */
public record SsoRole(String accountId, String roleName) {

    public SsoRole {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleName, "roleName");
    }
}
