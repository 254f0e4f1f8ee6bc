package dev.layerstudio.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one account in one region holds, as read at one time: the unit that is read, cached and
 * refreshed. A slice that could not be read keeps its failure and no rows.
 *
 * @param accountId     the 12-digit account, or the profile's name when even that could not be learnt
 * @param accountName   the account's name, or the profile it was reached through (may equal the id)
 * @param region        the region
 * @param readAt        when it was read
 * @param functions     every function found
 * @param layerVersions every layer version found, or empty when the source does not read them
 * @param failure       why it could not be read, or null
 */
public record InventorySlice(String accountId, String accountName, String region, Instant readAt,
                             List<InventoryFunction> functions, List<InventoryLayerVersion> layerVersions,
                             InventoryFailure failure) {

    public InventorySlice {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        accountName = accountName == null ? accountId : accountName;
        functions = functions == null ? List.of() : List.copyOf(functions);
        layerVersions = layerVersions == null ? List.of() : List.copyOf(layerVersions);
    }

    public static InventorySlice failed(String accountId, String accountName, String region, Instant at,
                                        InventoryFailure failure) {
        return new InventorySlice(accountId, accountName, region, at, List.of(), List.of(),
                Objects.requireNonNull(failure));
    }

    public boolean ok() {
        return failure == null;
    }

    /** {@code account/region}. */
    public String key() {
        return accountId + "/" + region;
    }

    /** Whether {@code selector} names this slice: {@code ACCOUNT}, {@code ACCOUNT/REGION} or the account's name. */
    public boolean matches(String selector) {
        String s = selector.strip();
        int slash = s.indexOf('/');
        String account = slash < 0 ? s : s.substring(0, slash);
        boolean accountMatches = account.equals(accountId) || account.equals(accountName);
        return accountMatches && (slash < 0 || s.substring(slash + 1).equals(region));
    }
}
