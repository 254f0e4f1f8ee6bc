package dev.layerstudio.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/** The regions where Lambda runs, from the SDK's own region metadata. */
public final class Regions {

    private Regions() {
    }

    /**
     * Lambda's regions in the commercial partition, sorted by id; without the FIPS
     * endpoint pseudo-regions ({@code fips-us-east-1}), which are endpoints, not places.
     */
    public static List<String> lambdaRegions() {
        return ServiceMetadata.of("lambda").regions().stream()
                .filter(r -> !r.isGlobalRegion())
                .filter(r -> !r.id().startsWith("fips-") && !r.id().endsWith("-fips"))
                .filter(r -> "aws".equals(PartitionMetadata.of(r).id()))
                .map(Region::id)
                .sorted()
                .toList();
    }

    /**
     * Lambda's regions with {@code first} (the profile's region) at the top, then the
     * rest sorted. A region the metadata does not know yet (or of another partition) is
     * still put first: the SDK may simply be older than the region.
     */
    public static List<String> lambdaRegions(String first) {
        List<String> all = lambdaRegions();
        if (first == null || first.isBlank()) {
            return all;
        }
        List<String> ordered = new ArrayList<>(all.size() + 1);
        ordered.add(first.trim());
        for (String r : all) {
            if (!r.equals(first.trim())) {
                ordered.add(r);
            }
        }
        return List.copyOf(ordered);
    }

    /** Whether the SDK's metadata lists Lambda in this region (in any partition). */
    public static boolean isLambdaRegion(String region) {
        return region != null && ServiceMetadata.of("lambda").regions().stream().anyMatch(r -> r.id().equals(region));
    }
}
