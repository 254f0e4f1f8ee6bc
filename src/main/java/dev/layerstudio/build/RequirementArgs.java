package dev.layerstudio.build;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Requirements turned into pip/uv arguments, and the options in them that change where
 * packages come from, for the user to see.
 */
final class RequirementArgs {

    private static final Pattern CREDENTIALS = Pattern.compile("(://[^/:@\\s]+:)[^@\\s/]+@");
    private static final List<String> PIP_ENV = List.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS",
            "PIP_NO_INDEX", "PIP_TRUSTED_HOST", "PIP_PRE");
    private static final List<String> UV_ENV = List.of("UV_INDEX_URL", "UV_EXTRA_INDEX_URL", "UV_INDEX",
            "UV_DEFAULT_INDEX", "UV_FIND_LINKS", "UV_NO_INDEX", "UV_PRERELEASE");

    private RequirementArgs() {
    }

    /**
     * The arguments for pip or uv: each requirements file as {@code -r FILE} (absolute),
     * each typed option split into its words, each typed requirement as one argument.
     */
    static List<String> arguments(Requirements requirements, Path base) {
        List<String> args = new ArrayList<>();
        for (String line : requirements.lines()) {
            if (line.startsWith("-")) {
                PipOptions.Line option = PipOptions.parse(line);
                args.add(option.option());
                if (option.value() != null) {
                    boolean file = option.known().map(PipOptions.Option::namesFile).orElse(false);
                    args.add(file ? absolute(base, option.value()).toString() : option.value());
                }
            } else {
                args.add(line);
            }
        }
        for (Path file : requirements.files()) {
            Path abs = absolute(base, file.toString());
            if (!Files.isRegularFile(abs)) {
                throw new LayerStudioException("The requirements file " + file + " does not exist.");
            }
            args.add("-r");
            args.add(abs.toString());
        }
        return args;
    }

    /**
     * The options that decide where packages come from, each with where it was found:
     * "requirements.txt: --extra-index-url https://user:****@host/simple". Credentials are masked.
     */
    static List<String> shownOptions(Requirements requirements, Path base, boolean uv, Map<String, String> env) {
        Set<String> out = new LinkedHashSet<>();
        List<String> typed = new ArrayList<>();
        for (String line : requirements.lines()) {
            if (line.startsWith("-")) {
                typed.add(line);
            }
        }
        collect("typed", typed, base, out, new LinkedHashSet<>());
        for (Path file : requirements.files()) {
            readFile(absolute(base, file.toString()), out, new LinkedHashSet<>());
        }
        for (String name : uv ? UV_ENV : PIP_ENV) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                out.add("environment: " + name + "=" + mask(value));
            }
        }
        return List.copyOf(out);
    }

    private static void readFile(Path file, Set<String> out, Set<Path> seen) {
        Path norm = file.toAbsolutePath().normalize();
        if (!seen.add(norm) || !Files.isRegularFile(norm)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(norm, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return; // pip and uv will say what is wrong with it
        }
        List<String> options = new ArrayList<>();
        StringBuilder continued = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.endsWith("\\")) {
                continued.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            line = (continued + line).strip();
            continued.setLength(0);
            int hash = line.indexOf(" #");
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.startsWith("-")) {
                options.add(line);
            }
        }
        collect(norm.getFileName().toString(), options, norm.getParent(), out, seen);
    }

    private static void collect(String where, List<String> optionLines, Path base, Set<String> out, Set<Path> seen) {
        for (String line : optionLines) {
            PipOptions.Line parsed = PipOptions.parse(line);
            PipOptions.Option option = parsed.known().filter(PipOptions.Option::source).orElse(null);
            if (option == null) {
                continue;
            }
            String value = option.takesValue() ? parsed.value() : null;
            out.add(where + ": " + option.name() + (value == null ? "" : " " + mask(value)));
            if (value != null && option.namesFile()) {
                readFile(absolute(base, value), out, seen);
            }
        }
    }

    /**
     * The canonical names of the projects asked for: typed requirements and those in the
     * requirements files (following {@code -r}, not {@code -c}).
     */
    static Set<String> requestedNames(Requirements requirements, Path base) {
        Set<String> names = new LinkedHashSet<>();
        List<String> typedFiles = new ArrayList<>();
        for (String line : requirements.lines()) {
            if (!line.startsWith("-")) {
                names.add(InstallFailures.canonical(InstallFailures.projectName(line)));
            } else {
                requirementsFile(line).ifPresent(typedFiles::add);
            }
        }
        Set<Path> seen = new LinkedHashSet<>();
        for (String f : typedFiles) {
            readNames(absolute(base, f), names, seen);
        }
        for (Path file : requirements.files()) {
            readNames(absolute(base, file.toString()), names, seen);
        }
        return names;
    }

    private static void readNames(Path file, Set<String> names, Set<Path> seen) {
        Path norm = file.toAbsolutePath().normalize();
        if (!seen.add(norm) || !Files.isRegularFile(norm)) {
            return;
        }
        try {
            for (String raw : Files.readAllLines(norm, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                int hash = line.indexOf('#');
                line = hash >= 0 ? line.substring(0, hash).strip() : line;
                if (line.isEmpty()) {
                    continue;
                }
                if (!line.startsWith("-")) {
                    names.add(InstallFailures.canonical(InstallFailures.projectName(line)));
                } else {
                    requirementsFile(line).ifPresent(f -> readNames(absolute(norm.getParent(), f), names, seen));
                }
            }
        } catch (IOException e) {
            // the installer reports unreadable files
        }
    }

    /** The file a {@code -r} line names (requirements read in turn; a {@code -c} file only constrains). */
    private static Optional<String> requirementsFile(String line) {
        PipOptions.Line parsed = PipOptions.parse(line);
        boolean requirement = parsed.option().equals("-r") || parsed.option().equals("--requirement");
        return requirement ? Optional.ofNullable(parsed.value()) : Optional.empty();
    }

    /**
     * The index options of the typed lines and of the requirements files (following
     * {@code -r}), as arguments; relative {@code --find-links} folders made absolute.
     */
    static List<String> indexArguments(Requirements requirements, Path base) {
        List<String> args = new ArrayList<>();
        List<String> typed = requirements.lines().stream().filter(l -> l.startsWith("-")).toList();
        indexOptions(typed, base, args, new LinkedHashSet<>());
        for (Path file : requirements.files()) {
            indexFile(absolute(base, file.toString()), args, new LinkedHashSet<>());
        }
        return args;
    }

    private static void indexOptions(List<String> optionLines, Path base, List<String> args, Set<Path> seen) {
        for (String line : optionLines) {
            PipOptions.Line parsed = PipOptions.parse(line);
            PipOptions.Option option = parsed.known().orElse(null);
            String value = parsed.value();
            if (option != null && option.index()) {
                args.add(option.name());
                if (value != null && option.takesValue()) {
                    boolean local = option.namesPath() && !value.contains("://");
                    args.add(local ? absolute(base, value).toString() : value);
                }
            } else {
                requirementsFile(line).ifPresent(f -> indexFile(absolute(base, f), args, seen));
            }
        }
    }

    private static void indexFile(Path file, List<String> args, Set<Path> seen) {
        Path norm = file.toAbsolutePath().normalize();
        if (!seen.add(norm) || !Files.isRegularFile(norm)) {
            return;
        }
        try {
            List<String> options = Files.readAllLines(norm, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> l.startsWith("-")).map(l -> l.replaceAll("\\s+#.*$", "")).toList();
            indexOptions(options, norm.getParent(), args, seen);
        } catch (IOException e) {
            // the installer has already read it; nothing more to learn here
        }
    }

    static String mask(String text) {
        return CREDENTIALS.matcher(text).replaceAll("$1****@");
    }

    private static Path absolute(Path base, String value) {
        Path p = Path.of(value);
        return p.isAbsolute() || base == null ? p.toAbsolutePath() : base.resolve(p).toAbsolutePath().normalize();
    }
}
