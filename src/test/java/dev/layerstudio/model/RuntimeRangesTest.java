package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeRangesTest {

    @Test
    void threeOrMoreNeighboursInTheTableBecomeOneRange() {
        assertThat(RuntimeRanges.compact(List.of("python3.9", "python3.10", "python3.11", "python3.12", "python3.13",
                "python3.14"))).isEqualTo("python3.9–3.14");
        assertThat(RuntimeRanges.compact(List.of("nodejs24.x", "nodejs20.x", "nodejs22.x")))
                .isEqualTo("nodejs20.x–24.x");
    }

    @Test
    void shortRunsGapsOtherLanguagesAndUnknownIdsStayReadable() {
        assertThat(RuntimeRanges.compact(List.of("python3.12", "python3.13"))).isEqualTo("python3.12, python3.13");
        assertThat(RuntimeRanges.compact(List.of("python3.9", "python3.10", "python3.11", "python3.13")))
                .isEqualTo("python3.9–3.11, python3.13");
        assertThat(RuntimeRanges.compact(List.of("java21", "python3.12", "nodejs22.x")))
                .isEqualTo("nodejs22.x, python3.12, java21"); // in the table's order
        assertThat(RuntimeRanges.compact(List.of())).isEmpty();
    }
}
