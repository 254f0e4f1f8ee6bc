package dev.layerstudio.model;

import java.net.URI;

/**
 * Where the zip of a published layer version can be downloaded.
 *
 * @param url        an HTTP(S) URL that answers GET (and Range requests), valid for a few minutes
 * @param codeSha256 base64 SHA-256 of the zip, as Lambda reports it
 * @param codeSize   size of the zip in bytes
 */
public record LayerContentLocation(String layerVersionArn, URI url, String codeSha256, long codeSize) {
}
