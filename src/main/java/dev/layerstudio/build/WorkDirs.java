package dev.layerstudio.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Staging folders: made under the work root, removed completely afterwards. */
final class WorkDirs {

    private static final Logger LOG = LoggerFactory.getLogger(WorkDirs.class);

    private WorkDirs() {
    }

    static Path create(Path root) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "layer-studio-build-");
    }

    /** Removes a folder and everything in it (links are removed, not followed); retries briefly for Windows. */
    static void delete(Path dir) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                deleteTree(dir);
                return;
            } catch (IOException e) {
                if (attempt == 4) {
                    LOG.warn("Could not remove staging folder {}", dir, e);
                    return;
                }
                try {
                    Thread.sleep(200L * (attempt + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
