package dev.layerstudio.inspect;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishedStart;
import dev.layerstudio.model.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects a layer (a zip, a folder, or a published version behind a URL) and diffs
 * two of them. Zips are read from their central directory, never extracted; published
 * versions through HTTP Range requests; scans are cached by SHA-256, so looking at the
 * same content again reads almost nothing.
 *
 * <p>Failures the user can act on (not a zip, truncated, unreadable, refused download)
 * are {@link LayerStudioException}s with one plain sentence. Cancellation is the
 * thread's interrupt flag.
 */
public final class Inspector {

    private static final Logger LOG = LoggerFactory.getLogger(Inspector.class);

    /** Content bytes a remote read may fetch beyond the central directory: 1% of the zip, within bounds. */
    static final long MIN_REMOTE_BUDGET = 256 * 1024;
    static final long MAX_REMOTE_BUDGET = 4 * 1024 * 1024;

    /** How many layers are read at the same time. */
    static final int PARALLEL_LAYERS = 4;
    /** Reads of a remote layer when it changes while being read: the first and two more. */
    static final int REMOTE_ATTEMPTS = 3;

    private final ScanCache cache;
    private final FileDigests digests;
    private final Path workDir;
    private CompletableFuture<HttpClient> http;

    /** An inspector with the cache in the application's cache folder. */
    public Inspector() {
        this(AppDirs.current().cache());
    }

    /** An inspector that keeps its cache and temporary files under {@code cacheDir}. */
    public Inspector(Path cacheDir) {
        this.cache = new ScanCache(cacheDir.resolve("inspect"), ScanCache.DEFAULT_MAX_BYTES);
        this.digests = new FileDigests(cacheDir.resolve("inspect-digests"));
        this.workDir = cacheDir.resolve("tmp");
    }

    /**
     * The HTTP client, made on first need: most inspections are of local files. Making it sets
     * up TLS (the default trust store and its providers), a quarter of a second of a cold
     * start, so a remote inspection starts making it in the background while the rest of
     * the work is set up ({@link #prepare}).
     */
    private synchronized HttpClient http() {
        if (http == null) {
            http = CompletableFuture.completedFuture(newHttpClient());
        }
        return http.join();
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Starts, in the background, what inspecting these layers will need first: the HTTP
     * client when one of them is read over the network. Calling it is optional.
     */
    public synchronized void prepare(List<LayerSource> sources) {
        if (http == null && sources.stream().anyMatch(s -> s instanceof LayerSource.Remote)) {
            http = CompletableFuture.supplyAsync(Inspector::newHttpClient);
        }
    }

    public InspectionReport inspect(LayerSource source, InspectOptions options, ProgressListener progress) {
        progress.message("Reading " + source.label());
        List<LayerSource> all = new ArrayList<>();
        all.add(source);
        all.addAll(options.otherLayers());
        List<Scanned> scans = scanAll(all, progress);
        List<StackChecks.StackLayer> others = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            others.add(new StackChecks.StackLayer(all.get(i).label(), scans.get(i).scan()));
        }
        return report(source, scans.get(0), options, others, progress);
    }

    private InspectionReport report(LayerSource source, Scanned scanned, InspectOptions options,
                                    List<StackChecks.StackLayer> others, ProgressListener progress) {
        progress.message("Checking " + source.label());
        ImportChecker checker = new ImportChecker(workDir);
        return ReportBuilder.build(source.label(), kind(source), scanned.scan(), scanned.fetchedBytes(), options,
                others, (runtime, arch, modules) -> {
                    progress.message("Importing " + modules.size() + " modules");
                    return checker.check(source, runtime, arch, modules);
                });
    }

    /**
     * What the layer holds as far as running it goes (native code by processor, CPython and OS;
     * unzipped size), for the compatibility verdict. Reads only what a scan reads, cached alike.
     */
    public ContentFacts contentFacts(LayerSource source) {
        return ContentFactsBuilder.build(scan(source).scan());
    }

    /**
     * Scans the layers at the same time (a function's layers are mostly published versions,
     * each read over the network), at most {@link #PARALLEL_LAYERS} at once. The first
     * failure, in the order given, is the one reported.
     */
    private List<Scanned> scanAll(List<LayerSource> sources, ProgressListener progress) {
        if (sources.size() == 1) {
            return List.of(scan(sources.get(0)));
        }
        progress.message("Reading " + sources.size() + " layers");
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_LAYERS, sources.size()), r -> {
            Thread t = new Thread(r, "layer-studio-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Scanned>> futures = new ArrayList<>();
            for (LayerSource s : sources) {
                futures.add(pool.submit(() -> scan(s)));
            }
            List<Scanned> scans = new ArrayList<>();
            for (Future<Scanned> f : futures) {
                scans.add(f.get());
            }
            return scans;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Inspection cancelled.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What changed from {@code older} to {@code newer}. */
    public LayerDiff diff(LayerSource older, LayerSource newer, ProgressListener progress) {
        progress.message("Reading " + older.label());
        List<Scanned> scans = scanAll(List.of(older, newer), progress); // both at once
        InspectionReport a = report(older, scans.get(0), InspectOptions.defaults(), List.of(), progress);
        InspectionReport b = report(newer, scans.get(1), InspectOptions.defaults(), List.of(), progress);
        return LayerDiffer.diff(a, b);
    }

    /**
     * A starting point for a project from a layer zip or a published version: its distributions
     * pinned, its own files (those no package owns) extracted safely into {@code codeDir} (empty
     * or new), and the build choices its content shows. A published version is downloaded whole
     * once, checked against its CodeSha256, and the download removed.
     */
    public PublishedStart startFrom(LayerSource source, Path codeDir, ProgressListener progress) {
        if (source instanceof LayerSource.Folder) {
            throw new LayerStudioException("Start from a layer zip or a published version, not a folder.");
        }
        progress.message("Reading " + source.label());
        Scanned scanned = scan(source);
        Path download = null;
        try {
            Path zip;
            if (source instanceof LayerSource.Remote remote) {
                progress.message("Downloading " + remote.label());
                download = LayerDownload.fetch(http(), remote, workDir);
                zip = download;
            } else {
                zip = ((LayerSource.LocalZip) source).path();
            }
            progress.message("Extracting your own files into " + codeDir);
            return VersionUnpacker.unpack(scanned.scan(), zip, codeDir);
        } catch (InterruptedIOException e) {
            throw new CancellationException("Cancelled.");
        } catch (IOException e) {
            throw failure(source, e);
        } finally {
            if (download != null) {
                try {
                    Files.deleteIfExists(download);
                } catch (IOException e) {
                    LOG.debug("Could not remove {}", download, e);
                }
            }
        }
    }

    private record Scanned(LayerScan scan, long fetchedBytes) {
    }

    private Scanned scan(LayerSource source) {
        try {
            if (source instanceof LayerSource.Folder f) {
                return new Scanned(scanFolder(f.path()), 0);
            }
            if (source instanceof LayerSource.LocalZip z) {
                return new Scanned(scanZip(z.path()), 0);
            }
            return scanRemote((LayerSource.Remote) source);
        } catch (InterruptedIOException e) {
            throw new CancellationException("Inspection cancelled.");
        } catch (IOException e) {
            throw failure(source, e);
        }
    }

    private LayerScan scanFolder(Path dir) throws IOException {
        if (!Files.isReadable(dir)) {
            throw new AccessDeniedException(dir.toString());
        }
        return FolderScanner.scan(dir);
    }

    private LayerScan scanZip(Path zip) throws IOException {
        if (Files.exists(zip) && !Files.isRegularFile(zip)) {
            throw new LayerStudioException(zip + " is neither a zip file nor a folder.");
        }
        String sha256 = digests.sha256(zip);
        Optional<LayerScan> cached = cache.get(sha256);
        if (cached.isPresent()) {
            LOG.debug("Scan of {} from the cache", zip);
            return cached.get();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(zip)) {
            LayerScan scan = ZipScanner.scan(channel, sha256, Long.MAX_VALUE);
            cache.put(scan);
            return scan;
        }
    }

    private Scanned scanRemote(LayerSource.Remote remote) throws IOException {
        Optional<LayerScan> cached = cache.get(remote.codeSha256());
        if (cached.isPresent()) {
            return new Scanned(cached.get(), 0);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return readRemote(remote);
            } catch (IOException e) {
                if (attempt >= REMOTE_ATTEMPTS || !changedWhileRead(e)) {
                    throw e;
                }
                LOG.info("{} changed while it was read; reading it again", remote.label());
            }
        }
    }

    /** Whether a failure comes from the object changing between two requests (then a new read can succeed). */
    private static boolean changedWhileRead(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteReadException.ContentChanged) {
                return true;
            }
        }
        return false;
    }

    private Scanned readRemote(LayerSource.Remote remote) throws IOException {
        try (HttpRangeChannel channel = new HttpRangeChannel(http(), remote.url(), workDir)) {
            long size = channel.size();
            long budget = Math.max(MIN_REMOTE_BUDGET, Math.min(MAX_REMOTE_BUDGET, size / 100));
            LayerScan scan = ZipScanner.scan(channel, remote.codeSha256(), budget);
            LOG.info("Read {} of {} bytes of {} in {} requests", channel.fetchedBytes(), size, remote.label(),
                    channel.requests());
            if (remote.codeSha256() != null) {
                cache.put(scan);
            }
            return new Scanned(scan, channel.fetchedBytes());
        }
    }

    private static SourceKind kind(LayerSource source) {
        if (source instanceof LayerSource.Folder) {
            return SourceKind.FOLDER;
        }
        return source instanceof LayerSource.LocalZip ? SourceKind.ZIP : SourceKind.PUBLISHED_VERSION;
    }

    /** One plain sentence for what went wrong reading a source. */
    private static LayerStudioException failure(LayerSource source, IOException e) {
        LOG.debug("Could not read {}", source.label(), e);
        String label = source.label();
        if (e instanceof NoSuchFileException) {
            return new LayerStudioException(label + " does not exist.", e);
        }
        if (e instanceof AccessDeniedException) {
            return new LayerStudioException(label + " cannot be read: permission denied.", e);
        }
        if (e instanceof RemoteReadException.ContentChanged) {
            return new LayerStudioException("Could not read " + label + ": its content kept changing while it was "
                    + "read.", "Try again when it is no longer being replaced.", e);
        }
        if (e instanceof RemoteReadException remote) {
            return new LayerStudioException("Could not read " + label + ": " + e.getMessage(), remote.hint(), e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ZipException && String.valueOf(root.getMessage()).contains("not a ZIP archive")) {
            return new LayerStudioException(startsLikeZip(source)
                    ? label + " is truncated: the zip's end (its central directory) is missing."
                    : label + " is not a zip file.", e);
        }
        return new LayerStudioException(label + " is damaged and cannot be read as a zip ("
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + ").", e);
    }

    /** Whether a local file begins with a zip's local file header signature. */
    private static boolean startsLikeZip(LayerSource source) {
        if (!(source instanceof LayerSource.LocalZip z)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(z.path())) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
