package dev.layerstudio.model;

/**
 * One statement of a layer version's policy.
 *
 * @param statementId the statement's id, used to revoke it
 * @param target      who it grants access to, or null when the statement has an unusual shape
 * @param action      the action granted (normally {@code lambda:GetLayerVersion})
 */
public record LayerPermission(String statementId, ShareTarget target, String action) {

    public String describe() {
        return target == null ? "an unrecognised principal" : target.describe();
    }
}
