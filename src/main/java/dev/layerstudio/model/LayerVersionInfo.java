package dev.layerstudio.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One published version of a layer, as Lambda describes it.
 *
 * @param ref                     the versioned ARN, parsed
 * @param description             may be empty, never null
 * @param license                 may be empty, never null
 * @param compatibleRuntimes      empty when the version names none (then it claims no restriction)
 * @param compatibleArchitectures empty when the version names none
 * @param codeSize                zipped size in bytes, or -1 when not known (list calls do not say)
 * @param codeSha256              base64 of the SHA-256 of the zip, or null when not known
 * @param createdDate             when it was published, or null
 * @param location                where the zip can be downloaded (a pre-signed URL valid for minutes), or null
 */
public record LayerVersionInfo(LayerVersionRef ref, String description, String license,
                               List<String> compatibleRuntimes, List<String> compatibleArchitectures,
                               long codeSize, String codeSha256, Instant createdDate, String location) {

    public LayerVersionInfo {
        Objects.requireNonNull(ref, "ref");
        if (!ref.isVersioned()) {
            throw new IllegalArgumentException("A layer version needs a versioned ARN: " + ref);
        }
        description = description == null ? "" : description;
        license = license == null ? "" : license;
        compatibleRuntimes = compatibleRuntimes == null ? List.of() : List.copyOf(compatibleRuntimes);
        compatibleArchitectures = compatibleArchitectures == null ? List.of() : List.copyOf(compatibleArchitectures);
    }

    public String arn() {
        return ref.arn();
    }

    public String layerArn() {
        return ref.layerArn();
    }

    public String name() {
        return ref.name();
    }

    public long version() {
        return ref.version();
    }

    public String region() {
        return ref.region();
    }

    /** Whether a function on this runtime may use the version (true when the version names no runtimes). */
    public boolean supportsRuntime(String runtime) {
        return runtime == null || compatibleRuntimes.isEmpty() || compatibleRuntimes.contains(runtime);
    }

    /** Whether a function on this architecture may use the version (true when the version names none). */
    public boolean supportsArchitecture(String architecture) {
        return architecture == null || compatibleArchitectures.isEmpty()
                || compatibleArchitectures.contains(architecture);
    }

    /** The same version with content details (size, SHA, location) filled in from a fuller answer. */
    public LayerVersionInfo withContent(long size, String sha256, String contentLocation) {
        return new LayerVersionInfo(ref, description, license, compatibleRuntimes, compatibleArchitectures, size,
                sha256, createdDate, contentLocation);
    }
}
