package dev.layerstudio.inspect;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read-only {@link SeekableByteChannel} over a zip on an HTTP server, read with Range
 * requests ({@link RangeRequests}) into a cache of segments, so the zip's central
 * directory and a few entries can be read without downloading the file.
 *
 * <p>Round trips are what cost on a real network, so the channel makes few, one after
 * another: the last 64 KiB (a suffix range: the size and the end records), then the
 * whole central directory in one request, then whatever {@link #prefetch} is given, all at
 * once on up to {@link #CONNECTIONS} connections. A read of bytes not fetched ahead
 * fetches a small block, doubling when reads go on where the last fetch ended. When the
 * server ignores Range (answers 200), the whole file is downloaded once to a temporary
 * file and read from there.
 */
final class HttpRangeChannel implements SeekableByteChannel {

    static final int TAIL_BYTES = 64 * 1024;
    static final int BLOCK_BYTES = 16 * 1024;
    static final int MAX_READ_AHEAD_BYTES = 2 * 1024 * 1024;
    static final long CACHE_BYTES = 64L * 1024 * 1024;
    /** Parallel requests of one prefetch, as a browser opens to one host. */
    static final int CONNECTIONS = 12;

    private final RangeRequests requests;
    private final Path downloadDir;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private long cachedBytes;
    private long tick;

    private long size;
    private long position;
    private long lastFetchEnd = -1;
    private int lastFetchLength;
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
     * Opens the channel: one request for the tail of the file, and one for the rest of its
     * central directory when the tail does not hold all of it.
     *
     * @param downloadDir where a full download goes when the server ignores Range
     */
    HttpRangeChannel(HttpClient http, URI url, Path downloadDir) throws IOException {
        this.requests = new RangeRequests(http, url);
        this.downloadDir = downloadDir;
        RangeRequests.First first = requests.tail(TAIL_BYTES);
        if (first instanceof RangeRequests.First.Ranged r) {
            size = r.size();
            store(r.start(), r.data());
            long[] directory = ZipTail.centralDirectory(r.data(), r.start());
            if (directory != null) {
                prefetch(List.of(directory), 0, 0);
            }
        } else if (first instanceof RangeRequests.First.Whole w) {
            downloadWhole(w);
        }
    }

    /** Bytes received from the server so far. */
    long fetchedBytes() {
        return requests.fetchedBytes();
    }

    /** HTTP requests sent so far. */
    int requests() {
        return requests.requests();
    }

    /** Whether the server honoured Range (false after a fallback to a full download). */
    boolean ranged() {
        return downloaded == null;
    }

    /**
     * Fetches the given byte ranges ahead of reading them, at once: ranges within
     * {@code mergeGap} of each other are joined, then the closest groups while more than
     * {@link #CONNECTIONS} remain and {@code allowance} bytes in between last. Bytes
     * already cached are not asked for again.
     */
    void prefetch(List<long[]> ranges, long mergeGap, long allowance) throws IOException {
        if (downloaded != null || ranges.isEmpty()) {
            return;
        }
        List<long[]> missing = new ArrayList<>();
        for (long[] g : RangePlan.group(ranges, size, mergeGap, CONNECTIONS, allowance)) {
            missing.addAll(missing(g[0], g[1]));
        }
        if (missing.size() == 1) {
            fetch(missing.get(0)[0], missing.get(0)[1]);
        } else if (!missing.isEmpty()) {
            fetchAll(missing);
        }
    }

    /** The parts of {@code [start, end)} not in the cache. */
    private List<long[]> missing(long start, long end) {
        List<long[]> parts = new ArrayList<>();
        long pos = start;
        while (pos < end) {
            Segment s = segmentAt(pos);
            if (s != null) {
                pos = s.end();
                continue;
            }
            Long next = segments.higherKey(pos);
            long stop = next == null ? end : Math.min(end, next);
            parts.add(new long[] {pos, stop});
            pos = stop;
        }
        return parts;
    }

    private void fetchAll(List<long[]> ranges) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONNECTIONS, ranges.size()), r -> {
            Thread t = new Thread(r, "layer-studio-range-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<byte[]>> answers = new ArrayList<>();
        try {
            for (long[] r : ranges) {
                answers.add(pool.submit(() -> requests.range(r[0], r[1])));
            }
            for (int i = 0; i < ranges.size(); i++) {
                store(ranges.get(i)[0], answers.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Cancelled while downloading the layer.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RangeRequests.RangeIgnored ignored) {
                pool.shutdown();
                closeOtherWholeAnswers(answers, ignored);
                downloadWhole(new RangeRequests.First.Whole(ignored.response()));
                return;
            }
            throw asReadFailure(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A server that stopped honouring Range sent every request the whole file: all but the one kept are closed. */
    private static void closeOtherWholeAnswers(List<Future<byte[]>> answers, RangeRequests.RangeIgnored kept)
            throws InterruptedIOException {
        for (Future<byte[]> f : answers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RangeRequests.RangeIgnored other && other != kept) {
                    RangeRequests.close(other.response());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Cancelled while downloading the layer.");
            }
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
        lastFetchEnd = end;
        lastFetchLength = (int) (end - start);
    }

    private void fetch(long start, long end) throws IOException {
        try {
            store(start, requests.range(start, end));
        } catch (RangeRequests.RangeIgnored ignored) {
            downloadWhole(new RangeRequests.First.Whole(ignored.response()));
        } catch (IOException e) {
            throw asReadFailure(e);
        }
    }

    private static IOException asReadFailure(Throwable e) {
        if (e instanceof RemoteReadException || e instanceof InterruptedIOException) {
            return (IOException) e;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new RemoteReadException("Could not download the layer's content: " + why, e);
    }

    private synchronized void store(long start, byte[] data) {
        segments.put(start, new Segment(start, data, new long[] {++tick}));
        cachedBytes += data.length;
        while (cachedBytes > CACHE_BYTES && segments.size() > 1) {
            Segment oldest = segments.values().stream().min(Comparator.comparingLong(s -> s.lastUse[0])).orElseThrow();
            segments.remove(oldest.start);
            cachedBytes -= oldest.data.length;
        }
    }

    private void downloadWhole(RangeRequests.First.Whole whole) throws IOException {
        download = requests.download(whole.response(), downloadDir);
        downloaded = Files.newByteChannel(download, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
        size = downloaded.size();
        segments.clear();
        cachedBytes = 0;
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
