package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime table as shipped, and how ids outside it are taken. */
class RuntimeTest {

    @Test
    void theTableListsPython39To314WithTheirLinuxLevel() {
        assertThat(Runtime.ids()).containsExactly("python3.9", "python3.10", "python3.11", "python3.12",
                "python3.13", "python3.14");
        Runtime p314 = Runtime.parse("python3.14");
        assertThat(p314.isAmazonLinux2023()).isTrue();
        assertThat(p314.glibcMinor()).isEqualTo(34);
        assertThat(p314.abiDigits()).isEqualTo("314");
        assertThat(p314.released()).contains(LocalDate.of(2025, 11, 18));
        assertThat(p314.sitePackagesPath()).isEqualTo("python/lib/python3.14/site-packages");
        assertThat(Runtime.parse("python3.11").isAmazonLinux2023()).isFalse();
        assertThat(Runtime.parse("python3.11").glibcMinor()).isEqualTo(26);
        assertThat(Runtime.parse("python3.10").operatingSystem()).isEqualTo("Amazon Linux 2");
        assertThat(Runtime.latest()).isEqualTo(p314);
        assertThat(Runtime.tableWritten()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(Runtime.python()).isSorted().allMatch(Runtime::listed);
        assertThat(Runtime.fromId("PYTHON3.12")).contains(Runtime.parse("python3.12"));
    }

    @Test
    void deprecationIsJudgedOnTheDayGiven() {
        Runtime p39 = Runtime.parse("python3.9");
        assertThat(p39.support(LocalDate.of(2025, 12, 14))).isEqualTo(Runtime.Support.SUPPORTED);
        assertThat(p39.supportNote(LocalDate.of(2025, 12, 14))).isEmpty();
        assertThat(p39.support(LocalDate.of(2025, 12, 15))).isEqualTo(Runtime.Support.DEPRECATED);
        assertThat(p39.supportNote(LocalDate.of(2026, 1, 1))).contains("python3.9 is deprecated (since 2025-12-15): "
                + "Lambda blocks creating functions on it from 2026-08-31 and updating them from 2026-09-30.");
        assertThat(p39.support(LocalDate.of(2026, 9, 1))).isEqualTo(Runtime.Support.CREATE_BLOCKED);
        assertThat(p39.support(LocalDate.of(2026, 9, 30))).isEqualTo(Runtime.Support.UPDATE_BLOCKED);
        assertThat(p39.supportNote(LocalDate.of(2026, 12, 2))).hasValueSatisfying(n -> assertThat(n)
                .contains("deprecated", "nor updates them (since 2026-09-30)"));
        assertThat(Runtime.parse("python3.14").isDeprecated(LocalDate.of(2026, 12, 2))).isFalse();
    }

    @Test
    void aPythonNewerThanTheTableIsTakenAsAmazonLinux2023() {
        Runtime p315 = Runtime.parse("python3.15");
        assertThat(p315.listed()).isFalse();
        assertThat(p315.isAmazonLinux2023()).isTrue();
        assertThat(p315.abiDigits()).isEqualTo("315");
        assertThat(p315.glibcMinor()).isEqualTo(34);
        assertThat(p315.supportNote(LocalDate.of(2026, 12, 2))).hasValueSatisfying(n -> assertThat(n)
                .startsWith("python3.15 is newer than Layer Studio's runtime table (written 2026-12-02)"));
        assertThat(p315).isEqualTo(Runtime.parse("python3.15")).isGreaterThan(Runtime.latest());
    }

    @Test
    void olderOrForeignIdsAreRefused() {
        assertThat(Runtime.fromId("python3.8")).isEmpty();
        assertThat(Runtime.fromId("python2.7")).isEmpty();
        assertThat(Runtime.fromId("java21")).isEmpty();
        assertThat(Runtime.fromId(null)).isEmpty();
        assertThatThrownBy(() -> Runtime.parse("python3.8")).isInstanceOf(LayerStudioException.class)
                .hasMessage("Unknown runtime 'python3.8'. Choose one of: nodejs18.x, nodejs20.x, nodejs22.x, "
                        + "nodejs24.x, python3.9, python3.10, python3.11, python3.12, python3.13, python3.14.");
    }

    @Test
    void nodeRuntimesShareTheTableWithoutDisturbingThePythonOnes() {
        assertThat(Runtime.node()).extracting(Runtime::id)
                .containsExactly("nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x");
        Runtime n18 = Runtime.parse("nodejs18.x");
        assertThat(n18.isNode()).isTrue();
        assertThat(n18.isPython()).isFalse();
        assertThat(n18.operatingSystem()).isEqualTo("Amazon Linux 2");
        assertThat(n18.isDeprecated(LocalDate.of(2025, 9, 1))).isTrue();
        assertThat(n18.isDeprecated(LocalDate.of(2025, 8, 31))).isFalse();
        Runtime n24 = Runtime.parse("nodejs24.x");
        assertThat(n24.isAmazonLinux2023()).isTrue();
        assertThat(n24.glibcMinor()).isEqualTo(34);
        assertThat(n24.nodeModulesPath(false)).isEqualTo("nodejs/node_modules");
        assertThat(n24.nodeModulesPath(true)).isEqualTo("nodejs/node24/node_modules");
        assertThat(n24.languageName()).isEqualTo("Node.js");
        // the Python lists and the newest Python are unchanged by the Node.js rows
        assertThat(Runtime.python()).allMatch(Runtime::isPython).hasSize(6);
        assertThat(Runtime.latest().id()).isEqualTo("python3.14");
        assertThat(Runtime.fromId("nodejs26.x")).isEmpty();
        assertThat(Layout.defaultFor(n24)).isEqualTo(Layout.NODE_MODULES);
        assertThat(Layout.NODE_VERSIONED.root(Runtime.parse("nodejs20.x"))).isEqualTo("nodejs/node20/node_modules");
        assertThat(Layout.SITE_PACKAGES.fits(n24)).isFalse();
    }

    @Test
    void aMalformedTableFailsLoudly() {
        assertThatThrownBy(() -> RuntimeTable.parse(List.of("written\t2026-12-02",
                "python3.12\tpython\t3.12\tal2024\t2.34\tx86_64\t\t\t\t")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> RuntimeTable.parse(List.of("# nothing"))).isInstanceOf(IllegalStateException.class);
        assertThat(RuntimeTable.parse(List.of("written\t2026-12-02",
                "python3.12\tpython\t3.12\tal2023\t2.34\tx86_64,arm64\t\t\t\t")).list())
                .singleElement().satisfies(r -> assertThat(r.deprecated()).isEmpty());
    }
}
