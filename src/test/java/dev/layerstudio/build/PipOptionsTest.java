package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Requirements;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one grammar of requirement options, as the builder uses it. */
class PipOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void anOptionAndItsValueReadTheSameWithASpaceOrAnEqualsSign() {
        assertThat(PipOptions.parse("--index-url https://pypi.example.com/simple"))
                .isEqualTo(new PipOptions.Line("--index-url", "https://pypi.example.com/simple"));
        assertThat(PipOptions.parse("--index-url=https://pypi.example.com/simple"))
                .isEqualTo(new PipOptions.Line("--index-url", "https://pypi.example.com/simple"));
        assertThat(PipOptions.parse("--no-index")).isEqualTo(new PipOptions.Line("--no-index", null));
        assertThat(PipOptions.parse("--config-settings key=value").value()).isEqualTo("key=value");
    }

    @Test
    void uvsIndexOptionsAreKnownAsUvsAndShownWhereTheyAreWritten() {
        assertThat(PipOptions.of("--index")).hasValueSatisfying(o -> {
            assertThat(o.uvOnly()).isTrue();
            assertThat(o.takesValue()).isTrue();
        });
        assertThat(PipOptions.of("--default-index")).hasValueSatisfying(o -> assertThat(o.uvOnly()).isTrue());
        assertThat(PipOptions.of("--index-url")).hasValueSatisfying(o -> assertThat(o.uvOnly()).isFalse());
        assertThat(PipOptions.of("--bogus")).isEmpty();

        Requirements typed = new Requirements(List.of("--index=https://uv.example.com/simple", "requests"), List.of());
        assertThat(RequirementArgs.shownOptions(typed, tmp, true, Map.of()))
                .containsExactly("typed: --index https://uv.example.com/simple");
    }

    @Test
    void aRequirementsFileNamedWithAnEqualsSignIsMadeAbsoluteLikeOneNamedWithASpace() {
        Requirements typed = new Requirements(List.of("-c constraints.txt", "--constraint=other.txt"), List.of());
        assertThat(RequirementArgs.arguments(typed, tmp)).containsExactly(
                "-c", tmp.resolve("constraints.txt").toString(), "--constraint", tmp.resolve("other.txt").toString());
    }
}
