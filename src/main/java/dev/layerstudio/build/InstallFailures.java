package dev.layerstudio.build;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Runtime;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed pip or uv run into one plain sentence that names the cause (network,
 * a package with no wheel for the target, a package that needs compiling, a package
 * that does not exist, conflicting requirements) and a hint with the user's options.
 */
final class InstallFailures {

    private static final Pattern PIP_NETWORK = Pattern.compile(
            "NewConnectionError|Failed to establish a new connection|ConnectTimeoutError|ReadTimeoutError"
                    + "|Temporary failure in name resolution|Name or service not known|nodename nor servname"
                    + "|getaddrinfo failed|SSLError|CERTIFICATE_VERIFY_FAILED|ProxyError|Max retries exceeded"
                    + "|Connection refused|Network is unreachable|Read timed out");
    /** In pip's verbose output, only failures to connect (a 404 from an extra index is normal there). */
    private static final Pattern PIP_PROBE_NETWORK = Pattern.compile(
            "Could not fetch URL .*(connection error|NewConnectionError|Failed to establish|timed out|SSLError"
                    + "|CERTIFICATE_VERIFY_FAILED|ProxyError|Name or service not known|name resolution)");
    private static final Pattern UV_NETWORK = Pattern.compile(
            "Request failed after|Failed to fetch|error sending request|dns error|tcp connect error|Connection refused"
                    + "|operation timed out|Network is unreachable|invalid peer certificate|HTTP status client error"
                    + "|HTTP status server error");
    private static final Pattern NO_MATCHING = Pattern.compile("No matching distribution found for (\\S+)");
    private static final Pattern FROM_VERSIONS = Pattern.compile(
            "Could not find a version that satisfies the requirement (\\S+) \\(from versions: ([^)]*)\\)");
    private static final Pattern REQUIRES_PYTHON = Pattern.compile(
            "Ignored the following versions that require a different python version: (.*)");
    private static final Pattern PIP_BUILD = Pattern.compile(
            "(?:Failed building wheel for|Could not build wheels for|Failed to build) (\\S+)");
    private static final Pattern SKIPPED_WHEEL = Pattern.compile(
            "Skipping link: none of the wheel's tags \\(([^)]*)\\) are compatible.*?: (\\S+)(?: \\(from [^)]*\\))?$");
    private static final Pattern SKIPPED_SOURCE = Pattern.compile(
            "Skipping link: No sources permitted for .*?: (\\S+)(?: \\(from [^)]*\\))?$");
    private static final Pattern UV_NO_PLATFORM = Pattern.compile(
            "([A-Za-z0-9][\\w.-]*?)(?:[=<>!~]=?\\S*)? (?:has|have) no wheels with a matching platform tag");
    private static final Pattern UV_NO_USABLE = Pattern.compile(
            "([A-Za-z0-9][\\w.-]*?)((?:[=<>!~]=?\\S*)?) (?:has|have) no usable wheels");
    private static final Pattern UV_WHEELS_FOR = Pattern.compile(
            "Wheels are available for `([^`]+)`.*?on the following platforms?: (.*)$");
    private static final Pattern UV_NOT_FOUND = Pattern.compile(
            "Because (\\S+) was not found in the (?:package registry|provided package locations)");
    private static final Pattern UV_NO_VERSIONS = Pattern.compile("Because there (?:are|is) no versions? of (\\S+)");
    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)");

    private InstallFailures() {
    }

    /** A requirement's project name: "requests[socks]>=2" gives "requests". */
    static String projectName(String requirement) {
        Matcher m = NAME.matcher(requirement.strip());
        return m.find() ? m.group(1) : requirement.strip();
    }

    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    // ---- pip ----

    /** The project pip found nothing for, or {@code null}. */
    static String pipMissingProject(List<String> lines) {
        for (String line : lines) {
            Matcher m = NO_MATCHING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * Explains a failed pip run.
     *
     * @param probe the output of the same resolution run again with {@code -vv}, which
     *              lists the files pip skipped; may be empty
     */
    static LayerStudioException pip(InstallSpec spec, ProcessRunner.Result result, List<String> probe) {
        List<String> lines = result.lines();
        String network = first(lines, PIP_NETWORK);
        if (network == null) {
            network = first(probe, PIP_PROBE_NETWORK);
        }
        String missing = pipMissingProject(lines);
        if (network != null) {
            return network(network);
        }
        if (missing != null) {
            return noDistribution(spec, missing, lines, probe);
        }
        for (String line : lines) {
            Matcher m = PIP_BUILD.matcher(line);
            if (m.find()) {
                return needsCompiling(spec, projectName(m.group(1).replaceAll("[,;]$", "")));
            }
        }
        if (contains(lines, "ResolutionImpossible") || contains(lines, "conflicting dependencies")) {
            return conflict(lines, "The conflict is caused by:");
        }
        if (contains(lines, "Could not open requirements file")) {
            return new LayerStudioException(firstError(lines, "pip could not read a requirements file."));
        }
        if (contains(lines, "Hashes are required in --require-hashes mode")) {
            return mixedHashes();
        }
        if (contains(lines, "THESE PACKAGES DO NOT MATCH THE HASHES")) {
            return new LayerStudioException("A downloaded package does not match the hash in your requirements.",
                    "Check the --hash lines, or whether the index serves different files.", null);
        }
        return new LayerStudioException("pip failed (exit code " + result.exitCode() + "): "
                + firstError(lines, "see the log for its output."));
    }

    private static LayerStudioException noDistribution(InstallSpec spec, String requirement, List<String> lines,
                                                       List<String> probe) {
        String name = projectName(requirement);
        String target = PlatformTags.describe(spec.runtime(), spec.architecture());
        Set<String> wheelTags = new LinkedHashSet<>();
        boolean source = false;
        for (String line : probe) {
            Matcher w = SKIPPED_WHEEL.matcher(line);
            if (w.find() && fileBelongsTo(w.group(2), name)) {
                wheelTags.add(w.group(1));
            }
            Matcher s = SKIPPED_SOURCE.matcher(line);
            if (s.find() && fileBelongsTo(s.group(1), name)) {
                source = true;
            }
        }
        String pythonNote = "";
        for (String line : lines) {
            Matcher m = REQUIRES_PYTHON.matcher(line);
            if (m.find()) {
                pythonNote = " Some versions were left out because they need another Python: " + m.group(1).strip() + ".";
            }
        }
        if (!wheelTags.isEmpty()) {
            return noWheel(spec, name, new ArrayList<>(wheelTags), pythonNote);
        }
        if (source) {
            return sourceOnly(spec, name, requirement);
        }
        for (String line : lines) {
            Matcher m = FROM_VERSIONS.matcher(line);
            if (m.find() && !m.group(2).isBlank() && !m.group(2).strip().equals("none")) {
                return new LayerStudioException("No version of " + name + " matches '" + requirement + "' for "
                        + target + " (available: " + m.group(2).strip() + ")." + pythonNote,
                        "Change the version in your requirements.", null);
            }
        }
        if (!pythonNote.isEmpty()) {
            return new LayerStudioException(name + " has no version for CPython " + spec.runtime().pythonVersion()
                    + "." + pythonNote, "Choose another runtime, or another version of " + name + ".", null);
        }
        return notFound(name);
    }

    /** Whether a link's file name (wheel or sdist) is of that project. */
    static boolean fileBelongsTo(String url, String project) {
        String file = url;
        try {
            String path = URI.create(url.replace(" ", "%20")).getPath();
            if (path != null) {
                file = path;
            }
        } catch (IllegalArgumentException ignored) {
            // not a URL: use as is
        }
        file = file.substring(file.lastIndexOf('/') + 1);
        int hash = file.indexOf('#');
        if (hash >= 0) {
            file = file.substring(0, hash);
        }
        String c = canonical(file);
        String p = canonical(project);
        return c.startsWith(p + "-") && c.length() > p.length() + 1 && Character.isDigit(c.charAt(p.length() + 1));
    }

    // ---- uv ----

    static LayerStudioException uv(InstallSpec spec, ProcessRunner.Result result) {
        List<String> lines = result.lines();
        String network = first(lines, UV_NETWORK);
        if (network != null) {
            return network(network);
        }
        String text = String.join("\n", lines);
        Matcher m = UV_NO_PLATFORM.matcher(text);
        if (m.find()) {
            String name = m.group(1);
            List<String> tags = new ArrayList<>();
            for (String line : lines) {
                Matcher w = UV_WHEELS_FOR.matcher(line);
                if (w.find()) {
                    for (String t : w.group(2).split(",|\\band\\b")) {
                        String tag = t.replace("`", "").strip();
                        if (!tag.isEmpty()) {
                            tags.add(tag);
                        }
                    }
                }
            }
            return noWheel(spec, name, tags, "");
        }
        m = UV_NO_USABLE.matcher(text);
        if (m.find()) {
            return sourceOnly(spec, m.group(1), m.group(1) + m.group(2));
        }
        m = UV_NOT_FOUND.matcher(text);
        if (m.find()) {
            return notFound(m.group(1));
        }
        m = UV_NO_VERSIONS.matcher(text);
        if (m.find()) {
            return new LayerStudioException("No version of " + projectName(m.group(1)) + " matches your requirements for "
                    + PlatformTags.describe(spec.runtime(), spec.architecture()) + ".",
                    "Change the version in your requirements.", null);
        }
        if (text.contains("No interpreter found") || text.contains("No Python")) {
            return new LayerStudioException("uv found no Python to work with.",
                    "Install Python 3 (python.org), or choose the Python to use (--python PATH).", null);
        }
        if (text.contains("--require-hashes` mode")) {
            return mixedHashes();
        }
        if (text.contains("requirements are unsatisfiable")) {
            return conflict(lines, "cause:");
        }
        return new LayerStudioException("uv failed (exit code " + result.exitCode() + "): "
                + firstError(lines, "see the log for its output."));
    }

    // ---- shared sentences ----

    private static LayerStudioException network(String line) {
        String detail = line.replaceAll("^(WARNING|ERROR|error|\\s*cause):\\s*", "").strip();
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "…";
        }
        return new LayerStudioException("Could not reach the package index: " + detail,
                "Check the network connection, proxy settings (HTTPS_PROXY) and the index URL in your requirements.",
                null);
    }

    static LayerStudioException noWheel(InstallSpec spec, String name, List<String> tags, String extra) {
        Runtime runtime = spec.runtime();
        Architecture arch = spec.architecture();
        StringBuilder message = new StringBuilder(name + " has no wheel for "
                + PlatformTags.describe(runtime, arch) + ".");
        if (!tags.isEmpty()) {
            message.append(" Its wheels are for: ").append(String.join(", ", tags.subList(0, Math.min(6, tags.size()))))
                    .append(tags.size() > 6 ? ", …" : "").append('.');
        }
        message.append(extra);
        List<String> options = new ArrayList<>();
        Architecture other = arch == Architecture.X86_64 ? Architecture.ARM64 : Architecture.X86_64;
        String joined = String.join(" ", tags).toLowerCase(Locale.ROOT);
        if (joined.contains("linux") && joined.contains(other.machine()) && joined.contains("cp" + runtime.abiDigits())) {
            options.add("build for " + other.id());
        }
        for (Runtime r : Runtime.python()) {
            if (!r.equals(runtime) && joined.contains("cp" + r.abiDigits()) && joined.contains(arch.machine())) {
                options.add("choose " + r.id());
                break;
            }
        }
        options.add("pin a version of " + name + " that publishes a manylinux " + arch.machine() + " wheel");
        options.add("build it on Linux " + arch.id() + " (for example in the Lambda build image) and add the result as your own folder");
        return new LayerStudioException(message.toString(), "Options: " + String.join("; ", options) + ".", null);
    }

    /** A project the index has only as source for the target: the engine may build it here and retry. */
    static SourceOnlyException sourceOnly(InstallSpec spec, String name, String requirement) {
        LayerStudioException e = needsCompiling(spec, name);
        return new SourceOnlyException(name, requirement, e.getMessage(), e.hint());
    }

    static LayerStudioException needsCompiling(InstallSpec spec, String name) {
        return new LayerStudioException(name + " needs compiling: it is published only as source code, and a layer "
                + "for " + PlatformTags.describe(spec.runtime(), spec.architecture())
                + " can only be built here from ready-made wheels.",
                "Options: choose a version of " + name + " that publishes wheels; or build it on Linux "
                        + spec.architecture().id() + " (for example in the Lambda build image) and add the result as "
                        + "your own folder; if it is pure Python, add its source folder as your own.", null);
    }

    private static LayerStudioException notFound(String name) {
        return new LayerStudioException(name + " was not found on the package index.",
                "Check the name, and any index options (--index-url, --extra-index-url, --find-links) in your requirements.",
                null);
    }

    private static LayerStudioException mixedHashes() {
        return new LayerStudioException("Some requirements are pinned with hashes and others are not, and then every "
                + "package needs a hash.", "Build the hashed input (a lock file, or a requirements file with --hash) on "
                + "its own, or pin the other requirements with --hash too.", null);
    }

    private static LayerStudioException conflict(List<String> lines, String marker) {
        List<String> detail = new ArrayList<>();
        boolean on = false;
        for (String line : lines) {
            if (line.contains(marker)) {
                on = true;
                String rest = line.substring(line.indexOf(marker) + marker.length()).strip();
                if (!rest.isEmpty()) {
                    detail.add(rest);
                }
                continue;
            }
            if (on && !line.isBlank() && detail.size() < 6) {
                detail.add(line.strip());
            } else if (on && line.isBlank() && !detail.isEmpty()) {
                break;
            }
        }
        return new LayerStudioException("The requirements conflict with each other"
                + (detail.isEmpty() ? "." : ": " + String.join(" ", detail)),
                "Loosen or change the versions that clash.", null);
    }

    private static String first(List<String> lines, Pattern p) {
        for (String line : lines) {
            if (p.matcher(line).find()) {
                return line;
            }
        }
        return null;
    }

    private static boolean contains(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    private static String firstError(List<String> lines, String fallback) {
        for (String line : lines) {
            String s = line.strip();
            if (s.startsWith("ERROR:") || s.startsWith("error:")) {
                return s.substring(s.indexOf(':') + 1).strip();
            }
        }
        return fallback;
    }
}
