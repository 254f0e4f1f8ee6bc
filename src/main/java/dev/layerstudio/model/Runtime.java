package dev.layerstudio.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda runtime Layer Studio builds for, as a row of {@link RuntimeTable} (the
 * resource file {@code runtimes.tsv}): its Amazon Linux and glibc level, and the dates
 * AWS publishes for its release, deprecation and the blocks on creating and updating
 * functions.
 *
 * <p>Python 3.12 and later run on Amazon Linux 2023 (glibc 2.34); older ones on
 * Amazon Linux 2 (glibc 2.26). The glibc level decides which {@code manylinux} wheels
 * the runtime can load. A {@code python3.N} newer than the table is accepted as well,
 * assumed to be on Amazon Linux 2023, so a new runtime works before the table knows it
 * ({@link #listed()} is then false and {@link #supportNote} says so).
 *
 * <p>Node.js runtimes ({@code nodejs20.x}) share the table; the Python-only parts
 * ({@link #pythonVersion()}, {@link #abiDigits()}, {@link #sitePackagesPath()}) mean
 * nothing for them, so callers check {@link #isPython()} first.
 */
public final class Runtime implements Comparable<Runtime> {

    /** Where a runtime stands in Lambda's deprecation policy on a given day. */
    public enum Support {
        SUPPORTED, DEPRECATED, CREATE_BLOCKED, UPDATE_BLOCKED
    }

    private static final Pattern PYTHON = Pattern.compile("python(\\d+)\\.(\\d+)");
    private static final Comparator<Runtime> ORDER = Comparator.comparing(Runtime::language)
            .thenComparingInt(r -> r.major).thenComparingInt(r -> r.minor);

    private final String id;
    private final String language;
    private final int major;
    private final int minor;
    private final boolean amazonLinux2023;
    private final int glibcMajor;
    private final int glibcMinor;
    private final List<String> architectures;
    private final LocalDate released;
    private final LocalDate deprecated;
    private final LocalDate blockCreate;
    private final LocalDate blockUpdate;
    private final boolean listed;

    Runtime(String id, String language, int major, int minor, boolean amazonLinux2023, int glibcMajor,
            int glibcMinor, List<String> architectures, LocalDate released, LocalDate deprecated,
            LocalDate blockCreate, LocalDate blockUpdate, boolean listed) {
        this.id = Objects.requireNonNull(id, "id");
        this.language = Objects.requireNonNull(language, "language");
        this.major = major;
        this.minor = minor;
        this.amazonLinux2023 = amazonLinux2023;
        this.glibcMajor = glibcMajor;
        this.glibcMinor = glibcMinor;
        this.architectures = List.copyOf(architectures);
        this.released = released;
        this.deprecated = deprecated;
        this.blockCreate = blockCreate;
        this.blockUpdate = blockUpdate;
        this.listed = listed;
    }

    /** The identifier Lambda uses, such as {@code python3.12}. */
    public String id() {
        return id;
    }

    /** {@code python} or {@code nodejs}. */
    public String language() {
        return language;
    }

    /** A Python runtime: its layers hold {@code python/} and CPython extension modules. */
    public boolean isPython() {
        return language.equals("python");
    }

    /** A Node.js runtime: its layers hold {@code nodejs/node_modules}. */
    public boolean isNode() {
        return language.equals("nodejs");
    }

    /** The language as people write it: "Python" or "Node.js". */
    public String languageName() {
        return isNode() ? "Node.js" : isPython() ? "Python" : language;
    }

    /** The Node.js major version ({@code 20} for nodejs20.x); for Python the major version, 3. */
    public int major() {
        return major;
    }

    /**
     * The folder of a Node.js layer Lambda reads: {@code nodejs/node_modules}, or with
     * {@code versioned} {@code nodejs/node20/node_modules}, read only by that runtime.
     */
    public String nodeModulesPath(boolean versioned) {
        return versioned ? "nodejs/node" + major + "/node_modules" : "nodejs/node_modules";
    }

    /** {@code 3.12} */
    public String pythonVersion() {
        return major + "." + minor;
    }

    /** {@code 312}, as in {@code cpython-312} and {@code cp312}. */
    public String abiDigits() {
        return "" + major + minor;
    }

    public int glibcMajor() {
        return glibcMajor;
    }

    public int glibcMinor() {
        return glibcMinor;
    }

    /** True for the runtimes on Amazon Linux 2023. */
    public boolean isAmazonLinux2023() {
        return amazonLinux2023;
    }

    /** "Amazon Linux 2023" or "Amazon Linux 2". */
    public String operatingSystem() {
        return amazonLinux2023 ? "Amazon Linux 2023" : "Amazon Linux 2";
    }

    /** Lambda's architecture ids the runtime runs on. */
    public List<String> architectures() {
        return architectures;
    }

    /** The folder inside a layer for the {@code site-packages} layout. */
    public String sitePackagesPath() {
        return "python/lib/python" + pythonVersion() + "/site-packages";
    }

    public Optional<LocalDate> released() {
        return Optional.ofNullable(released);
    }

    /** The day support ends (phase 1 of Lambda's deprecation), when AWS has published one. */
    public Optional<LocalDate> deprecated() {
        return Optional.ofNullable(deprecated);
    }

    /** The day Lambda stops creating functions on it. */
    public Optional<LocalDate> blockCreate() {
        return Optional.ofNullable(blockCreate);
    }

    /** The day Lambda stops updating functions on it (phase 2). */
    public Optional<LocalDate> blockUpdate() {
        return Optional.ofNullable(blockUpdate);
    }

    /** False for a {@code python3.N} newer than the table, taken on trust. */
    public boolean listed() {
        return listed;
    }

    /** Where the runtime stands on {@code today}. */
    public Support support(LocalDate today) {
        if (reached(blockUpdate, today)) {
            return Support.UPDATE_BLOCKED;
        }
        if (reached(blockCreate, today)) {
            return Support.CREATE_BLOCKED;
        }
        return reached(deprecated, today) ? Support.DEPRECATED : Support.SUPPORTED;
    }

    /** Deprecated on {@code today} (also when creating or updating is blocked by then). */
    public boolean isDeprecated(LocalDate today) {
        return support(today) != Support.SUPPORTED;
    }

    /**
     * One sentence for a runtime the user should think twice about on {@code today}: a
     * deprecated one (with the blocks, past or coming), or one newer than the table.
     * Empty for a supported, listed runtime.
     */
    public Optional<String> supportNote(LocalDate today) {
        if (!listed) {
            return Optional.of(id + " is newer than Layer Studio's runtime table (written "
                    + RuntimeTable.written() + "): assumed to run on Amazon Linux 2023 (glibc 2.34).");
        }
        Support s = support(today);
        if (s == Support.SUPPORTED) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(id).append(" is deprecated (since ").append(deprecated).append(')');
        if (s == Support.UPDATE_BLOCKED) {
            b.append(": Lambda no longer creates functions on it (since ").append(blockCreate)
                    .append(") nor updates them (since ").append(blockUpdate).append(").");
        } else if (s == Support.CREATE_BLOCKED) {
            b.append(": Lambda no longer creates functions on it (since ").append(blockCreate).append(')');
            b.append(blockUpdate == null ? "." : ", and updates are blocked from " + blockUpdate + ".");
        } else if (blockCreate != null || blockUpdate != null) {
            b.append(": Lambda blocks").append(blockCreate == null ? "" : " creating functions on it from " + blockCreate)
                    .append(blockCreate != null && blockUpdate != null ? " and" : "")
                    .append(blockUpdate == null ? "" : " updating them from " + blockUpdate).append('.');
        } else {
            b.append('.');
        }
        return Optional.of(b.toString());
    }

    private static boolean reached(LocalDate day, LocalDate today) {
        return day != null && !today.isBefore(day);
    }

    // ---- the table ----

    /** Every runtime in the table, oldest first. */
    public static List<Runtime> all() {
        return RuntimeTable.rows();
    }

    /** The Python runtimes in the table, oldest first. */
    public static List<Runtime> python() {
        return RuntimeTable.rows().stream().filter(r -> r.language.equals("python")).toList();
    }

    /**
     * The runtime with that id: a row of the table, or a {@code python3.N} newer than any
     * row (assumed Amazon Linux 2023, {@link #listed()} false). Empty for anything else.
     */
    public static Optional<Runtime> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String key = id.strip();
        for (Runtime r : RuntimeTable.rows()) {
            if (r.id.equalsIgnoreCase(key)) {
                return Optional.of(r);
            }
        }
        Matcher m = PYTHON.matcher(key.toLowerCase(java.util.Locale.ROOT));
        Runtime newest = latest();
        if (m.matches()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major == newest.major && minor > newest.minor && minor < 100) {
                return Optional.of(new Runtime("python" + major + "." + minor, "python", major, minor, true,
                        newest.glibcMajor, newest.glibcMinor, newest.architectures, null, null, null, null, false));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #fromId(String)} but fails with a plain sentence that lists the choices. */
    public static Runtime parse(String id) {
        return fromId(id).orElseThrow(() -> new LayerStudioException(
                "Unknown runtime '" + id + "'. Choose one of: " + String.join(", ", allIds()) + "."));
    }

    /** The ids of the Python runtimes in the table, oldest first. */
    public static List<String> ids() {
        return python().stream().map(Runtime::id).toList();
    }

    /** The Node.js runtimes in the table, oldest first. */
    public static List<Runtime> node() {
        return RuntimeTable.rows().stream().filter(Runtime::isNode).toList();
    }

    /** The ids of every runtime in the table, Node.js first then Python, each oldest first. */
    public static List<String> allIds() {
        return all().stream().map(Runtime::id).toList();
    }

    /** The newest Python runtime in the table. */
    public static Runtime latest() {
        List<Runtime> all = python();
        return all.get(all.size() - 1);
    }

    /** The day the table was written (its dates are as AWS published them then). */
    public static LocalDate tableWritten() {
        return RuntimeTable.written();
    }

    @Override
    public int compareTo(Runtime o) {
        return ORDER.compare(this, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Runtime r && r.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
