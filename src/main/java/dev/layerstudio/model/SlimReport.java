package dev.layerstudio.model;

import java.util.List;

/**
 * What slimming would save (or saved), rule by rule. A file counts under the first
 * rule that takes it.
 */
public record SlimReport(List<Saving> savings) {

    /**
     * @param files  how many files the rule takes out
     * @param bytes  their size, unzipped
     * @param paths  the topmost paths it takes out (a folder stands for everything below it)
     */
    public record Saving(SlimRule rule, long files, long bytes, List<String> paths) {
        public Saving {
            paths = List.copyOf(paths);
        }
    }

    public SlimReport {
        savings = List.copyOf(savings);
    }

    public static SlimReport none() {
        return new SlimReport(List.of());
    }

    public long totalBytes() {
        return savings.stream().mapToLong(Saving::bytes).sum();
    }

    public long totalFiles() {
        return savings.stream().mapToLong(Saving::files).sum();
    }

    /** Every path the rules take out. */
    public List<String> paths() {
        return savings.stream().flatMap(s -> s.paths().stream()).toList();
    }
}
