package dev.layerstudio.model;

import java.util.Objects;

/** An AWS account that an IAM Identity Center sign-in can reach. */
public record SsoAccount(String accountId, String name, String email) {

    public SsoAccount {
        Objects.requireNonNull(accountId, "accountId");
    }

    /** "Name (123456789012)", or the id alone when the account has no name. */
    public String displayName() {
        return name == null || name.isBlank() ? accountId : name + " (" + accountId + ")";
    }
}
