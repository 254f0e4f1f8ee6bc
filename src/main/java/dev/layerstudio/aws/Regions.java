package dev.layerstudio.aws;

import java.util.List;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/** The regions where Lambda runs, from the SDK's own region metadata. */
public final class Regions {

    private Regions() {
    }

    /** Lambda's regions in the commercial partition, sorted by id. */
    public static List<String> lambdaRegions() {
        return ServiceMetadata.of("lambda").regions().stream()
                .filter(r -> !r.isGlobalRegion())
                .filter(r -> "aws".equals(PartitionMetadata.of(r).id()))
                .map(Region::id)
                .sorted()
                .toList();
    }
}
