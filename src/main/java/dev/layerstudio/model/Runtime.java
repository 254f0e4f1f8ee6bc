package dev.layerstudio.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Python runtimes of AWS Lambda that Layer Studio builds for.
 *
 * <p>Python 3.12 and later run on Amazon Linux 2023 (glibc 2.34); older ones on
 * Amazon Linux 2 (glibc 2.26). The glibc level decides which {@code manylinux} wheels
 * the runtime can load.
 */
public enum Runtime {
    PYTHON_3_9("python3.9", 3, 9, 2, 26),
    PYTHON_3_10("python3.10", 3, 10, 2, 26),
    PYTHON_3_11("python3.11", 3, 11, 2, 26),
    PYTHON_3_12("python3.12", 3, 12, 2, 34),
    PYTHON_3_13("python3.13", 3, 13, 2, 34);

    private final String id;
    private final int major;
    private final int minor;
    private final int glibcMajor;
    private final int glibcMinor;

    Runtime(String id, int major, int minor, int glibcMajor, int glibcMinor) {
        this.id = id;
        this.major = major;
        this.minor = minor;
        this.glibcMajor = glibcMajor;
        this.glibcMinor = glibcMinor;
    }

    /** The identifier Lambda uses, such as {@code python3.12}. */
    public String id() {
        return id;
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
        return glibcMinor >= 34;
    }

    /** The folder inside a layer for the {@code site-packages} layout. */
    public String sitePackagesPath() {
        return "python/lib/python" + pythonVersion() + "/site-packages";
    }

    public static Optional<Runtime> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id)).findFirst();
    }

    /** Like {@link #fromId(String)} but fails with a plain sentence that lists the choices. */
    public static Runtime parse(String id) {
        return fromId(id).orElseThrow(() -> new LayerStudioException(
                "Unknown runtime '" + id + "'. Choose one of: " + String.join(", ", ids()) + "."));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Runtime::id).toList();
    }

    public static Runtime latest() {
        return PYTHON_3_13;
    }

    @Override
    public String toString() {
        return id;
    }
}
