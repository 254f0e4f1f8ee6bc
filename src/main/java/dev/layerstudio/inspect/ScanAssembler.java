package dev.layerstudio.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.ZipEntryInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the entry list of a layer into a {@link LayerScan}: decides which few entries
 * must be read (distribution metadata, the first bytes of candidate binaries, symlink
 * targets), reads them through an {@link EntryContent}, and parses what was read.
 */
final class ScanAssembler {

    /** Reads the content of entries, by index into the entry list. */
    interface EntryContent {
        /** Up to {@code maxBytes} of the entry's content, or null when it cannot be read. */
        byte[] read(int index, int maxBytes) throws IOException;

        /** Chooses which reads to do, in the order to do them; a remote source keeps within its budget. */
        default List<Read> plan(List<Read> reads) throws IOException {
            return reads;
        }

        /**
         * Whether an extension whose name carries a platform tag is taken at its name's word
         * instead of read: over a network, where each read costs; a local zip is read.
         */
        default boolean namesSuffice() {
            return false;
        }
    }

    enum Purpose {
        /** {@code top_level.txt} and {@code WHEEL}: tiny, read first. */
        SMALL_METADATA,
        /** {@code RECORD}: which files a distribution installed. */
        RECORD,
        SYMLINK_TARGET,
        /** The header of a binary whose name says nothing about its platform. */
        HEADER,
        /** The header of an extension whose name already carries a platform tag. */
        TAGGED_HEADER,
        /** A Node.js package's {@code package.json}, for its version: last, as a remote read's budget allows. */
        NODE_MANIFEST;

        boolean header() {
            return this == HEADER || this == TAGGED_HEADER;
        }
    }

    record Read(int index, int maxBytes, Purpose purpose) {
    }

    static final int MAX_METADATA_BYTES = 8 * 1024 * 1024;
    static final int MAX_LINK_BYTES = 4096;
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    /** The manifest of a package right inside a {@code node_modules} folder (scoped or not). */
    static final Pattern NODE_MANIFEST = Pattern.compile("(?<dir>(?:.*/)?node_modules/(?:@[^/]+/)?[^/@.][^/]*)"
            + "/package\\.json");
    /** Made on first use: only a Node.js layer's package.json needs it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final Pattern META_FILE = Pattern.compile(
            "(?<root>(?:[^/]+/)*?)(?<dir>(?<name>[^/]+?)-(?<version>[^-/]+?)(?:-py\\d[\\d.]*)?\\.(?:dist-info|egg-info))"
                    + "/(?<file>RECORD|top_level\\.txt|WHEEL)");
    private static final Pattern BINARY_NAME = Pattern.compile(
            "(?i).*\\.(so(\\.\\d+)*|pyd|dylib|dll|exe|node)$");
    static final Pattern TAGGED_EXTENSION = Pattern.compile(
            ".*\\.(cpython-\\d+[a-z]*-[^./]+|cp\\d+-[^./]+)\\.(so|pyd)$");

    private ScanAssembler() {
    }

    static LayerScan assemble(String sha256, long zippedBytes, boolean estimated, List<ZipEntryInfo> entries,
                              Map<String, String> unextractable, EntryContent content) throws IOException {
        Map<String, DistBuilder> dists = new LinkedHashMap<>();
        List<Read> reads = new ArrayList<>();
        List<NativeFile> natives = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ZipEntryInfo e = entries.get(i);
            if (unextractable.containsKey(e.path())) {
                continue;
            }
            if (e.kind() == EntryKind.SYMLINK) {
                reads.add(new Read(i, MAX_LINK_BYTES, Purpose.SYMLINK_TARGET));
                continue;
            }
            if (e.kind() != EntryKind.FILE) {
                continue;
            }
            Matcher m = isMetadataPath(e.path()) ? META_FILE.matcher(e.path()) : null;
            if (m != null && m.matches()) {
                dists.computeIfAbsent(m.group("root") + m.group("dir"), k -> new DistBuilder(m));
                boolean record = m.group("file").equals("RECORD");
                reads.add(new Read(i, MAX_METADATA_BYTES, record ? Purpose.RECORD : Purpose.SMALL_METADATA));
            } else if (e.path().endsWith("/package.json") && NODE_MANIFEST.matcher(e.path()).matches()) {
                reads.add(new Read(i, MAX_MANIFEST_BYTES, Purpose.NODE_MANIFEST));
            } else if (isBinaryCandidate(e.path())) {
                Optional<NativeFile> tagged = content.namesSuffice() ? NativeHeaders.fromTag(e.path())
                        : Optional.empty();
                if (tagged.isPresent()) {
                    natives.add(tagged.get());
                    continue;
                }
                reads.add(new Read(i, NativeHeaders.BYTES_NEEDED,
                        TAGGED_EXTENSION.matcher(e.path()).matches() ? Purpose.TAGGED_HEADER : Purpose.HEADER));
            }
        }
        reads.sort((a, b) -> a.purpose() != b.purpose() ? a.purpose().compareTo(b.purpose())
                : Long.compare(entries.get(a.index()).zippedBytes(), entries.get(b.index()).zippedBytes()));
        List<Read> planned = content.plan(reads);

        Map<String, String> links = new TreeMap<>();
        Map<String, String> shebangs = new TreeMap<>();
        List<String> crlf = new ArrayList<>();
        Map<String, String> nodeVersions = new TreeMap<>();
        int skippedHeaders = (int) reads.stream().filter(r -> r.purpose().header()).count();
        for (Read r : planned) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Inspection cancelled.");
            }
            ZipEntryInfo e = entries.get(r.index());
            byte[] data = content.read(r.index(), r.maxBytes());
            if (r.purpose().header()) {
                skippedHeaders--;
            }
            if (data == null) {
                continue;
            }
            switch (r.purpose()) {
                case SYMLINK_TARGET -> links.put(e.path(), new String(data, StandardCharsets.UTF_8));
                case HEADER, TAGGED_HEADER -> {
                    NativeHeaders.parse(e.path(), data).ifPresent(natives::add);
                    interpreter(data).ifPresent(i -> shebangs.put(e.path(), i));
                    if (crlfFirstLine(data)) {
                        crlf.add(e.path());
                    }
                }
                case NODE_MANIFEST -> {
                    Matcher m = NODE_MANIFEST.matcher(e.path());
                    if (m.matches()) {
                        version(data).ifPresent(v -> nodeVersions.put(m.group("dir"), v));
                    }
                }
                case RECORD, SMALL_METADATA -> {
                    Matcher m = META_FILE.matcher(e.path());
                    if (m.matches()) {
                        dists.get(m.group("root") + m.group("dir")).accept(m.group("file"), data);
                    }
                }
            }
        }
        natives.sort((a, b) -> a.path().compareTo(b.path()));
        List<Distribution> distributions = dists.values().stream().map(DistBuilder::build).toList();
        return new LayerScan(LayerScan.FORMAT, sha256, zippedBytes, estimated, entries, natives, distributions,
                links, unextractable, skippedHeaders, shebangs, crlf.stream().sorted().toList(), nodeVersions);
    }

    /** A script ({@code #!}) whose first line ends in CR LF: Linux then looks for an interpreter named "…\\r". */
    static boolean crlfFirstLine(byte[] head) {
        if (head.length < 3 || head[0] != '#' || head[1] != '!') {
            return false;
        }
        for (int i = 2; i < head.length; i++) {
            if (head[i] == '\n') {
                return head[i - 1] == '\r';
            }
        }
        return false;
    }

    /** The {@code version} of a package.json, empty when it is not JSON or has none. */
    private static Optional<String> version(byte[] data) {
        try {
            JsonNode n = Json.MAPPER.readTree(data);
            String v = n == null ? "" : n.path("version").asText("");
            return v.isBlank() ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The interpreter a script's first line names ({@code #!/usr/bin/env python3} gives
     * {@code /usr/bin/env}); for pip's trampoline ({@code #!/bin/sh}, then a line
     * {@code '''exec' /path/python "$0" "$@"}) the Python it runs. Empty for anything else.
     */
    static Optional<String> interpreter(byte[] head) {
        if (head.length < 3 || head[0] != '#' || head[1] != '!') {
            return Optional.empty();
        }
        List<String> lines = new String(head, StandardCharsets.UTF_8).lines().limit(2).toList();
        String first = lines.get(0).substring(2).strip();
        if (first.equals("/bin/sh") && lines.size() > 1 && lines.get(1).startsWith("'''exec' ")) {
            first = lines.get(1).substring(8).strip();
        }
        if (first.startsWith("\"")) {
            int end = first.indexOf('"', 1);
            return Optional.of(end > 0 ? first.substring(1, end) : first.substring(1));
        }
        String[] words = first.split("\\s+", 2);
        return words[0].isEmpty() ? Optional.empty() : Optional.of(words[0]);
    }

    static boolean isBinaryCandidate(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bin/") || lower.startsWith("extensions/") || lower.startsWith("python/bin/") || lower.contains(".libs/") || lower.contains(".dylibs/")) {
            return true;
        }
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "so", "pyd", "dylib", "dll", "exe", "node" -> true;
            default -> lower.contains(".so.") && BINARY_NAME.matcher(lower).matches();
        };
    }

    private static boolean isMetadataPath(String path) {
        return path.contains(".dist-info/") || path.contains(".egg-info/");
    }

    /** Collects what a distribution's metadata files say. */
    private static final class DistBuilder {
        private final String name;
        private final String version;
        private final String root;
        private final String metaDir;
        private List<String> topLevel = List.of();
        private List<String> files = List.of();
        private List<String> tags = List.of();

        DistBuilder(Matcher m) {
            this.name = m.group("name");
            this.version = m.group("version");
            this.root = m.group("root");
            this.metaDir = m.group("root") + m.group("dir");
        }

        void accept(String file, byte[] data) {
            List<String> lines = new String(data, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            switch (file) {
                case "top_level.txt" -> topLevel = lines;
                case "WHEEL" -> tags = lines.stream().filter(l -> l.startsWith("Tag:"))
                        .map(l -> l.substring(4).strip()).toList();
                default -> files = lines.stream().map(this::recordPath).filter(p -> p != null).toList();
            }
        }

        /** A RECORD line is {@code path,hash,size}; the path is relative to the root and may climb out of it. */
        private String recordPath(String line) {
            String path = line.startsWith("\"") ? line.substring(1, Math.max(1, line.indexOf('"', 1)))
                    : line.substring(0, line.indexOf(',') < 0 ? line.length() : line.indexOf(','));
            List<String> parts = new ArrayList<>(Arrays.asList(root.split("/")));
            parts.removeIf(String::isEmpty);
            for (String segment : path.replace('\\', '/').split("/")) {
                if (segment.equals("..")) {
                    if (parts.isEmpty()) {
                        return null;
                    }
                    parts.remove(parts.size() - 1);
                } else if (!segment.isEmpty() && !segment.equals(".")) {
                    parts.add(segment);
                }
            }
            return String.join("/", parts);
        }

        Distribution build() {
            return new Distribution(name, version, root, metaDir, topLevel, files, tags);
        }
    }
}
