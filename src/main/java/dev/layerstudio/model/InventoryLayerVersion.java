package dev.layerstudio.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One layer version as the organization inventory read it.
 *
 * @param arn                     the versioned ARN (account, region, name and version are in it)
 * @param codeSize                zipped size in bytes, or -1 when not known
 * @param compatibleRuntimes      declared runtimes (empty: none declared)
 * @param compatibleArchitectures declared architectures (empty: none declared)
 * @param created                 when it was published, or null
 * @param sharedWith              who else may use it ("account 111122223333", "organization o-…", "everyone"); empty: only its account
 */
public record InventoryLayerVersion(String arn, long codeSize, List<String> compatibleRuntimes,
                                    List<String> compatibleArchitectures, Instant created, List<String> sharedWith) {

    public InventoryLayerVersion {
        Objects.requireNonNull(arn, "arn");
        compatibleRuntimes = compatibleRuntimes == null ? List.of() : List.copyOf(compatibleRuntimes);
        compatibleArchitectures = compatibleArchitectures == null ? List.of() : List.copyOf(compatibleArchitectures);
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
    }

    public static InventoryLayerVersion of(LayerVersionInfo v, List<String> sharedWith) {
        return new InventoryLayerVersion(v.arn(), v.codeSize(), v.compatibleRuntimes(), v.compatibleArchitectures(),
                v.createdDate(), sharedWith);
    }

    public LayerVersionRef ref() {
        return LayerVersionRef.parse(arn);
    }

    /** The version as the attach planner knows layer versions (declared metadata). */
    public LayerVersionInfo toVersionInfo() {
        return new LayerVersionInfo(ref(), null, null, compatibleRuntimes, compatibleArchitectures, codeSize, null,
                created, null);
    }
}
