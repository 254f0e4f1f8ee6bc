package dev.layerstudio.inspect;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.List;

/**
 * What the checks look at: the scan, who owns each entry, and the target.
 *
 * @param runtime null when neither given nor found in the layer
 */
record CheckContext(LayerScan scan, String[] owners, List<PackageUsage> packages, Runtime runtime,
                    Architecture architecture) {

    List<ZipEntryInfo> entries() {
        return scan.entries();
    }

    /** The package an entry belongs to, with its version when it is a distribution. */
    String ownerLabel(int index) {
        String owner = owners[index];
        return packages.stream().filter(p -> p.name().equals(owner) && p.version() != null).findFirst()
                .map(p -> p.name() + " " + p.version()).orElse(owner);
    }
}
