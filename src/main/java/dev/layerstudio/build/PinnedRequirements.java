package dev.layerstudio.build;

import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The exact versions a build installed, as a requirements file ({@code name==version},
 * one a line, sorted), so the same layer can be built again later with {@code -r FILE}.
 */
public final class PinnedRequirements {

    private PinnedRequirements() {
    }

    /** The file's lines: a comment naming the target, then one pin per installed package. */
    public static List<String> lines(BuildResult result) {
        return lines(result.packages(), result.runtime().id() + " " + result.architecture().id());
    }

    /** The file's lines for packages installed for a target ("python3.12 arm64"). */
    public static List<String> lines(List<InstalledPackage> packages, String target) {
        List<String> out = new ArrayList<>();
        out.add("# Installed by Layer Studio for " + target + "; build again with -r this file.");
        packages.stream().sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)))
                .forEach(p -> out.add(p.name() + "==" + p.version()));
        return out;
    }

    /** Writes the pins of a build, replacing the file only when the new one is complete. */
    public static void write(BuildResult result, Path file) {
        write(lines(result), file);
    }

    /** Writes lines to a file, replacing it only when the new one is complete. */
    public static void write(List<String> lines, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".pins", ".tmp");
            try {
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new LayerStudioException("Could not write " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
