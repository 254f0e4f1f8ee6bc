package dev.layerstudio.model;

/**
 * Lambda's size and count limits (see AWS-FACTS.md). The defaults are the documented
 * values; {@code GetAccountSettings} may report the account's own, which then win.
 *
 * @param directUploadZipBytes largest zip that may be sent in the request itself
 * @param unzippedTotalBytes   function code plus all of its layers, unzipped
 * @param maxLayersPerFunction how many layers one function may use
 * @param codeStorageBytes     code storage per region
 */
public record Limits(long directUploadZipBytes, long unzippedTotalBytes, int maxLayersPerFunction,
                     long codeStorageBytes) {

    public static final long DIRECT_UPLOAD_ZIP_BYTES = 52_428_800L;
    public static final long UNZIPPED_TOTAL_BYTES = 262_144_000L;
    public static final int MAX_LAYERS_PER_FUNCTION = 5;
    public static final long CODE_STORAGE_BYTES = 75L * 1024 * 1024 * 1024;

    public static final int MAX_DESCRIPTION_LENGTH = 256;
    public static final int MAX_LICENSE_LENGTH = 512;
    public static final int MAX_COMPATIBLE_RUNTIMES = 15;
    public static final int MAX_COMPATIBLE_ARCHITECTURES = 2;

    public static Limits defaults() {
        return new Limits(DIRECT_UPLOAD_ZIP_BYTES, UNZIPPED_TOTAL_BYTES, MAX_LAYERS_PER_FUNCTION,
                CODE_STORAGE_BYTES);
    }
}
