package dev.layerstudio.build;

import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerPaths;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;

/**
 * Lists files on disk as layer nodes: the staging folder pip or uv installed into
 * (each file attributed to the package whose {@code RECORD} lists it), and the user's
 * own files and folders. Reads names and sizes only; nothing is copied.
 */
final class ContentScanner {

    /** Clutter that never belongs in a layer: version-control folders and desktop metadata. */
    static final Set<String> SKIPPED_NAMES = Set.of(".git", ".hg", ".svn", ".DS_Store", "Thumbs.db", "desktop.ini");

    private ContentScanner() {
    }

    /** The installed tree under {@code target}, placed at {@code root} inside the layer. */
    static List<ContentNode> scanInstalled(Path target, String root) {
        Map<String, String> owners = owners(target);
        List<ContentNode> nodes = new ArrayList<>();
        walk(target, (rel, attrs, file) -> {
            String path = rel.isEmpty() ? root : root + "/" + rel;
            String owner = rel.isEmpty() ? null : ownerOf(rel, owners);
            ContentSource src = new ContentSource.Installed(file, attrs.isDirectory() ? 0 : attrs.size(), owner);
            nodes.add(attrs.isDirectory() ? ContentNode.folder(path, rel.isEmpty() ? null : src)
                    : ContentNode.file(path, src));
        });
        return nodes;
    }

    /** A user's file or folder placed at {@code dest} inside the layer. */
    static List<ContentNode> scanUser(Path source, String dest) {
        return scanUser(source, dest, rel -> false);
    }

    /**
     * A user's file or folder placed at {@code dest} inside the layer, without what {@code excluded}
     * says to leave out (a path relative to the source; a folder left out takes what is below it).
     */
    static List<ContentNode> scanUser(Path source, String dest, Predicate<String> excluded) {
        Path added = source.toAbsolutePath().normalize();
        if (!Files.exists(added)) {
            throw new LayerStudioException("There is no file or folder at " + source + ".");
        }
        String root = LayerPaths.normalize(dest);
        List<ContentNode> nodes = new ArrayList<>();
        walk(added, (rel, attrs, file) -> {
            if (!rel.isEmpty() && excluded.test(rel)) {
                return;
            }
            String path = rel.isEmpty() ? root : root + "/" + rel;
            ContentSource src = new ContentSource.User(file, attrs.isDirectory() ? 0 : attrs.size(), added);
            nodes.add(attrs.isDirectory() ? ContentNode.folder(path, src) : ContentNode.file(path, src));
        });
        return nodes;
    }

    private interface Visitor {
        void visit(String relative, BasicFileAttributes attrs, Path file);
    }

    /** Walks a tree following links, skipping clutter and anything that is neither file nor folder. */
    private static void walk(Path start, Visitor visitor) {
        try {
            Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            checkCancelled();
                            if (!dir.equals(start) && SKIPPED_NAMES.contains(dir.getFileName().toString())) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            visitor.visit(relative(start, dir), attrs, dir);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && !SKIPPED_NAMES.contains(file.getFileName().toString())) {
                                visitor.visit(relative(start, file), attrs, file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (e instanceof NoSuchFileException && !file.equals(start)) {
                                return FileVisitResult.CONTINUE; // a dangling link
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + start + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path start, Path p) {
        String rel = start.relativize(p).toString();
        return p.getFileSystem().getSeparator().equals("/") ? rel : rel.replace(p.getFileSystem().getSeparator(), "/");
    }

    static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled");
        }
    }

    // ---- which package owns which file ----

    /**
     * Paths (relative to the target) named in the {@code RECORD} of each installed
     * {@code *.dist-info}, mapped to the package's name; each top-level folder a package
     * writes into and its dist-info folder map to it too.
     */
    static Map<String, String> owners(Path target) {
        Map<String, String> owners = new HashMap<>();
        List<Path> distInfos;
        try (var list = Files.list(target)) {
            distInfos = list.filter(p -> p.getFileName().toString().endsWith(".dist-info") && Files.isDirectory(p))
                    .sorted().toList();
        } catch (IOException e) {
            return owners;
        }
        for (Path info : distInfos) {
            String name = DistInfo.name(info);
            owners.put(info.getFileName().toString(), name);
            Path record = info.resolve("RECORD");
            if (!Files.isRegularFile(record)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                    String path = recordPath(line);
                    if (path == null) {
                        continue;
                    }
                    owners.putIfAbsent(path, name);
                    int slash = path.indexOf('/');
                    if (slash > 0) {
                        owners.putIfAbsent(path.substring(0, slash), name);
                    }
                }
            } catch (IOException e) {
                // an unreadable RECORD only loses the attribution
            }
        }
        return owners;
    }

    /** The path in a RECORD line (CSV: path,hash,size), normalised; null when it leaves the target. */
    static String recordPath(String line) {
        if (line.isBlank()) {
            return null;
        }
        String path;
        if (line.startsWith("\"")) {
            int end = line.indexOf("\",");
            path = end < 0 ? line.substring(1) : line.substring(1, end).replace("\"\"", "\"");
        } else {
            int comma = line.indexOf(',');
            path = comma < 0 ? line : line.substring(0, comma);
        }
        path = path.replace('\\', '/');
        if (path.startsWith("/") || path.startsWith("../") || path.contains("/../")) {
            return null;
        }
        try {
            return LayerPaths.normalize(path);
        } catch (LayerStudioException e) {
            return null;
        }
    }

    /** The owner of a path: itself, else the nearest folder above it that has one. */
    static String ownerOf(String relative, Map<String, String> owners) {
        String p = relative;
        while (true) {
            String owner = owners.get(p);
            if (owner != null) {
                return owner;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return null;
            }
            p = p.substring(0, slash);
        }
    }
}
