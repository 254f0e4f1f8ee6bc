package dev.layerstudio.model;

/**
 * What happened to a publish request in one region.
 *
 * @param region     the region
 * @param status     published, skipped as a duplicate, or failed
 * @param version    the new version; for a duplicate, the existing version with the same content; null on failure
 * @param upload     how the zip travelled: {@code direct}, {@code s3}, or null when nothing was sent
 * @param codeSha256 base64 SHA-256 of the zip
 * @param zipBytes   size of the zip
 * @param message    one plain sentence for the user
 */
public record PublishResult(String region, Status status, LayerVersionInfo version, String upload,
                            String codeSha256, long zipBytes, String message) {

    public enum Status {
        PUBLISHED, DUPLICATE, FAILED
    }

    public boolean ok() {
        return status != Status.FAILED;
    }
}
