package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to publish as a new layer version.
 *
 * @param zip                     the layer zip on disk
 * @param layerName               the layer's name (letters, digits, - and _)
 * @param description             optional, at most {@value Limits#MAX_DESCRIPTION_LENGTH} characters
 * @param license                 optional SPDX id or URL, at most {@value Limits#MAX_LICENSE_LENGTH} characters
 * @param compatibleRuntimes      at most {@value Limits#MAX_COMPATIBLE_RUNTIMES}
 * @param compatibleArchitectures {@code x86_64} and/or {@code arm64}
 * @param s3Bucket                bucket for zips above the direct-upload limit, or null; {@code {region}}
 *                                in the name stands for the target region (a layer's S3 source must be in
 *                                its own region)
 * @param createBucket            the user agreed that the bucket may be created when it does not exist
 * @param force                   publish even when the latest version has the same content
 */
public record PublishRequest(Path zip, String layerName, String description, String license,
                             List<String> compatibleRuntimes, List<String> compatibleArchitectures,
                             String s3Bucket, boolean createBucket, boolean force) {

    public static final String REGION_PLACEHOLDER = "{region}";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public PublishRequest {
        Objects.requireNonNull(zip, "zip");
        description = description == null ? "" : description;
        license = license == null ? "" : license;
        compatibleRuntimes = compatibleRuntimes == null ? List.of() : List.copyOf(compatibleRuntimes);
        compatibleArchitectures = compatibleArchitectures == null ? List.of() : List.copyOf(compatibleArchitectures);
        s3Bucket = s3Bucket == null || s3Bucket.isBlank() ? null : s3Bucket.trim();
    }

    public static PublishRequest of(Path zip, String layerName) {
        return new PublishRequest(zip, layerName, "", "", List.of(), List.of(), null, false, false);
    }

    public PublishRequest withDescription(String text) {
        return new PublishRequest(zip, layerName, text, license, compatibleRuntimes, compatibleArchitectures, s3Bucket,
                createBucket, force);
    }

    public PublishRequest withLicense(String text) {
        return new PublishRequest(zip, layerName, description, text, compatibleRuntimes, compatibleArchitectures,
                s3Bucket, createBucket, force);
    }

    public PublishRequest withRuntimes(List<String> runtimes) {
        return new PublishRequest(zip, layerName, description, license, runtimes, compatibleArchitectures, s3Bucket,
                createBucket, force);
    }

    public PublishRequest withArchitectures(List<String> architectures) {
        return new PublishRequest(zip, layerName, description, license, compatibleRuntimes, architectures, s3Bucket,
                createBucket, force);
    }

    public PublishRequest withS3Bucket(String bucket, boolean mayCreate) {
        return new PublishRequest(zip, layerName, description, license, compatibleRuntimes, compatibleArchitectures,
                bucket, mayCreate, force);
    }

    public PublishRequest withForce(boolean publishEvenIfSame) {
        return new PublishRequest(zip, layerName, description, license, compatibleRuntimes, compatibleArchitectures,
                s3Bucket, createBucket, publishEvenIfSame);
    }

    /** The bucket to use in a region ({@code {region}} replaced), or null when none was named. */
    public String bucketFor(String region) {
        return s3Bucket == null ? null : s3Bucket.replace(REGION_PLACEHOLDER, region);
    }

    /**
     * Everything Lambda would refuse, as plain sentences, checked without calling AWS.
     * Empty when the request may be sent.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        LayerVersionRef.validateName(layerName).ifPresent(problems::add);
        if (description.length() > Limits.MAX_DESCRIPTION_LENGTH) {
            problems.add("The description has " + description.length() + " characters; at most "
                    + Limits.MAX_DESCRIPTION_LENGTH + " are allowed.");
        }
        if (license.length() > Limits.MAX_LICENSE_LENGTH) {
            problems.add("The license has " + license.length() + " characters; at most "
                    + Limits.MAX_LICENSE_LENGTH + " are allowed.");
        }
        if (compatibleRuntimes.size() > Limits.MAX_COMPATIBLE_RUNTIMES) {
            problems.add("At most " + Limits.MAX_COMPATIBLE_RUNTIMES + " compatible runtimes may be named; "
                    + compatibleRuntimes.size() + " were.");
        }
        if (new HashSet<>(compatibleRuntimes).size() != compatibleRuntimes.size()) {
            problems.add("A compatible runtime is named twice.");
        }
        for (String r : compatibleRuntimes) {
            if (r == null || !r.matches("[a-z][a-z0-9.]*")) {
                problems.add("'" + r + "' is not a Lambda runtime identifier (such as python3.12).");
            }
        }
        if (compatibleArchitectures.size() > Limits.MAX_COMPATIBLE_ARCHITECTURES) {
            problems.add("At most " + Limits.MAX_COMPATIBLE_ARCHITECTURES + " architectures may be named.");
        }
        if (new HashSet<>(compatibleArchitectures).size() != compatibleArchitectures.size()) {
            problems.add("An architecture is named twice.");
        }
        for (String a : compatibleArchitectures) {
            if (!Architecture.ids().contains(a)) {
                problems.add("Unknown architecture '" + a + "'. Choose x86_64 or arm64.");
            }
        }
        if (s3Bucket != null && !BUCKET.matcher(s3Bucket.replace(REGION_PLACEHOLDER, "us-east-1")).matches()) {
            problems.add("'" + s3Bucket + "' is not a valid S3 bucket name (3-63 lower-case letters, digits, dots"
                    + " and hyphens).");
        }
        return problems;
    }

    /** Throws a {@link LayerStudioException} listing every problem, if there is any. */
    public PublishRequest validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new LayerStudioException(String.join(" ", problems),
                    "Nothing was published; correct the request and try again.", null);
        }
        return this;
    }
}
