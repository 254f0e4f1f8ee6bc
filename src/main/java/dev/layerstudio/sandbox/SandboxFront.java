package dev.layerstudio.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's own HTTP server on 127.0.0.1, in front of its moto: every request goes
 * through to moto unchanged, but the zip of each layer version published through it is
 * kept ({@link LayerZipStore}), and moto's bare {@code "s3://"} location of those
 * versions becomes a link to this server, which serves the zip with Range requests.
 * So published sandbox content can be inspected, diffed and checked like AWS's.
 */
public final class SandboxFront implements AutoCloseable {

    static final String CONTENT_PATH = "/sandbox-content/";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxFront.class);
    private static final Pattern LAYERS = Pattern.compile("/[^/]+/layers(/.*)?");
    private static final Pattern PUBLISH = Pattern.compile("/[^/]+/layers/([^/]+)/versions/?");
    private static final Pattern VERSION = Pattern.compile("/[^/]+/layers/([^/]+)/versions/(\\d+)/?");
    private static final Pattern INVOKE = Pattern.compile("/[^/]+/functions/[^/]+/invocations/?");
    private static final String CANNOT_RUN = "{\"errorType\":\"Sandbox\",\"errorMessage\":\"The local sandbox"
            + " cannot run functions (its moto would need Docker); test in an AWS account.\"}";
    private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[^/]*/[^/]*/([^/]+)/");

    private final HttpServer server;
    private final ExecutorService threads;
    private final MotoForwarder moto;
    private final LayerZipStore store;
    private final URI endpoint;

    private SandboxFront(HttpServer server, ExecutorService threads, MotoForwarder moto, LayerZipStore store) {
        this.server = server;
        this.threads = threads;
        this.moto = moto;
        this.store = store;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts a front for the moto at {@code moto}, on a free port, keeping zips in
     * {@code contentDir} (emptied now, removed again on close).
     */
    public static SandboxFront start(URI moto, Path contentDir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-front-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SandboxFront front = new SandboxFront(server, threads, new MotoForwarder(moto), new LayerZipStore(contentDir));
        server.createContext("/", front::handle);
        server.setExecutor(threads);
        server.start();
        LOG.info("Sandbox front at {} for moto at {}", front.endpoint, moto);
        return front;
    }

    /** Where the sandbox answers: every AWS call goes here. */
    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every kept zip (after moto was emptied). */
    public void clear() {
        store.clear();
    }

    /** The link this front gives for a layer version's zip. */
    URI link(String layerVersionArn) {
        return URI.create(endpoint + CONTENT_PATH + URLEncoder.encode(layerVersionArn, StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        try {
            if (path.startsWith(CONTENT_PATH)) {
                serveZip(ex, URLDecoder.decode(path.substring(CONTENT_PATH.length()), StandardCharsets.UTF_8));
            } else if (method.equals("POST") && PUBLISH.matcher(path).matches()) {
                publish(ex);
            } else if (method.equals("POST") && INVOKE.matcher(path).matches()) {
                cannotRun(ex);
            } else if (method.equals("GET") && LAYERS.matcher(path).matches()) {
                HttpResponse<byte[]> r = moto.forward(ex, byArn(ex).orElse(null), new byte[0]);
                MotoForwarder.relay(ex, r, ok(r) ? withLinks(r.body()) : r.body());
            } else {
                HttpResponse<InputStream> r = moto.forward(ex);
                if (ok(r)) {
                    afterChange(ex, method, path);
                }
                MotoForwarder.relay(ex, r);
            }
        } catch (ConnectException e) {
            failed(ex, "The local sandbox's AWS stand-in (moto) at " + moto.moto() + " does not answer.", null);
        } catch (IOException | RuntimeException e) {
            failed(ex, "The local sandbox could not pass on " + method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(ex, "The local sandbox is stopping.", e);
        } finally {
            ex.close();
        }
    }

    /**
     * GetLayerVersionByArn ({@code GET /2018-10-31/layers?find=LayerVersion&Arn=...}),
     * which moto answers as ListLayers, as the GetLayerVersion moto knows: the same answer.
     */
    static Optional<String> byArn(HttpExchange ex) {
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        String find = null;
        String arn = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("find")) {
                find = value;
            } else if (name.equals("Arn")) {
                arn = value;
            }
        }
        int colon = arn == null ? -1 : arn.lastIndexOf(':');
        if (!"LayerVersion".equals(find) || colon < 0 || !arn.substring(colon + 1).matches("\\d+")) {
            return Optional.empty();
        }
        String path = ex.getRequestURI().getRawPath().replaceAll("/layers/?$", "/layers/");
        return Optional.of(path + URLEncoder.encode(arn.substring(0, colon), StandardCharsets.UTF_8)
                + "/versions/" + arn.substring(colon + 1));
    }

    private void serveZip(HttpExchange ex, String layerVersionArn) throws IOException {
        Optional<Path> zip = store.find(layerVersionArn);
        if (zip.isEmpty()) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        RangeResponder.send(ex, zip.get());
    }

    /** PublishLayerVersion: moto publishes; the zip is kept under the ARN moto gave; the answer links to it. */
    private void publish(HttpExchange ex) throws IOException, InterruptedException {
        byte[] request = ex.getRequestBody().readAllBytes();
        HttpResponse<byte[]> r = moto.forward(ex, request);
        byte[] body = r.body();
        if (ok(r)) {
            Optional<ContentLinks.Published> published = ContentLinks.published(body);
            Optional<ContentLinks.Source> source = ContentLinks.source(request);
            if (published.isPresent() && source.isPresent()) {
                keep(published.get(), source.get(), region(ex));
                body = withLinks(body);
            }
        }
        MotoForwarder.relay(ex, r, body);
    }

    /** Keeps a published zip; where that fails the version just stays unreadable, as in plain moto. */
    private void keep(ContentLinks.Published published, ContentLinks.Source source, String region) {
        String arn = published.layerVersionArn();
        try {
            String sha;
            if (source.zipFile() != null) {
                sha = store.put(arn, new ByteArrayInputStream(source.zipFile()));
            } else {
                HttpResponse<InputStream> object = moto.getObject(source.bucket(), source.key(),
                        source.objectVersion(), region);
                if (object.statusCode() != 200) {
                    object.body().close();
                    LOG.warn("moto answered HTTP {} for s3://{}/{}; {} stays unreadable", object.statusCode(),
                            source.bucket(), source.key(), arn);
                    return;
                }
                sha = store.put(arn, object.body());
            }
            if (!sha.equals(published.codeSha256())) {
                LOG.warn("The kept zip of {} has SHA-256 {}, moto says {}; not serving it", arn, sha,
                        published.codeSha256());
                store.removeIf(arn::equals);
            }
        } catch (IOException e) {
            LOG.warn("Could not keep the zip of {}", arn, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Invoke, answered as Lambda answers a function that failed: moto runs functions in Docker,
     * which the sandbox does not have, and its own error would speak of Docker internals.
     */
    private static void cannotRun(HttpExchange ex) throws IOException {
        ex.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
        byte[] body = CANNOT_RUN.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
        ex.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
        ex.sendResponseHeaders(200, body.length);
        try (var out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** DeleteLayerVersion drops the kept zip; moto's reset drops them all. */
    private void afterChange(HttpExchange ex, String method, String path) throws IOException {
        if (method.equals("POST") && path.equals("/moto-api/reset")) {
            store.clear();
            return;
        }
        Matcher m = VERSION.matcher(path);
        if (method.equals("DELETE") && m.matches()) {
            String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            String version = m.group(2);
            String region = region(ex);
            store.removeIf(arn -> name.startsWith("arn:") ? arn.equals(name + ":" + version)
                    : arn.endsWith(":layer:" + name + ":" + version) && arn.contains(":" + region + ":"));
        }
    }

    private byte[] withLinks(byte[] json) {
        return ContentLinks.rewrite(json, arn -> store.find(arn).map(found -> link(arn).toString()));
    }

    private static boolean ok(HttpResponse<?> r) {
        return r.statusCode() >= 200 && r.statusCode() < 300;
    }

    /** The region a request is signed for (moto's own default when it does not say). */
    private static String region(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher m = SCOPE_REGION.matcher(auth == null ? "" : auth);
        return m.find() ? m.group(1) : "us-east-1";
    }

    private static void failed(HttpExchange ex, String message, Exception e) {
        if (e == null) {
            LOG.warn("{}", message);
        } else {
            LOG.warn("{}", message, e);
        }
        try {
            if (ex.getResponseCode() == -1) {
                MotoForwarder.badGateway(ex, message);
            }
        } catch (IOException alsoFailed) {
            LOG.debug("Could not answer {}", ex.getRequestURI(), alsoFailed);
        }
    }

    /** Stops answering and removes the kept zips. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        store.clear();
        LOG.info("Sandbox front at {} stopped", endpoint);
    }
}
