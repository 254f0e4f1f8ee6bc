package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublishCompatibilityTest {

    private static ContentFacts.Group g(String value, int files) {
        return new ContentFacts.Group(value, files, "python/np/_m.so");
    }

    @Test
    void aNativeArm64BuildIsProposedForArm64AndItsPythonOnly() {
        ContentFacts arm = new ContentFacts("s", 1, List.of(g("aarch64", 94)), List.of(g("312", 40)), List.of(),
                List.of(), 5, true);
        PublishCompatibility.Proposal p = PublishCompatibility.propose(arm, List.of("python3.12", "python3.13"));
        assertThat(p.architectures()).containsExactly("arm64");
        assertThat(p.runtimes()).containsExactly("python3.12");
        assertThat(PublishCompatibility.problems(arm, List.of("python3.12", "python3.13"), List.of("x86_64", "arm64")))
                .satisfiesExactly(
                        x86 -> assertThat(x86).startsWith("x86_64:").contains("aarch64", "94 files"),
                        py313 -> assertThat(py313).startsWith("python3.13:").contains("CPython 3.12"));
        assertThat(PublishCompatibility.problems(arm, p.runtimes(), p.architectures())).isEmpty();
    }

    @Test
    void pureContentIsProposedForBothArchitecturesAndTheTargetedRuntimes() {
        ContentFacts pure = new ContentFacts("s", 1, List.of(), List.of(), List.of(), List.of(), 20, true);
        PublishCompatibility.Proposal p = PublishCompatibility.propose(pure, List.of("python3.12"));
        assertThat(p.architectures()).containsExactly("x86_64", "arm64");
        assertThat(p.runtimes()).containsExactly("python3.12");
        assertThat(PublishCompatibility.problems(pure, List.of("python3.9", "python3.13"), List.of("x86_64")))
                .isEmpty();
    }

    @Test
    void aSitePackagesLayoutIsProposedForItsOwnPython() {
        ContentFacts site = new ContentFacts("s", 1, List.of(), List.of(), List.of(), List.of("3.11"), 0, true);
        assertThat(PublishCompatibility.propose(site, List.of()).runtimes()).containsExactly("python3.11");
        assertThat(PublishCompatibility.problems(site, List.of("python3.12"), List.of())).singleElement()
                .asString().contains("python/lib/python3.11/site-packages");
    }

    @Test
    void theDescriptionProposalNamesWhatChangedWithinLambdasLimit() {
        LayerDiff diff = new LayerDiff("a", "b", 1, 2, 10, 20, List.of(
                new PackageChange("requests", ChangeKind.CHANGED, "2.32.3", "2.32.4", 1, 2, 1),
                new PackageChange("numpy", ChangeKind.ADDED, null, "2.2.6", 0, 5, 5),
                new PackageChange("six", ChangeKind.REMOVED, "1.16.0", null, 3, 0, -3)), List.of());
        assertThat(ChangeSummary.of(diff)).isEqualTo("requests 2.32.3 → 2.32.4; + numpy 2.2.6; - six 1.16.0");

        List<PackageChange> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new PackageChange("package-number-" + i, ChangeKind.ADDED, null, "1.0." + i, 0, 1, 1));
        }
        String text = ChangeSummary.of(new LayerDiff("a", "b", 1, 2, 1, 2, many, List.of()));
        assertThat(text.length()).isLessThanOrEqualTo(ChangeSummary.MAX_LENGTH);
        assertThat(text).startsWith("+ package-number-0 1.0.0; ").containsPattern("; and \\d+ more$");
        assertThat(ChangeSummary.of(new LayerDiff("a", "b", 1, 1, 1, 1, List.of(), List.of()))).isEmpty();
    }
}
