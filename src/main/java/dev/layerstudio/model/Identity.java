package dev.layerstudio.model;

/** Who a connection acts as, from STS GetCallerIdentity. */
public record Identity(String accountId, String arn, String userId) {
}
