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
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only {@link SeekableByteChannel} over a file on an HTTP server, read with
 * Range requests into a small cache of segments, so a zip's central directory can be
 * read without downloading the file.
 *
 * <p>The first request asks for the last 64 KiB (a suffix range), which gives the size
 * and, for most zips, the end-of-central-directory records in one go. A miss then
 * fetches a small aligned block; reads that continue where the last fetch ended double
 * the next fetch, so the central directory costs a handful of requests. When the
 * server ignores Range (answers 200), the whole file is downloaded once to a temporary
 * file and read from there.
 */
final class HttpRangeChannel implements SeekableByteChannel {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRangeChannel.class);

    static final int TAIL_BYTES = 64 * 1024;
    static final int BLOCK_BYTES = 16 * 1024;
    static final int MAX_READ_AHEAD_BYTES = 2 * 1024 * 1024;
    static final long CACHE_BYTES = 16L * 1024 * 1024;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI url;
    private final Path downloadDir;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private long cachedBytes;
    private long tick;

    private long size;
    private long position;
    private long lastFetchEnd = -1;
    private int lastFetchLength;
    private long fetchedBytes;
    private int requests;
    private boolean open = true;

    /** Set when the server ignored Range and the file was downloaded whole. */
    private Path download;
    private SeekableByteChannel downloaded;

    private record Segment(long start, byte[] data, long[] lastUse) {
        long end() {
            return start + data.length;
        }
    }

    /**
     * Opens the channel: one request for the tail of the file.
     *
     * @param downloadDir where a full download goes when the server ignores Range
     */
    HttpRangeChannel(HttpClient http, URI url, Path downloadDir) throws IOException {
        this.http = http;
        this.url = url;
        this.downloadDir = downloadDir;
        HttpResponse<InputStream> r = send("bytes=-" + TAIL_BYTES);
        if (r.statusCode() == 206) {
            ContentRange cr = contentRange(r.headers());
            size = cr.total;
            store(cr.start, readBody(r, cr.end - cr.start + 1));
        } else if (r.statusCode() == 416) {
            close(r);
            size = 0;
        } else {
            downloadWhole(r);
        }
    }

    /** Bytes received from the server so far. */
    long fetchedBytes() {
        return fetchedBytes;
    }

    /** HTTP requests sent so far. */
    int requests() {
        return requests;
    }

    /** Whether the server honoured Range (false after a fallback to a full download). */
    boolean ranged() {
        return downloaded == null;
    }

    /**
     * Fetches the given byte ranges ahead of reading them, merging ranges that lie close
     * together into one request. Ranges already cached are skipped.
     */
    void prefetch(List<long[]> ranges, int mergeGap) throws IOException {
        if (downloaded != null || ranges.isEmpty()) {
            return;
        }
        List<long[]> sorted = ranges.stream().map(r -> new long[] {Math.max(0, r[0]), Math.min(size, r[1])})
                .filter(r -> r[0] < r[1]).sorted(Comparator.comparingLong(r -> r[0])).toList();
        long start = -1;
        long end = -1;
        for (long[] r : sorted) {
            if (start >= 0 && r[0] <= end + mergeGap) {
                end = Math.max(end, r[1]);
                continue;
            }
            if (start >= 0) {
                fetchMissing(start, end);
            }
            start = r[0];
            end = r[1];
        }
        if (start >= 0) {
            fetchMissing(start, end);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (downloaded != null) {
            downloaded.position(position);
            int n = downloaded.read(dst);
            if (n > 0) {
                position += n;
            }
            return n;
        }
        if (position >= size) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        Segment s = segmentAt(position);
        if (s == null) {
            fetchFor(position);
            if (downloaded != null) {
                return read(dst);
            }
            s = segmentAt(position);
        }
        int offset = (int) (position - s.start);
        int n = Math.min(dst.remaining(), s.data.length - offset);
        dst.put(s.data, offset, n);
        position += n;
        return n;
    }

    private Segment segmentAt(long pos) {
        Map.Entry<Long, Segment> e = segments.floorEntry(pos);
        if (e == null || e.getValue().end() <= pos) {
            return null;
        }
        e.getValue().lastUse[0] = ++tick;
        return e.getValue();
    }

    /** Fetches the bytes at {@code pos}: a small block, or more when reading on from the last fetch. */
    private void fetchFor(long pos) throws IOException {
        long start;
        int length;
        if (pos == lastFetchEnd) {
            start = pos;
            length = (int) Math.min(MAX_READ_AHEAD_BYTES, Math.max(BLOCK_BYTES, 2L * lastFetchLength));
        } else {
            start = pos - pos % BLOCK_BYTES;
            length = BLOCK_BYTES;
        }
        long end = Math.min(size, start + length);
        Long next = segments.higherKey(pos);
        if (next != null) {
            end = Math.min(end, next);
        }
        Map.Entry<Long, Segment> before = segments.floorEntry(pos);
        if (before != null) {
            start = Math.max(start, before.getValue().end()); // that segment ends at or before pos
        }
        fetch(start, end);
    }

    private void fetchMissing(long start, long end) throws IOException {
        long pos = start;
        while (pos < end) {
            Segment s = segmentAt(pos);
            if (s != null) {
                pos = s.end();
                continue;
            }
            Long next = segments.higherKey(pos);
            long stop = next == null ? end : Math.min(end, next);
            fetch(pos, stop);
            if (downloaded != null) {
                return;
            }
            pos = stop;
        }
    }

    private void fetch(long start, long end) throws IOException {
        try {
            fetchRange(start, end);
        } catch (RemoteReadException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            RemoteReadException wrapped = new RemoteReadException("Could not download the layer's content: "
                    + e.getMessage());
            wrapped.initCause(e);
            throw wrapped;
        }
    }

    private void fetchRange(long start, long end) throws IOException {
        HttpResponse<InputStream> r = send("bytes=" + start + "-" + (end - 1));
        if (r.statusCode() != 206) {
            downloadWhole(r);
            return;
        }
        ContentRange cr = contentRange(r.headers());
        if (cr.start != start) {
            close(r);
            throw new RemoteReadException("The server sent bytes from " + cr.start + " when asked for " + start + ".");
        }
        store(cr.start, readBody(r, cr.end - cr.start + 1));
        lastFetchEnd = cr.end + 1;
        lastFetchLength = (int) (cr.end - cr.start + 1);
    }

    private void store(long start, byte[] data) {
        segments.put(start, new Segment(start, data, new long[] {++tick}));
        cachedBytes += data.length;
        while (cachedBytes > CACHE_BYTES && segments.size() > 1) {
            Segment oldest = segments.values().stream().min(Comparator.comparingLong(s -> s.lastUse[0])).orElseThrow();
            segments.remove(oldest.start);
            cachedBytes -= oldest.data.length;
        }
    }

    private HttpResponse<InputStream> send(String range) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(REQUEST_TIMEOUT).header("Range", range).build();
        HttpResponse<InputStream> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Cancelled while downloading the layer.");
        } catch (IOException e) {
            RemoteReadException wrapped = new RemoteReadException("The download failed ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").");
            wrapped.initCause(e);
            throw wrapped;
        }
        requests++;
        int status = r.statusCode();
        if (status != 200 && status != 206 && status != 416) {
            close(r);
            throw new RemoteReadException(status == 403
                    ? "The download link was refused or has expired (HTTP 403)."
                    : "The server answered HTTP " + status + " for the layer's content.");
        }
        return r;
    }

    private byte[] readBody(HttpResponse<InputStream> r, long expected) throws IOException {
        try (InputStream in = r.body()) {
            byte[] data = in.readNBytes((int) expected);
            if (data.length != expected) {
                throw new RemoteReadException("The server sent " + data.length + " of " + expected + " bytes asked for.");
            }
            fetchedBytes += data.length;
            return data;
        }
    }

    private void downloadWhole(HttpResponse<InputStream> r) throws IOException {
        LOG.info("{} ignores Range requests; downloading the whole file", url.getHost());
        Files.createDirectories(downloadDir);
        download = Files.createTempFile(downloadDir, "layer-", ".zip");
        Path target = download;
        InputStream in = r.body();
        // The JDK's response stream does not give way to an interrupt, so the copy runs on a
        // thread of its own and this one waits, where a cancel can reach it.
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
            fetchedBytes += copy.get();
            complete = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Cancelled while downloading the layer.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            if (!complete) {
                stop(in, copier);
                // a cancelled or broken download leaves no part of the layer behind
                Files.deleteIfExists(target);
            }
        }
        downloaded = Files.newByteChannel(download, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
        size = downloaded.size();
        segments.clear();
        cachedBytes = 0;
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

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException ignored) {
            // the response is discarded anyway
        }
    }

    private record ContentRange(long start, long end, long total) {
    }

    private static ContentRange contentRange(HttpHeaders headers) throws IOException {
        String value = headers.firstValue("Content-Range").orElseThrow(
                () -> new RemoteReadException("The server answered a Range request without Content-Range."));
        Matcher m = CONTENT_RANGE.matcher(value.trim());
        if (!m.matches() || "*".equals(m.group(3))) {
            throw new RemoteReadException("The server sent an unusable Content-Range: " + value);
        }
        return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        segments.clear();
        if (downloaded != null) {
            downloaded.close();
            Files.deleteIfExists(download);
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
