package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The input files pip and uv cannot read themselves: {@code pyproject.toml},
 * {@code poetry.lock}, {@code uv.lock} and {@code Pipfile.lock}. Each is read by its own
 * reader into an {@link InputRead} and written out as a requirements file (exact pins and
 * hashes from a lock), which either installer then installs. Requirements files pass
 * through unchanged: pip and uv read them, with their {@code --hash} pins.
 */
public final class InputFiles {

    /** The kinds of input, told apart by file name. */
    enum Format {
        REQUIREMENTS, PYPROJECT, POETRY_LOCK, UV_LOCK, PIPFILE_LOCK;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "pyproject.toml" -> PYPROJECT;
                case "poetry.lock" -> POETRY_LOCK;
                case "uv.lock" -> UV_LOCK;
                case "pipfile.lock" -> PIPFILE_LOCK;
                default -> REQUIREMENTS;
            };
        }
    }

    /** Requirements with every lock and pyproject replaced by a requirements file, and what was read. */
    record Expanded(Requirements requirements, List<String> summaries) {
    }

    private static final TomlMapper TOML = new TomlMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputFiles() {
    }

    /**
     * Reads every input file of the requirements that is not a requirements file (given as
     * a file, or typed as {@code -r FILE}) and writes its requirements into {@code dir}.
     */
    static Expanded expand(Requirements requirements, Path base, Path dir) throws IOException {
        List<String> summaries = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String line : requirements.lines()) {
            String[] words = line.split("[\\s=]+", 2);
            if ((words[0].equals("-r") || words[0].equals("--requirement")) && words.length > 1) {
                Path file = resolve(base, words[1].strip());
                if (Format.of(file) != Format.REQUIREMENTS) {
                    lines.add("-r " + written(file, requirements.groups(), dir, summaries));
                    continue;
                }
            }
            lines.add(line);
        }
        List<Path> files = new ArrayList<>();
        for (Path f : requirements.files()) {
            Path file = resolve(base, f.toString());
            if (Format.of(file) == Format.REQUIREMENTS) {
                files.add(f);
                if (Files.isRegularFile(file)) {
                    summaries.add(requirementsSummary(file));
                }
            } else {
                files.add(written(file, requirements.groups(), dir, summaries));
            }
        }
        return new Expanded(new Requirements(lines, files, requirements.groups()), summaries);
    }

    /**
     * What an input file asks for, in one line for the user: "poetry.lock: 23 packages pinned
     * with hashes, group main", or "requirements.txt: 12 requirements, 12 with hashes".
     * Fails with a plain sentence when the file cannot be read.
     */
    public static String describe(Path file, List<String> groups) throws IOException {
        if (Format.of(file) == Format.REQUIREMENTS) {
            if (!Files.isRegularFile(file)) {
                throw new LayerStudioException("The requirements file " + file + " does not exist.");
            }
            return requirementsSummary(file);
        }
        return read(file, groups).summary();
    }

    /**
     * Whether the file is best given to the installer whole ({@code -r FILE}) rather than
     * typed out: a lock file or pyproject.toml, or a requirements file with {@code --hash} pins.
     */
    public static boolean givenWhole(Path file) throws IOException {
        return Format.of(file) != Format.REQUIREMENTS
                || Files.readString(file, StandardCharsets.UTF_8).contains("--hash");
    }

    /** Reads one input file with the groups asked for (besides the main one). */
    static InputRead read(Path file, List<String> groups) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LayerStudioException("The requirements file " + file + " does not exist.");
        }
        Format format = Format.of(file);
        try {
            return switch (format) {
                case PYPROJECT -> PyprojectReader.read(file.getFileName().toString(), TOML.readTree(file.toFile()), groups);
                case POETRY_LOCK -> PoetryLockReader.read(TOML.readTree(file.toFile()), groups);
                case UV_LOCK -> UvLockReader.read(TOML.readTree(file.toFile()), groups);
                case PIPFILE_LOCK -> PipfileLockReader.read(JSON.readTree(file.toFile()), groups);
                case REQUIREMENTS -> throw new IllegalArgumentException("pip reads requirements files itself");
            };
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new LayerStudioException(file.getFileName() + " could not be read: " + e.getOriginalMessage() + ".",
                    "Check that it is the file its tool wrote; lock it again if in doubt.", e);
        }
    }

    /** "requirements.txt: 12 requirements, 12 with hashes" for a requirements file pip will read. */
    static String requirementsSummary(Path file) throws IOException {
        int requirements = 0;
        int hashed = 0;
        StringBuilder logical = new StringBuilder();
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.replaceAll("(^|\\s)#.*$", "").strip();
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            String whole = (logical + line).strip();
            logical.setLength(0);
            if (!whole.isEmpty() && !whole.startsWith("-")) {
                requirements++;
                if (whole.contains("--hash")) {
                    hashed++;
                }
            }
        }
        return file.getFileName() + ": " + requirements + (requirements == 1 ? " requirement" : " requirements")
                + (hashed > 0 ? ", " + hashed + " with hashes" : "");
    }

    private static Path written(Path file, List<String> groups, Path dir, List<String> summaries) throws IOException {
        InputRead read = read(file, groups);
        if (read.items().isEmpty()) {
            throw new LayerStudioException(read.summary() + ": there is nothing to install.",
                    "Check the groups asked for (--group), or the file.", null);
        }
        summaries.add(read.summary());
        Files.createDirectories(dir);
        Path out = dir.resolve((summaries.size()) + "-" + file.getFileName() + ".txt");
        Files.write(out, read.lines(), StandardCharsets.UTF_8);
        return out;
    }

    /**
     * The hashes the requirements files written into {@code dir} pin a project to (empty
     * when none does): a lock's sdist and wheel hashes.
     */
    static List<String> hashesOf(Path dir, String project) throws IOException {
        for (Path file : written(dir)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (pins(line, project)) {
                    List<String> out = new ArrayList<>();
                    for (String word : line.split("\\s+")) {
                        if (word.startsWith("--hash=")) {
                            out.add(word.substring(7));
                        }
                    }
                    return out;
                }
            }
        }
        return List.of();
    }

    /** Adds a hash (of a wheel built here from a verified source archive) to the project's pin. */
    static void allowHash(Path dir, String project, String hash) throws IOException {
        for (Path file : written(dir)) {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            boolean changed = false;
            for (int i = 0; i < lines.size(); i++) {
                if (pins(lines.get(i), project) && lines.get(i).contains("--hash=")) {
                    lines.set(i, lines.get(i) + " --hash=" + hash);
                    changed = true;
                }
            }
            if (changed) {
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        }
    }

    private static List<Path> written(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static boolean pins(String line, String project) {
        return !line.startsWith("#") && !line.isBlank() && InstallFailures.canonical(
                InstallFailures.projectName(line)).equals(InstallFailures.canonical(project));
    }

    private static Path resolve(Path base, String value) {
        Path p = Path.of(value);
        return p.isAbsolute() || base == null ? p.toAbsolutePath() : base.resolve(p).toAbsolutePath().normalize();
    }

    /** The text of a TOML or JSON value, or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Whether a marker is about extras only, which a lock has already settled. */
    static String withoutExtra(String marker) {
        return marker == null || marker.isBlank() || marker.contains("extra") ? null : marker;
    }
}
