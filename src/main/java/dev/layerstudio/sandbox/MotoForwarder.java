package dev.layerstudio.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Passes one request from the sandbox's front on to moto as it came (method, path,
 * query, headers, body, streamed) and moto's answer back the same way.
 */
final class MotoForwarder {

    /** Headers that belong to one connection, or that the HTTP client sets itself. */
    private static final Set<String> REQUEST_SKIP = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");
    private static final Set<String> RESPONSE_SKIP = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "date");

    private final URI moto;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    MotoForwarder(URI moto) {
        this.moto = moto;
    }

    URI moto() {
        return moto;
    }

    /** Sends the exchange's request to moto with its body streamed through. */
    HttpResponse<InputStream> forward(HttpExchange ex) throws IOException, InterruptedException {
        return http.send(request(ex, null, streamedBody(ex)), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Sends the exchange's request to moto with {@code body} (already read) and reads the whole answer. */
    HttpResponse<byte[]> forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        return forward(ex, null, body);
    }

    /** As {@link #forward(HttpExchange, byte[])}, to {@code path} (raw, no query) unless null. */
    HttpResponse<byte[]> forward(HttpExchange ex, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(request(ex, path, publisher), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Reads an S3 object from moto (path-style; moto does not check the signature, only its scope). */
    HttpResponse<InputStream> getObject(String bucket, String key, String versionId, String region)
            throws IOException, InterruptedException {
        String url = moto + "/" + encode(bucket) + "/" + encode(key).replace("%2F", "/")
                + (versionId == null ? "" : "?versionId=" + encode(versionId));
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=sandbox/20250101/" + region
                        + "/s3/aws4_request, SignedHeaders=host, Signature=0").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest request(HttpExchange ex, String path, HttpRequest.BodyPublisher body) {
        URI in = ex.getRequestURI();
        String target = moto + (path != null ? path
                : in.getRawPath() + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).method(ex.getRequestMethod(), body);
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            if (!REQUEST_SKIP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                h.getValue().forEach(v -> b.header(h.getKey(), v));
            }
        }
        return b.build();
    }

    private static HttpRequest.BodyPublisher streamedBody(HttpExchange ex) {
        Headers h = ex.getRequestHeaders();
        String length = h.getFirst("Content-Length");
        var stream = HttpRequest.BodyPublishers.ofInputStream(ex::getRequestBody);
        if (length != null) {
            long n = Long.parseLong(length.trim());
            return n == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.fromPublisher(stream, n);
        }
        String chunked = h.getFirst("Transfer-Encoding");
        return chunked != null && chunked.toLowerCase(Locale.ROOT).contains("chunked") ? stream
                : HttpRequest.BodyPublishers.noBody();
    }

    /** Sends moto's answer back, its body streamed. */
    static void relay(HttpExchange ex, HttpResponse<InputStream> r) throws IOException {
        copyHeaders(r.headers(), ex.getResponseHeaders());
        long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = r.body()) {
            if (ex.getRequestMethod().equals("HEAD") || noBody(r.statusCode())) {
                if (length >= 0 && !noBody(r.statusCode())) {
                    ex.getResponseHeaders().set("Content-Length", Long.toString(length));
                }
                ex.sendResponseHeaders(r.statusCode(), -1);
                return;
            }
            ex.sendResponseHeaders(r.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
            if (length != 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }
    }

    /** Sends an answer of moto's with another body. */
    static void relay(HttpExchange ex, HttpResponse<?> r, byte[] body) throws IOException {
        copyHeaders(r.headers(), ex.getResponseHeaders());
        if (ex.getRequestMethod().equals("HEAD") || noBody(r.statusCode()) || body.length == 0) {
            ex.sendResponseHeaders(r.statusCode(), -1);
            return;
        }
        ex.sendResponseHeaders(r.statusCode(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** A 502 that says what went wrong, in the JSON error shape the AWS SDK reads. */
    static void badGateway(HttpExchange ex, String message) throws IOException {
        byte[] body = ("{\"Type\":\"Service\",\"message\":" + jsonString(message) + "}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("x-amzn-ErrorType", "ServiceException");
        ex.sendResponseHeaders(502, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void copyHeaders(HttpHeaders from, Headers to) {
        from.map().forEach((name, values) -> {
            if (!name.startsWith(":") && !RESPONSE_SKIP.contains(name.toLowerCase(Locale.ROOT))) {
                to.put(name, List.copyOf(values));
            }
        });
    }

    private static boolean noBody(int status) {
        return status == 204 || status == 304 || status < 200;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
