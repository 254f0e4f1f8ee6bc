package dev.layerstudio.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A layer, or one version of it, identified by its ARN:
 * {@code arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME[:VERSION]}.
 *
 * @param version the version number, or 0 for the unversioned layer ARN
 */
public record LayerVersionRef(String partition, String region, String accountId, String name, long version) {

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):lambda:([a-z0-9-]+):(\\d{12}):layer:([a-zA-Z0-9_-]+)(?::(\\d+))?");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final int MAX_NAME_LENGTH = 140;

    public LayerVersionRef {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** Parses a layer or layer version ARN; empty when the text is not one. */
    public static Optional<LayerVersionRef> tryParse(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = ARN.matcher(arn.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long version = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
        return Optional.of(new LayerVersionRef(m.group(1), m.group(2), m.group(3), m.group(4), version));
    }

    public static LayerVersionRef parse(String arn) {
        return tryParse(arn).orElseThrow(() -> new LayerStudioException(
                "'" + arn + "' is not a layer ARN. Expected arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION."));
    }

    /** Whether text looks like an ARN of a layer (versioned or not). */
    public static boolean isLayerArn(String text) {
        return tryParse(text).isPresent();
    }

    /**
     * Checks a layer name as Lambda does: letters, digits, hyphens and underscores,
     * 1 to 140 characters. Returns a plain sentence describing the problem, or empty.
     */
    public static Optional<String> validateName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("A layer name is required.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("A layer name has at most " + MAX_NAME_LENGTH + " characters; this one has "
                    + name.length() + ".");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("A layer name may contain only letters, digits, hyphens (-) and underscores (_).");
        }
        return Optional.empty();
    }

    public boolean isVersioned() {
        return version > 0;
    }

    /** The ARN of the layer itself, without a version. */
    public String layerArn() {
        return "arn:" + partition + ":lambda:" + region + ":" + accountId + ":layer:" + name;
    }

    /** The full ARN: versioned when a version is set. */
    public String arn() {
        return isVersioned() ? layerArn() + ":" + version : layerArn();
    }

    public LayerVersionRef withVersion(long newVersion) {
        return new LayerVersionRef(partition, region, accountId, name, newVersion);
    }

    /** Whether both name the same layer (any version). */
    public boolean sameLayer(LayerVersionRef other) {
        return other != null && layerArn().equals(other.layerArn());
    }

    @Override
    public String toString() {
        return arn();
    }
}
