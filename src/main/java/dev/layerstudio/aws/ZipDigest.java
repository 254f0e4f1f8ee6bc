package dev.layerstudio.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The fingerprint Lambda gives layer content: base64 of the SHA-256 of the zip's bytes. */
public final class ZipDigest {

    private ZipDigest() {
    }

    /** Base64 SHA-256 of the file, as in {@code Content.CodeSha256}. */
    public static String sha256Base64(Path zip) {
        return Base64.getEncoder().encodeToString(sha256(zip));
    }

    /** The same digest in hex, from its base64 form. */
    public static String hex(String sha256Base64) {
        return java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(sha256Base64));
    }

    private static byte[] sha256(Path zip) {
        MessageDigest md = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(zip)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return md.digest();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
