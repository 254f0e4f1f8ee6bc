package dev.layerstudio.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Range requests for one object behind a URL, safe to send from several threads.
 *
 * <p>The first answer fixes which object is read: its size and, when the server sends
 * one, its ETag. Every later request asks for that version only ({@code If-Match}) and
 * checks the answer's size and ETag, so an object replaced midway is noticed
 * ({@link RemoteReadException.ContentChanged}) instead of mixing bytes of two files. A
 * body that breaks off midway is asked for again, for the bytes still missing only.
 */
final class RangeRequests {

    private static final Logger LOG = LoggerFactory.getLogger(RangeRequests.class);

    /** Tries of one range: the first and two more for the bytes still missing. */
    static final int ATTEMPTS = 3;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI url;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong fetchedBytes = new AtomicLong();
    private volatile String etag;
    private volatile long size = -1;

    /** The first answer: a range of the object (206), an empty object (416), or the whole of it (200). */
    sealed interface First {
        record Ranged(long start, byte[] data, long size) implements First {
        }

        record Empty() implements First {
        }

        record Whole(HttpResponse<InputStream> response) implements First {
        }
    }

    /** A server that answered a range request with the whole object: the caller downloads it instead. */
    static final class RangeIgnored extends IOException {
        private final transient HttpResponse<InputStream> response;

        RangeIgnored(HttpResponse<InputStream> response) {
            super("The server ignored a Range request.");
            this.response = response;
        }

        HttpResponse<InputStream> response() {
            return response;
        }
    }

    RangeRequests(HttpClient http, URI url) {
        this.http = http;
        this.url = url;
    }

    long fetchedBytes() {
        return fetchedBytes.get();
    }

    int requests() {
        return requests.get();
    }

    /** Asks for the last {@code bytes} of the object (a suffix range): its end, and its size. */
    First tail(int bytes) throws IOException {
        HttpResponse<InputStream> r = send("bytes=-" + bytes, false);
        if (r.statusCode() == 416) {
            close(r);
            size = 0;
            return new First.Empty();
        }
        if (r.statusCode() != 206) {
            return new First.Whole(r);
        }
        etag = r.headers().firstValue("ETag").orElse(null);
        long[] cr = contentRange(r.headers());
        size = cr[2];
        byte[] data = new byte[(int) (cr[1] - cr[0] + 1)];
        int got;
        try {
            got = readInto(r, data, 0);
        } catch (PartialBody broken) {
            LOG.debug("The first answer broke off", broken);
            got = broken.reached;
        }
        if (got < data.length) {
            fill(cr[0], data, got);
        }
        return new First.Ranged(cr[0], data, size);
    }

    /** The object's bytes from {@code start} to {@code end} (exclusive), asked again for what a broken body missed. */
    byte[] range(long start, long end) throws IOException {
        byte[] data = new byte[Math.toIntExact(end - start)];
        fill(start, data, 0);
        return data;
    }

    private void fill(long start, byte[] data, int from) throws IOException {
        int got = from;
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS && got < data.length; attempt++) {
            if (attempt > 0) {
                LOG.debug("Asking again for {} of {} bytes from {}", data.length - got, data.length, start);
            }
            HttpResponse<InputStream> r;
            try {
                r = send("bytes=" + (start + got) + "-" + (start + data.length - 1), true);
            } catch (RemoteReadException e) {
                if (e instanceof RemoteReadException.ContentChanged || !(e.getCause() instanceof IOException)) {
                    throw e;
                }
                last = e; // the connection failed: try again
                continue;
            }
            if (r.statusCode() == 200) {
                throw new RangeIgnored(r);
            }
            long[] cr = contentRange(r.headers());
            String tag = r.headers().firstValue("ETag").orElse(null);
            if (cr[2] != size || (etag != null && tag != null && !etag.equals(tag))) {
                close(r);
                throw new RemoteReadException.ContentChanged("The layer's content changed while it was read.");
            }
            if (cr[0] != start + got) {
                close(r);
                throw new RemoteReadException("The server sent bytes from " + cr[0] + " when asked for "
                        + (start + got) + ".");
            }
            try {
                got = readInto(r, data, got);
            } catch (PartialBody broken) {
                got = broken.reached;
                last = broken;
            }
        }
        if (got < data.length) {
            throw new RemoteReadException("The server sent " + got + " of " + data.length + " bytes asked for"
                    + (last == null ? "." : " (" + describe(last) + ")."), last);
        }
    }

    /** Reads the body into {@code data} from {@code offset}; returns where it ended. A broken body throws with what came kept. */
    private int readInto(HttpResponse<InputStream> r, byte[] data, int offset) throws IOException {
        int pos = offset;
        try (InputStream in = r.body()) {
            while (pos < data.length) {
                int n = in.read(data, pos, data.length - pos);
                if (n < 0) {
                    break;
                }
                pos += n;
                fetchedBytes.addAndGet(n);
            }
            return pos;
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new PartialBody(pos, e);
        }
    }

    /** A body that broke off: how far it got. */
    private static final class PartialBody extends IOException {
        final int reached;

        PartialBody(int reached, IOException cause) {
            super(describe(cause), cause);
            this.reached = reached;
        }
    }

    private HttpResponse<InputStream> send(String range, boolean sameVersion) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).GET().timeout(REQUEST_TIMEOUT).header("Range", range);
        String tag = etag;
        if (sameVersion && tag != null) {
            b.header("If-Match", tag);
        }
        HttpResponse<InputStream> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Cancelled while downloading the layer.");
        } catch (IOException e) {
            throw RemoteReadException.unanswered(url, e, REQUEST_TIMEOUT);
        }
        requests.incrementAndGet();
        int status = r.statusCode();
        if (status == 412 && sameVersion) {
            close(r);
            throw new RemoteReadException.ContentChanged("The layer's content changed while it was read.");
        }
        if (status != 200 && status != 206 && status != 416) {
            close(r);
            throw RemoteReadException.status(status);
        }
        return r;
    }

    /**
     * Downloads a whole answer into a new file in {@code dir}. The copy runs on a thread of
     * its own (the JDK's response stream does not give way to an interrupt), and a cancelled
     * or broken download leaves no file behind.
     */
    Path download(HttpResponse<InputStream> r, Path dir) throws IOException {
        LOG.info("{} ignores Range requests; downloading the whole file", url.getHost());
        Files.createDirectories(dir);
        Path target = Files.createTempFile(dir, "layer-", ".zip");
        InputStream in = r.body();
        FutureTask<Long> copy = new FutureTask<>(() -> {
            try (OutputStream out = Files.newOutputStream(target)) {
                return in.transferTo(out);
            }
        });
        Thread copier = new Thread(copy, "layer-studio-download");
        copier.setDaemon(true);
        copier.start();
        boolean complete = false;
        try {
            fetchedBytes.addAndGet(copy.get());
            complete = true;
            return target;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Cancelled while downloading the layer.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            if (!complete) {
                stop(in, copier);
                Files.deleteIfExists(target);
            }
        }
    }

    /** Ends a copy that is not wanted any more, waiting a little for it with the interrupt set aside. */
    private static void stop(InputStream in, Thread copier) {
        boolean interrupted = Thread.interrupted();
        try {
            in.close();
            copier.join(10_000);
        } catch (IOException e) {
            LOG.debug("Closing an unfinished download failed", e);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException ignored) {
            // the response is discarded anyway
        }
    }

    /** start, end (inclusive) and total of a 206 answer. */
    private static long[] contentRange(HttpHeaders headers) throws IOException {
        Optional<String> value = headers.firstValue("Content-Range");
        if (value.isEmpty()) {
            throw new RemoteReadException("The server answered a Range request without Content-Range.");
        }
        Matcher m = CONTENT_RANGE.matcher(value.get().trim());
        if (!m.matches() || "*".equals(m.group(3))) {
            throw new RemoteReadException("The server sent an unusable Content-Range: " + value.get());
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
