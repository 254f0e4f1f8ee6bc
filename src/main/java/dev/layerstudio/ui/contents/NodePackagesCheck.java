package dev.layerstudio.ui.contents;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * Checks typed lines for a Node.js layer the way npm takes package specs: a package name
 * (lower case, optionally {@code @scope/}) with an optional {@code @version} or range, or
 * {@code -r FILE} naming a package.json. Lines npm would not take are reported with their
 * line number and a plain sentence.
 */
final class NodePackagesCheck {

    private static final Pattern NAME = Pattern.compile("(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
    private static final Pattern SPEC = Pattern.compile("(" + NAME.pattern() + ")(?:@(\\S+))?");

    private final ResourceBundle text;

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
}
