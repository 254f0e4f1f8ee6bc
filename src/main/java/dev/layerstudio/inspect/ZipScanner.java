package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.ZipEntryInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a zip from its central directory over a seekable channel: nothing is
 * extracted, and only the few entries the report needs are read (and only their
 * first bytes when that is enough).
 */
final class ZipScanner {

    private static final Logger LOG = LoggerFactory.getLogger(ZipScanner.class);

    /** Extra bytes fetched past a local header's name, for extra fields that differ from the central copy. */
    private static final int LOCAL_HEADER_SLACK = 96;
    /** Compressed bytes fetched for a binary's header: enough to inflate its first 512 bytes. */
    private static final int HEADER_COMPRESSED_BYTES = 1536;
    /** Ranges closer than this are fetched in one request. */
    private static final int MERGE_GAP = 4096;

    private ZipScanner() {
    }

    /**
     * @param readBudget for a remote zip, how many bytes of entry content may be fetched
     *                   beyond the central directory
     */
    static LayerScan scan(SeekableByteChannel channel, String sha256, long readBudget) throws IOException {
        long zipSize = channel.size();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(true)
                .setUseUnicodeExtraFields(true).get()) {
            List<ZipArchiveEntry> raw = Collections.list(zip.getEntries());
            List<ZipEntryInfo> entries = new ArrayList<>(raw.size());
            Map<String, String> unextractable = new LinkedHashMap<>();
            for (ZipArchiveEntry e : raw) {
                if (entries.size() % 4096 == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Inspection cancelled.");
                }
                ZipEntryInfo info = info(e);
                entries.add(info);
                String why = unextractableReason(e);
                if (why != null) {
                    unextractable.put(info.path(), why);
                }
            }
            Content content = new Content(zip, raw, channel, readBudget);
            return ScanAssembler.assemble(sha256, zipSize, false, entries, unextractable, content);
        }
    }

    private static ZipEntryInfo info(ZipArchiveEntry e) {
        String name = e.getName();
        byte[] rawName = e.getRawName();
        if (rawName != null && indexOf(rawName, (byte) '\\') >= 0) {
            name = new String(rawName, StandardCharsets.UTF_8); // keep backslashes commons-compress may have replaced
        }
        EntryKind kind = e.isUnixSymlink() ? EntryKind.SYMLINK
                : e.isDirectory() ? EntryKind.DIRECTORY : EntryKind.FILE;
        if (kind == EntryKind.DIRECTORY && name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        long crc = kind == EntryKind.DIRECTORY ? -1 : e.getCrc();
        return new ZipEntryInfo(name, kind, e.getCompressedSize(), Math.max(0, e.getSize()), e.getUnixMode(), crc);
    }

    private static String unextractableReason(ZipArchiveEntry e) {
        if (e.getGeneralPurposeBit().usesEncryption()) {
            return "encrypted";
        }
        int method = e.getMethod();
        if (method != ZipMethod.STORED.getCode() && method != ZipMethod.DEFLATED.getCode()) {
            ZipMethod m = ZipMethod.getMethodByCode(method);
            return "compressed with " + (m == null ? "method " + method : m.name().toLowerCase(java.util.Locale.ROOT));
        }
        return null;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Reads entries through commons-compress; over HTTP, within a budget and prefetched in few requests. */
    private static final class Content implements ScanAssembler.EntryContent {
        private final ZipFile zip;
        private final List<ZipArchiveEntry> raw;
        private final HttpRangeChannel remote;
        private final long budget;

        Content(ZipFile zip, List<ZipArchiveEntry> raw, SeekableByteChannel channel, long budget) {
            this.zip = zip;
            this.raw = raw;
            this.remote = channel instanceof HttpRangeChannel h && h.ranged() ? h : null;
            this.budget = budget;
        }

        @Override
        public boolean namesSuffice() {
            return remote != null;
        }

        @Override
        public List<ScanAssembler.Read> plan(List<ScanAssembler.Read> reads) throws IOException {
            if (remote == null) {
                return reads;
            }
            List<ScanAssembler.Read> chosen = new ArrayList<>();
            List<long[]> ranges = new ArrayList<>();
            long spent = 0;
            for (ScanAssembler.Read r : reads) {
                long[] range = range(r);
                long cost = range[1] - range[0];
                if (spent + cost > budget) {
                    continue;
                }
                spent += cost;
                chosen.add(r);
                ranges.add(range);
            }
            // bytes in between worth fetching to save a wave of requests: a quarter of what is read
            remote.prefetch(ranges, MERGE_GAP, spent / 4);
            chosen.sort((a, b) -> Long.compare(raw.get(a.index()).getLocalHeaderOffset(),
                    raw.get(b.index()).getLocalHeaderOffset()));
            return chosen;
        }

        /** The bytes a read needs: local header, name, extra fields and (the start of) the data. */
        private long[] range(ScanAssembler.Read r) {
            ZipArchiveEntry e = raw.get(r.index());
            long start = e.getLocalHeaderOffset();
            long header = 30L + e.getRawName().length + e.getExtra().length + LOCAL_HEADER_SLACK;
            boolean headerOnly = r.purpose() == ScanAssembler.Purpose.HEADER
                    || r.purpose() == ScanAssembler.Purpose.TAGGED_HEADER;
            long data = headerOnly ? Math.min(e.getCompressedSize(), HEADER_COMPRESSED_BYTES) : e.getCompressedSize();
            return new long[] {start, start + header + data};
        }

        @Override
        public byte[] read(int index, int maxBytes) throws IOException {
            ZipArchiveEntry e = raw.get(index);
            if (!zip.canReadEntryData(e)) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return in.readNBytes((int) Math.min(maxBytes, Math.max(0, e.getSize())));
            } catch (InterruptedIOException | RemoteReadException e2) {
                throw e2;
            } catch (IOException | RuntimeException damaged) {
                // one damaged entry does not spoil the report of the others
                LOG.debug("Could not read {}", e.getName(), damaged);
                return null;
            }
        }
    }
}
