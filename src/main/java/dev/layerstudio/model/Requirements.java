package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What to install: requirement lines as typed ({@code requests==2.32.3},
 * {@code --extra-index-url https://...}) and requirements files, whose own {@code -r},
 * {@code -c} and index options pip and uv honour.
 */
public record Requirements(List<String> lines, List<Path> files) {

    public Requirements {
        lines = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        files = List.copyOf(files);
    }

    public static Requirements none() {
        return new Requirements(List.of(), List.of());
    }

    public static Requirements of(String... lines) {
        return new Requirements(List.of(lines), List.of());
    }

    public static Requirements ofFile(Path file) {
        return new Requirements(List.of(), List.of(file));
    }

    /** Splits text typed into a box: one requirement or option per line. */
    public static Requirements parse(String text) {
        return new Requirements(text == null ? List.of() : text.lines().toList(), List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty() && files.isEmpty();
    }
}
