package dev.layerstudio.build;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The options a requirements list may hold, as pip and uv read them: the one grammar the
 * builder (arguments, options shown, index options for a source build) and the window's
 * check of typed lines both use. {@code --index} and {@code --default-index} are uv's own:
 * pip stops at them.
 */
public final class PipOptions {

    /**
     * One option.
     *
     * @param name         as written, {@code --index-url}
     * @param takesValue   whether a value follows ({@code --index-url URL}, {@code --index-url=URL})
     * @param namesFile    its value is a requirements or constraints file, read in turn
     * @param namesPath    its value may be a local file or folder, relative to the file it is in
     * @param source       it changes where packages come from or which versions are allowed (shown to the user)
     * @param index        it says where packages come from (passed on to another pip run)
     * @param uvOnly       only uv accepts it
     */
    public record Option(String name, boolean takesValue, boolean namesFile, boolean namesPath, boolean source,
                         boolean index, boolean uvOnly) {
    }

    /** A line that starts with an option: the option as written and its value (null when none). */
    public record Line(String option, String value) {

        /** The option as pip and uv know it, or empty for an unknown one. */
        public Optional<Option> known() {
            return PipOptions.of(option);
        }
    }

    private static final Map<String, Option> OPTIONS = Stream.of(
            // name, value, file, path, source, index, uv only
            new Option("-r", true, true, true, true, false, false),
            new Option("--requirement", true, true, true, true, false, false),
            new Option("-c", true, true, true, true, false, false),
            new Option("--constraint", true, true, true, true, false, false),
            new Option("-i", true, false, false, true, true, false),
            new Option("--index-url", true, false, false, true, true, false),
            new Option("--extra-index-url", true, false, false, true, true, false),
            new Option("-f", true, false, true, true, true, false),
            new Option("--find-links", true, false, true, true, true, false),
            new Option("--no-index", false, false, false, true, true, false),
            new Option("--trusted-host", true, false, false, true, true, false),
            new Option("--pre", false, false, false, true, false, false),
            new Option("--prefer-binary", false, false, false, true, false, false),
            new Option("--only-binary", true, false, false, true, false, false),
            new Option("--no-binary", true, false, false, true, false, false),
            new Option("--require-hashes", false, false, false, false, false, false),
            new Option("-e", true, false, true, false, false, false),
            new Option("--editable", true, false, true, false, false, false),
            new Option("--use-feature", true, false, false, false, false, false),
            new Option("--config-settings", true, false, false, false, false, false),
            new Option("--global-option", true, false, false, false, false, false),
            new Option("--index", true, false, false, true, false, true),
            new Option("--default-index", true, false, false, true, false, true))
            .collect(Collectors.toUnmodifiableMap(Option::name, Function.identity()));

    private PipOptions() {
    }

    /** The option of this name, or empty when neither pip nor uv knows it. */
    public static Optional<Option> of(String name) {
        return Optional.ofNullable(OPTIONS.get(name));
    }

    /**
     * Splits a line that starts with {@code -} into its option and value: {@code -r base.txt},
     * {@code --index-url=URL} and {@code --index-url URL} alike. The value is stripped; null when absent.
     */
    public static Line parse(String line) {
        String s = line.strip();
        int cut = 0;
        while (cut < s.length() && !Character.isWhitespace(s.charAt(cut)) && s.charAt(cut) != '=') {
            cut++;
        }
        String option = s.substring(0, cut);
        String rest = cut < s.length() ? s.substring(cut + 1).strip() : "";
        return new Line(option, rest.isEmpty() ? null : rest);
    }
}
