package dev.layerstudio.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers GET and HEAD for a file, honouring one byte range ({@code Range: bytes=a-b},
 * {@code bytes=a-}, {@code bytes=-n}) with 206 and Content-Range, as S3 does; other
 * Range forms get the whole file (which HTTP allows).
 */
final class RangeResponder {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangeResponder() {
    }

    static void send(HttpExchange exchange, Path file) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        long size = Files.size(file);
        var headers = exchange.getResponseHeaders();
        headers.set("Accept-Ranges", "bytes");
        headers.set("Content-Type", "application/zip");
        long[] range = range(exchange.getRequestHeaders().getFirst("Range"), size);
        if (range != null && range.length == 0) {
            headers.set("Content-Range", "bytes */" + size);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        long start = range == null ? 0 : range[0];
        long length = range == null ? size : range[1] - range[0] + 1;
        if (range != null) {
            headers.set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        }
        int status = range == null ? 200 : 206;
        if (method.equals("HEAD")) {
            headers.set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(start);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(file + " ended early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /**
     * The inclusive byte range asked for: null for the whole file (no Range, or one this
     * does not serve), an empty array when it lies outside the file.
     */
    static long[] range(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    return new long[0];
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            if (first >= size || last < first) {
                return first >= size ? new long[0] : null;
            }
            return new long[] {first, last};
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }
}
