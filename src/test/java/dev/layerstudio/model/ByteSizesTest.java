package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void bytesBelowAKilobyteAreCountedAsTheyAre() {
        assertThat(ByteSizes.human(0)).isEqualTo("0 B");
        assertThat(ByteSizes.human(1023)).isEqualTo("1023 B");
    }

    @Test
    void unitsOf1024WithOneDecimalBelowAHundred() {
        assertThat(ByteSizes.human(1024)).isEqualTo("1.0 KB");
        assertThat(ByteSizes.human(1536)).isEqualTo("1.5 KB");
        assertThat(ByteSizes.human(1024 * 1024 - 1)).isEqualTo("1024 KB");
        assertThat(ByteSizes.human(262_144_000L)).isEqualTo("250 MB");
        assertThat(ByteSizes.human(52_428_800L)).isEqualTo("50.0 MB");
        assertThat(ByteSizes.human(3L << 40)).isEqualTo("3.0 TB");
        assertThat(ByteSizes.human(5000L << 40)).isEqualTo("5000 TB");
    }

    @Test
    void roundsHalfUpAsTheFormatterWould() {
        // every size near the edges of the rounding, in every unit: the same text as "%.1f" / "%.0f"
        for (long unit : new long[] {1L << 10, 1L << 20, 1L << 30, 1L << 40}) {
            for (long base : new long[] {1, 9, 10, 99, 100, 1023}) {
                for (long off = -600; off <= 600; off += 1) {
                    long bytes = base * unit + off * (unit / 1024) + (off % 7);
                    if (bytes >= 1024) {
                        assertThat(ByteSizes.human(bytes)).as("%d bytes", bytes).isEqualTo(formatted(bytes));
                    }
                }
            }
        }
    }

    @Test
    void negativeSizesAndDeltasCarryTheirSign() {
        assertThat(ByteSizes.human(-1536)).isEqualTo("-1.5 KB");
        assertThat(ByteSizes.delta(0)).isEqualTo("±0 B");
        assertThat(ByteSizes.delta(2048)).isEqualTo("+2.0 KB");
        assertThat(ByteSizes.delta(-200)).isEqualTo("-200 B");
    }

    private static String formatted(long bytes) {
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
