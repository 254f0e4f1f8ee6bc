package dev.layerstudio.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server that serves files the way S3 serves a pre-signed URL: GET with
 * single Range requests (including suffix ranges) answered 206, an ETag per version of
 * a file and {@code If-Match} honoured (412), counting every byte and request, and the
 * sequential round trips (see {@link #roundTrips()}). It can also ignore Range (always
 * 200), refuse (403), answer after a delay, break a body off, or replace a file between
 * two requests, like a server, a network or an expired link would.
 */
public final class RangeServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final HttpServer server;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean honourRange = true;
    private volatile int rangeUntil = Integer.MAX_VALUE;
    private volatile int refuseWith;
    private volatile int refuseWholeWith;
    private volatile long slowAfter = -1;
    private volatile CountDownLatch slowed = new CountDownLatch(1);
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final AtomicInteger deepest = new AtomicInteger();
    private final AtomicInteger deepestDone = new AtomicInteger();
    private volatile long delayMillis;
    private final AtomicInteger breakBodies = new AtomicInteger();
    private volatile long breakAfter;
    private volatile int replaceAfterRequests = -1;
    private volatile Path replacement;
    private volatile String replacing;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "range-server");
        t.setDaemon(true);
        return t;
    });

    public RangeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads); // answers in parallel, as S3 does
        server.start();
    }

    /** Serves {@code file} at a path of its own and returns its URL (with a query, like a pre-signed URL). */
    public URI serve(String name, Path file) {
        files.put("/" + name, file);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name
                + "?X-Amz-Signature=test&X-Amz-Expires=600");
    }

    public long bytesServed() {
        return bytesServed.get();
    }

    public int requests() {
        return requests.get();
    }

    /**
     * The longest chain of requests each sent after the one before it was answered: the
     * round trips an inspection waited for one after another. Requests sent at once count
     * once. Reliable with a {@link #delay} that is long against the client's own work.
     */
    public int roundTrips() {
        return deepest.get();
    }

    public void reset() {
        bytesServed.set(0);
        requests.set(0);
        deepest.set(0);
        deepestDone.set(0);
        delayMillis = 0;
        breakBodies.set(0);
        replaceAfterRequests = -1;
    }

    /** Every answer waits this long before it starts, like a request's latency on a real network. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** The next {@code count} ranged answers break off (the connection is closed) after {@code bytes} of body. */
    public void breakBodies(int count, long bytes) {
        breakAfter = bytes;
        breakBodies.set(count);
    }

    /** After {@code requests} requests, {@code name} serves {@code file} instead, under a new ETag. */
    public void replaceAfter(int requests, String name, Path file) {
        replacing = "/" + name;
        replacement = file;
        replaceAfterRequests = requests;
    }

    public void honourRange(boolean honour) {
        this.honourRange = honour;
        this.rangeUntil = Integer.MAX_VALUE;
    }

    /** Honours Range for the first {@code requests} requests, then ignores it (answers 200 with the whole file). */
    public void honourRangeFor(int requests) {
        this.honourRange = true;
        this.rangeUntil = requests;
    }

    /** Answers every request with this status (403 as an expired link does); 0 to serve again. */
    public void refuseWith(int status) {
        this.refuseWith = status;
    }

    /** Answers requests without a Range header (whole downloads) with this status; 0 to serve them again. */
    public void refuseWholeWith(int status) {
        this.refuseWholeWith = status;
    }

    /**
     * The next answer slows down after {@code bytes} of its body, as a slow link would: each
     * further 64 KiB comes after a pause. The returned latch opens when it has slowed down.
     */
    public CountDownLatch slowAfter(long bytes) {
        slowed = new CountDownLatch(1);
        slowAfter = bytes;
        return slowed;
    }

    private void handle(HttpExchange x) throws IOException {
        int depth = deepestDone.get() + 1;
        deepest.accumulateAndGet(depth, Math::max);
        try (x) {
            int number = requests.incrementAndGet();
            if (number - 1 == replaceAfterRequests) {
                files.put(replacing, replacement);
                versions.merge(replacing, 1, Integer::sum);
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String name = x.getRequestURI().getPath();
            Path file = files.get(name);
            int refusal = refuseWith != 0 ? refuseWith
                    : refuseWholeWith != 0 && !x.getRequestHeaders().containsKey("Range") ? refuseWholeWith : 0;
            if (refusal != 0 || file == null) {
                done(depth);
                x.sendResponseHeaders(refusal != 0 ? refusal : 404, -1);
                return;
            }
            String etag = "\"" + name.hashCode() + "-" + versions.getOrDefault(name, 0) + "\"";
            String ifMatch = x.getRequestHeaders().getFirst("If-Match");
            if (ifMatch != null && !ifMatch.equals(etag)) {
                done(depth);
                x.sendResponseHeaders(412, -1);
                return;
            }
            x.getResponseHeaders().set("ETag", etag);
            try (FileChannel ch = FileChannel.open(file)) {
                long size = ch.size();
                long start = 0;
                long end = size - 1;
                int status = 200;
                String range = x.getRequestHeaders().getFirst("Range");
                Matcher m = range == null ? null : RANGE.matcher(range.trim());
                if (honourRange && number <= rangeUntil && m != null && m.matches()) {
                    if (m.group(1).isEmpty()) {
                        start = Math.max(0, size - Long.parseLong(m.group(2)));
                    } else {
                        start = Long.parseLong(m.group(1));
                        end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                    }
                    if (start >= size) {
                        done(depth);
                        x.getResponseHeaders().set("Content-Range", "bytes */" + size);
                        x.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    x.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
                }
                long length = end - start + 1;
                long cut = status == 206 && breakBodies.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                        ? Math.min(breakAfter, length - 1) : -1;
                x.sendResponseHeaders(status, length);
                OutputStream out = x.getResponseBody();
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                long pos = start;
                while (pos <= end) {
                    if (cut >= 0 && pos - start >= cut) {
                        done(depth);
                        return; // closing the exchange short of its length drops the connection

                    }
                    long limit = cut >= 0 ? Math.min(end - pos + 1, start + cut - pos) : end - pos + 1;
                    buffer.clear().limit((int) Math.min(buffer.capacity(), limit));
                    if (pos + buffer.limit() > end) {
                        done(depth); // before the last bytes leave, so the client cannot ask again first
                    }
                    int n = ch.read(buffer, pos);
                    // counted before the client can have the bytes, so a count read after a response is complete
                    bytesServed.addAndGet(n);
                    out.write(buffer.array(), 0, n);
                    pos += n;
                    if (slowAfter >= 0 && pos - start >= slowAfter && pos <= end) {
                        slowed.countDown();
                        try {
                            Thread.sleep(25);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    private void done(int depth) {
        deepestDone.accumulateAndGet(depth, Math::max);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
