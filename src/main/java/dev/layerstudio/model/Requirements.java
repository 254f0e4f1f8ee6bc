package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What to install: requirement lines as typed ({@code requests==2.32.3},
 * {@code --extra-index-url https://...}) and input files: requirements files (whose own
 * {@code -r}, {@code -c} and index options pip and uv honour), {@code pyproject.toml},
 * {@code poetry.lock}, {@code uv.lock} or {@code Pipfile.lock}.
 *
 * @param groups the optional groups (extras, dependency groups, Poetry groups, Pipfile's
 *               {@code develop}) to install from pyproject.toml and lock files besides the main one
 */
public record Requirements(List<String> lines, List<Path> files, List<String> groups) {

    public Requirements {
        lines = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        files = List.copyOf(files);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public Requirements(List<String> lines, List<Path> files) {
        this(lines, files, List.of());
    }

    public Requirements withGroups(List<String> value) {
        return new Requirements(lines, files, value);
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

    /** Whether nothing is asked for: no files, and no lines but options (an index alone installs nothing). */
    public boolean isEmpty() {
        return files.isEmpty() && lines.stream().allMatch(l -> l.startsWith("-")
                && !l.startsWith("-r") && !l.startsWith("--requirement") && !l.startsWith("-e")
                && !l.startsWith("--editable"));
    }
}
