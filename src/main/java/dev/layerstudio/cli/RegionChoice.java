package dev.layerstudio.cli;

import dev.layerstudio.aws.Regions;
import java.util.List;

/** The regions an {@code --all-regions} option means. */
final class RegionChoice {

    private RegionChoice() {
    }

    /** Lambda's regions without the FIPS endpoint pseudo-regions (they are endpoints, not places). */
    static List<String> all() {
        return Regions.lambdaRegions().stream().filter(r -> !r.startsWith("fips-") && !r.endsWith("-fips")).toList();
    }
}
