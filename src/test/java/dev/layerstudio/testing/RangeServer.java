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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server that serves files the way S3 serves a pre-signed URL: GET with
 * single Range requests (including suffix ranges) answered 206, counting every byte
 * and request. It can also ignore Range (always 200) or refuse (403), like a server
 * or an expired link would.
 */
public final class RangeServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final HttpServer server;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean honourRange = true;
    private volatile int refuseWith;
    private volatile long slowAfter = -1;
    private volatile CountDownLatch slowed = new CountDownLatch(1);

    public RangeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
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

    public void reset() {
        bytesServed.set(0);
        requests.set(0);
    }

    public void honourRange(boolean honour) {
        this.honourRange = honour;
    }

    /** Answers every request with this status (403 as an expired link does); 0 to serve again. */
    public void refuseWith(int status) {
        this.refuseWith = status;
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
        requests.incrementAndGet();
        try (x) {
            Path file = files.get(x.getRequestURI().getPath());
            if (refuseWith != 0 || file == null) {
                x.sendResponseHeaders(refuseWith != 0 ? refuseWith : 404, -1);
                return;
            }
            try (FileChannel ch = FileChannel.open(file)) {
                long size = ch.size();
                long start = 0;
                long end = size - 1;
                int status = 200;
                String range = x.getRequestHeaders().getFirst("Range");
                Matcher m = range == null ? null : RANGE.matcher(range.trim());
                if (honourRange && m != null && m.matches()) {
                    if (m.group(1).isEmpty()) {
                        start = Math.max(0, size - Long.parseLong(m.group(2)));
                    } else {
                        start = Long.parseLong(m.group(1));
                        end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                    }
                    if (start >= size) {
                        x.getResponseHeaders().set("Content-Range", "bytes */" + size);
                        x.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    x.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
                }
                long length = end - start + 1;
                x.sendResponseHeaders(status, length);
                OutputStream out = x.getResponseBody();
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                long pos = start;
                while (pos <= end) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), end - pos + 1));
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

    @Override
    public void close() {
        server.stop(0);
    }
}
