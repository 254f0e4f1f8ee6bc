package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Runtime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformTagsTest {

    @Test
    void amazonLinux2023RuntimesTakeManylinuxUpToGlibc234() {
        List<String> tags = PlatformTags.pipPlatforms(Runtime.parse("python3.12"), Architecture.ARM64);
        assertThat(tags).first().isEqualTo("manylinux_2_34_aarch64");
        assertThat(tags).contains("manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64")
                .doesNotContain("manylinux_2_35_aarch64")
                .allMatch(t -> t.endsWith("_aarch64"))
                .noneMatch(t -> t.startsWith("manylinux1") || t.startsWith("manylinux2010"));
        assertThat(tags).hasSize(34 - 17 + 1 + 1);
    }

    @Test
    void amazonLinux2RuntimesStopAtGlibc226() {
        List<String> tags = PlatformTags.pipPlatforms(Runtime.parse("python3.9"), Architecture.X86_64);
        assertThat(tags).first().isEqualTo("manylinux_2_26_x86_64");
        assertThat(tags).doesNotContain("manylinux_2_28_x86_64")
                .endsWith("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64");
    }

    @Test
    void pipFlagsNameTheInterpreterAndAllowOnlyWheels() {
        for (Runtime r : Runtime.python()) {
            for (Architecture a : Architecture.values()) {
                List<String> flags = PlatformTags.pipFlags(r, a);
                assertThat(String.join(" ", flags))
                        .contains("--platform manylinux2014_" + a.machine())
                        .endsWith("--implementation cp --python-version " + r.pythonVersion() + " --only-binary=:all:");
                assertThat(flags.stream().filter("--platform"::equals).count())
                        .isEqualTo(PlatformTags.pipPlatforms(r, a).size());
            }
        }
    }

    @Test
    void uvGetsOneTargetPerRuntimeAndArchitecture() {
        assertThat(PlatformTags.uvFlags(Runtime.parse("python3.13"), Architecture.X86_64)).containsExactly(
                "--python-platform", "x86_64-manylinux_2_34", "--python-version", "3.13", "--only-binary", ":all:");
        assertThat(PlatformTags.uvPlatform(Runtime.parse("python3.12"), Architecture.ARM64)).isEqualTo("aarch64-manylinux_2_34");
        assertThat(PlatformTags.uvPlatform(Runtime.parse("python3.11"), Architecture.ARM64)).isEqualTo("aarch64-manylinux_2_17");
        assertThat(PlatformTags.uvPlatform(Runtime.parse("python3.9"), Architecture.X86_64)).isEqualTo("x86_64-manylinux_2_17");
    }

    @Test
    void describeNamesTheTarget() {
        assertThat(PlatformTags.describe(Runtime.parse("python3.12"), Architecture.ARM64)).isEqualTo("Linux arm64 / CPython 3.12");
    }
}
