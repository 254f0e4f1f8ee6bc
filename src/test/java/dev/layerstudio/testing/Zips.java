package dev.layerstudio.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small zips made in memory for tests. */
public final class Zips {

    private Zips() {
    }

    /** A zip of the given paths and UTF-8 contents, in path order. */
    public static byte[] of(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A function package with one handler. */
    public static byte[] handler() {
        return of(Map.of("lambda_function.py", "def handler(event, context):\n    return 'ok'\n"));
    }

    /** A layer with one module under python/. */
    public static byte[] layer(String module, String content) {
        return of(Map.of("python/" + module + ".py", content));
    }
}
