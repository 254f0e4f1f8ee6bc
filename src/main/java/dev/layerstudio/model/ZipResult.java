package dev.layerstudio.model;

import java.nio.file.Path;

/**
 * A layer zip as written.
 *
 * @param sha256Hex      SHA-256 of the zip bytes, lowercase hex
 * @param codeSha256     the same digest in base64, as Lambda reports it ({@code CodeSha256})
 * @param zippedBytes    size of the zip file
 * @param unzippedBytes  size of the files inside, uncompressed
 * @param entries        entries in the zip, folders included
 * @param files          files in the zip
 */
public record ZipResult(Path output, String sha256Hex, String codeSha256, long zippedBytes, long unzippedBytes,
                        int entries, int files) {
}
