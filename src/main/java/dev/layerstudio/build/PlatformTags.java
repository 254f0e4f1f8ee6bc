package dev.layerstudio.build;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Runtime;
import java.util.ArrayList;
import java.util.List;

/**
 * The wheel platforms a Lambda runtime can load, as pip and uv want them told.
 *
 * <p>Every runtime takes {@code manylinux2014} (glibc 2.17). Newer {@code manylinux_2_X}
 * wheels load where the runtime's glibc is at least 2.X: up to 2.26 on Amazon Linux 2
 * (python3.9 to 3.11), up to 2.34 on Amazon Linux 2023 (python3.12 and later).
 */
public final class PlatformTags {

    /** The oldest glibc of any manylinux tag pip knows, 2.17 (manylinux2014). */
    static final int OLDEST_GLIBC_MINOR = 17;
    /** The manylinux_2_X levels uv offers as --python-platform targets (2_17 is manylinux2014). */
    private static final int[] UV_LEVELS = {17, 28, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40};

    private PlatformTags() {
    }

    /** The {@code --platform} values for pip, newest first (pip prefers earlier ones). */
    public static List<String> pipPlatforms(Runtime runtime, Architecture arch) {
        String machine = arch.machine();
        List<String> tags = new ArrayList<>();
        if (runtime.glibcMajor() == 2) {
            for (int minor = runtime.glibcMinor(); minor >= OLDEST_GLIBC_MINOR; minor--) {
                tags.add("manylinux_2_" + minor + "_" + machine);
            }
        }
        tags.add("manylinux2014_" + machine);
        if (arch == Architecture.X86_64) {
            tags.add("manylinux2010_" + machine);
            tags.add("manylinux1_" + machine);
        }
        return tags;
    }

    /** pip's flags that pick wheels for the runtime and architecture. */
    public static List<String> pipFlags(Runtime runtime, Architecture arch) {
        List<String> flags = new ArrayList<>();
        for (String tag : pipPlatforms(runtime, arch)) {
            flags.add("--platform");
            flags.add(tag);
        }
        flags.addAll(List.of("--implementation", "cp", "--python-version", runtime.pythonVersion(),
                "--only-binary=:all:"));
        return flags;
    }

    /** uv's {@code --python-platform}: the newest manylinux level uv knows that the runtime's glibc loads. */
    public static String uvPlatform(Runtime runtime, Architecture arch) {
        int best = OLDEST_GLIBC_MINOR;
        for (int level : UV_LEVELS) {
            if (level <= runtime.glibcMinor()) {
                best = level;
            }
        }
        return arch.machine() + "-manylinux_2_" + best;
    }

    /** uv's flags that pick wheels for the runtime and architecture. */
    public static List<String> uvFlags(Runtime runtime, Architecture arch) {
        return List.of("--python-platform", uvPlatform(runtime, arch), "--python-version", runtime.pythonVersion(),
                "--only-binary", ":all:");
    }

    /** "Linux arm64 / CPython 3.12", as failures name the target. */
    public static String describe(Runtime runtime, Architecture arch) {
        return "Linux " + arch.id() + " / CPython " + runtime.pythonVersion();
    }
}
