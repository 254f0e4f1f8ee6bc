package dev.layerstudio.ui.contents;

import dev.layerstudio.build.PipOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * Checks typed requirement lines the way pip reads a requirements file: a PEP 508
 * requirement (name, extras, version specifiers or a URL, markers), a wheel or archive
 * path or URL, or one of the options pip accepts in a requirements file. Lines pip
 * would reject are reported with their line number and a plain sentence.
 */
final class RequirementsCheck {

    /** One line pip would reject. */
    record Problem(int line, String text, String message) {
    }


    private static final String NAME = "[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?";
    private static final String VERSION = "[A-Za-z0-9_.*+!-]+";
    private static final String SPEC = "(?:~=|===|==|!=|<=|>=|<|>)\\s*" + VERSION;
    private static final String SPECS = SPEC + "(?:\\s*,\\s*" + SPEC + ")*";
    private static final Pattern REQUIREMENT = Pattern.compile("(" + NAME + ")\\s*"
            + "(?:\\[\\s*(?:" + NAME + "(?:\\s*,\\s*" + NAME + ")*)?\\s*\\])?\\s*"
            + "(?:@\\s*\\S+\\s*|\\(\\s*" + SPECS + "\\s*\\)|" + SPECS + ")?\\s*"
            + "(?:;\\s*\\S.*)?");
    private static final Pattern SINGLE_EQUALS = Pattern.compile("(" + NAME + ")\\s*=\\s*([0-9][A-Za-z0-9_.*+!-]*)");
    private static final Pattern HASH_OPTION = Pattern.compile("\\s+--hash[=\\s]\\S+");
    private static final Pattern ARCHIVE = Pattern.compile(".*\\.(whl|tar\\.gz|tgz|zip|tar\\.bz2)",
            Pattern.CASE_INSENSITIVE);

    private final ResourceBundle text;

    RequirementsCheck(ResourceBundle text) {
        this.text = text;
    }

    /** The lines of {@code requirements} pip would reject, in order. */
    List<Problem> check(String requirements) {
        List<Problem> problems = new ArrayList<>();
        if (requirements == null) {
            return problems;
        }
        List<String> lines = requirements.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = withoutComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            String message = problemOf(line);
            if (message != null) {
                problems.add(new Problem(i + 1, lines.get(i).strip(), message));
            }
        }
        return problems;
    }

    private String problemOf(String line) {
        if (line.endsWith("\\")) {
            return text.getString("contents.req.continuation");
        }
        if (line.startsWith("-")) {
            return optionProblem(line);
        }
        String requirement = HASH_OPTION.matcher(line).replaceAll("");
        if (isPathOrUrl(requirement)) {
            return null;
        }
        if (REQUIREMENT.matcher(requirement).matches()) {
            return null;
        }
        var single = SINGLE_EQUALS.matcher(requirement);
        if (single.matches()) {
            return String.format(text.getString("contents.req.singleEquals"), single.group(1), single.group(2));
        }
        if (!Character.isLetterOrDigit(requirement.charAt(0))) {
            return text.getString("contents.req.badStart");
        }
        return text.getString("contents.req.invalid");
    }

    private String optionProblem(String line) {
        PipOptions.Line parsed = PipOptions.parse(line);
        String option = parsed.option();
        PipOptions.Option known = parsed.known().orElse(null);
        if (known == null) {
            return String.format(text.getString("contents.req.unknownOption"), option);
        }
        if (known.uvOnly()) {
            // the window installs with uv when it is found, else with pip, which stops at uv's options
            return String.format(text.getString("contents.req.uvOnly"), option);
        }
        boolean hasValue = parsed.value() != null;
        if (!known.takesValue()) {
            return hasValue ? String.format(text.getString("contents.req.noValue"), option) : null;
        }
        return hasValue ? null : String.format(text.getString("contents.req.needsValue"), option);
    }

    private static boolean isPathOrUrl(String s) {
        if (s.contains("://") || s.startsWith("./") || s.startsWith("../") || s.startsWith("/")
                || s.startsWith("~/")) {
            return !s.contains(" ") || s.contains(" @ ") || s.contains(";");
        }
        return ARCHIVE.matcher(s).matches() && !s.contains(" ");
    }

    /** A line without its comment: pip drops from a '#' at the start or after whitespace. */
    static String withoutComment(String line) {
        if (line.stripLeading().startsWith("#")) {
            return "";
        }
        int hash = line.indexOf(" #");
        int tab = line.indexOf("\t#");
        int cut = hash < 0 ? tab : tab < 0 ? hash : Math.min(hash, tab);
        return cut < 0 ? line : line.substring(0, cut);
    }
}
