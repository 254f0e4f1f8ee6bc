package dev.layerstudio.model;

import java.util.Objects;

/**
 * One account the inventory reads, and how to reach it.
 *
 * @param accountId the 12-digit id, or null when it is learnt on connecting (a profile)
 * @param name      the account's name, or the profile's
 * @param spec      the connection (an SSO account and role, or a profile), without a region
 * @param failure   why it cannot be read at all (no role to use, say), or null
 */
public record InventoryAccount(String accountId, String name, ConnectionSpec spec, InventoryFailure failure) {

    public InventoryAccount {
        Objects.requireNonNull(name, "name");
        if (failure == null) {
            Objects.requireNonNull(spec, "spec");
        }
    }
}
