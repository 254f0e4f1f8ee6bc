package dev.layerstudio.ui.contents;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The Contents page's editor for a Node.js runtime: checks typed lines the way npm takes
 * package specs (a package name, lower case, optionally {@code @scope/}, with an optional
 * {@code @version} or range, or {@code -r FILE} naming a package.json), reporting lines npm
 * would not take with their line number and a plain sentence; and turns lines and loaded
 * files into what the build takes.
 */
final class NodePackagesCheck {

    private static final java.util.Set<String> LOCKS_AND_MANIFEST = java.util.Set.of("package.json",
            "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml");
    private static final Pattern NAME = Pattern.compile("(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
    private static final Pattern SPEC = Pattern.compile("(" + NAME.pattern() + ")(?:@(\\S+))?");

    private final ResourceBundle text;

    /** What a loaded file puts in the editor, and what it was read as. */
    record Input(String text, String summary) {
    }

    NodePackagesCheck(ResourceBundle text) {
        this.text = text;
    }

    List<RequirementsCheck.Problem> check(String typed) {
        List<RequirementsCheck.Problem> problems = new ArrayList<>();
        if (typed == null) {
            return problems;
        }
        List<String> lines = typed.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = RequirementsCheck.withoutComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            String message = problemOf(line);
            if (message != null) {
                problems.add(new RequirementsCheck.Problem(i + 1, lines.get(i).strip(), message));
            }
        }
        return problems;
    }

    private String problemOf(String line) {
        if (line.startsWith("-r ")) {
            return line.substring(3).strip().endsWith("package.json") ? null
                    : text.getString("contents.npm.notPackageJson");
        }
        if (line.startsWith("-")) {
            return String.format(text.getString("contents.npm.option"), line.split("\\s+")[0]);
        }
        if (SPEC.matcher(line).matches()) {
            return null;
        }
        if (line.contains("==")) {
            return String.format(text.getString("contents.npm.doubleEquals"), line.replaceFirst("\\s*==\\s*", "@"));
        }
        return text.getString("contents.npm.invalid");
    }

    /** {@code -r FILE} lines name the package.json; the other lines are package specs. */
    static Requirements requirements(List<String> lines) {
        List<Path> files = lines.stream().filter(l -> l.startsWith("-r ")).map(l -> Path.of(l.substring(3).strip()))
                .toList();
        return new Requirements(lines.stream().filter(l -> !l.startsWith("-r ")).toList(), files);
    }

    /**
     * A package.json (or a lock file, standing for the package.json beside it) is given whole
     * as {@code -r FILE}; any other file is read as a list of packages.
     */
    static Input load(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path manifest = name.equals("package.json") ? file : file.resolveSibling("package.json");
        if (LOCKS_AND_MANIFEST.contains(name)) {
            if (!Files.isRegularFile(manifest)) {
                throw new LayerStudioException("There is no package.json beside " + file + ".");
            }
            return new Input("-r " + manifest.toAbsolutePath() + "\n", manifest.getFileName().toString());
        }
        return new Input(Files.readString(file, StandardCharsets.UTF_8), name);
    }
}
