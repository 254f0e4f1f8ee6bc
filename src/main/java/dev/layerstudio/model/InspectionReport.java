package dev.layerstudio.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything the inspector found out about one layer: what is in it, what it costs
 * against Lambda's limits, and what is wrong with it.
 *
 * @param source          the zip or folder path, or the layer version ARN
 * @param sha256          base64 SHA-256 of the zip bytes, comparable to Lambda's {@code CodeSha256};
 *                        null for a folder
 * @param runtime         the runtime the layer was checked against, null when none was given or found
 * @param zippedBytes     size of the zip; for a folder, what deflating its files would give
 * @param zippedEstimated true when {@code zippedBytes} is an estimate (a folder)
 * @param entryCount      every entry, folders included
 * @param fileCount       files and symlinks
 * @param pythonVersions  the X.Y of every {@code python/lib/pythonX.Y} folder
 * @param entries         every entry, in zip order
 * @param packages        installed distributions and own-code folders, largest first
 * @param sizeTree        the size tree by folder, for a treemap
 * @param topConsumers    the largest files, largest first
 * @param notes           plain sentences about how the inspection was done (what was assumed or skipped)
 * @param fetchedBytes    bytes downloaded to inspect a published version (0 when local or cached)
 */
public record InspectionReport(String source, SourceKind sourceKind, String sha256, Runtime runtime,
                               Architecture architecture, long zippedBytes, boolean zippedEstimated,
                               long unzippedBytes, int entryCount, int fileCount, LayerLayout layout,
                               List<String> pythonVersions, List<ZipEntryInfo> entries,
                               List<PackageUsage> packages, SizeNode sizeTree, List<SizeItem> topConsumers,
                               List<LimitCheck> limits, List<Finding> findings, ImportCheck importCheck,
                               List<String> notes, long fetchedBytes) {

    public InspectionReport {
        pythonVersions = List.copyOf(pythonVersions);
        entries = List.copyOf(entries);
        packages = List.copyOf(packages);
        topConsumers = List.copyOf(topConsumers);
        limits = List.copyOf(limits);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public List<Finding> findings(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }

    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public Optional<LimitCheck> limit(String name) {
        return limits.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<PackageUsage> pkg(String name) {
        return packages.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }
}
