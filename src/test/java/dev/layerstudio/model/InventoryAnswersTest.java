package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inventory's answers as pure functions of the rows. */
class InventoryAnswersTest {

    static final String A = "111111111111";
    static final String B = "222222222222";
    static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    static String arn(String account, String name, int version) {
        return "arn:aws:lambda:us-east-1:" + account + ":layer:" + name + ":" + version;
    }

    static InventoryFunction fn(String account, String name, String runtime, String arch, String... layers) {
        return new InventoryFunction(account, "us-east-1", name, "arn:aws:lambda:us-east-1:" + account + ":function:"
                + name, runtime, arch, List.of(layers), T, 1000, "Zip");
    }

    static InventoryLayerVersion version(String arn, List<String> runtimes, List<String> archs, String... shared) {
        return new InventoryLayerVersion(arn, 2048, runtimes, archs, T, List.of(shared));
    }

    /** A's "common" layer is used only from B; A also has an unused, shared version; B one of its own. */
    static Inventory inventory() {
        InventorySlice a = new InventorySlice(A, "Alpha", "us-east-1", T,
                List.of(fn(A, "orders", "python3.9", "x86_64")),
                List.of(version(arn(A, "common", 1), List.of("python3.12"), List.of("x86_64")),
                        version(arn(A, "common", 2), List.of("python3.12"), List.of("x86_64"), "organization o-abc"),
                        version(arn(A, "native", 1), List.of("python3.12"), List.of())), null);
        InventorySlice b = new InventorySlice(B, "Beta", "us-east-1", T,
                List.of(fn(B, "reports", "python3.12", "arm64", arn(A, "common", 1)),
                        fn(B, "native-user", "python3.12", "x86_64", arn(A, "native", 1)),
                        fn(B, "shared-elsewhere", "java21", "x86_64", arn("333333333333", "ext", 7))),
                List.of(), null);
        InventorySlice denied = InventorySlice.failed("444444444444", "Delta", "us-east-1", T,
                new InventoryFailure(InventoryFailure.Reason.NO_ACCESS, "No role."));
        return new Inventory("test", true, List.of(a, b, denied));
    }

    @Test
    void aVersionUsedFromAnotherAccountIsNotUnused_evenWhenThatAccountIsFilteredOut() {
        InventoryTable t = InventoryAnswers.answer(InventoryView.UNUSED, inventory(),
                InventoryFilter.of(List.of(A), List.of(), null, null), LocalDate.of(2026, 12, 2), Map.of());

        assertThat(t.records()).extracting(r -> r.get("arn")).containsExactly(arn(A, "common", 2));
        assertThat(t.records().get(0).get("note")).contains("shared");
        assertThat(t.notes()).anyMatch(n -> n.startsWith("1 of 3 account-region(s) could not be read"));
    }

    @Test
    void layersListEveryVersionWithItsUsersAcrossAccounts_andVersionsOnlySeenInALayerList() {
        InventoryTable t = InventoryAnswers.layers(inventory(), InventoryFilter.none());

        Map<String, String> v1 = t.records().stream().filter(r -> r.get("arn").equals(arn(A, "common", 1)))
                .findFirst().orElseThrow();
        assertThat(v1.get("account")).isEqualTo("Alpha (" + A + ")");
        assertThat(v1.get("usedBy")).isEqualTo("Beta (" + B + ")/us-east-1/reports");
        assertThat(v1.get("functions")).isEqualTo("1");
        assertThat(t.records()).extracting(r -> r.get("layer")).containsExactly("common", "common", "ext", "native");
        assertThat(t.records().get(0).get("version")).as("newest first").isEqualTo("2");
        assertThat(t.records().get(2).get("runtimes")).isEqualTo("not read");
        assertThat(t.notes()).anyMatch(n -> n.startsWith("1 version(s) are known only from functions' layer lists"));
    }

    @Test
    void runtimeStatusFollowsTheDates() {
        Inventory inv = inventory();
        assertThat(status(inv, LocalDate.of(2026, 1, 1), "orders")).isEqualTo("deprecated");
        assertThat(status(inv, LocalDate.of(2026, 9, 1), "orders")).isEqualTo("create blocked");
        assertThat(status(inv, LocalDate.of(2026, 10, 1), "orders")).isEqualTo("update blocked");
        assertThat(status(inv, LocalDate.of(2025, 12, 14), "orders")).isEqualTo("supported");
        assertThat(status(inv, LocalDate.of(2026, 1, 1), "shared-elsewhere")).isEqualTo("not in the table");
        InventoryTable t = InventoryAnswers.runtimes(inv, InventoryFilter.none(), LocalDate.of(2026, 1, 1));
        assertThat(t.records().get(0).get("function")).as("the deprecated runtime first").isEqualTo("orders");
        assertThat(t.records().get(0).get("deprecated")).isEqualTo("2025-12-15");
    }

    private static String status(Inventory inv, LocalDate today, String function) {
        return InventoryAnswers.runtimes(inv, InventoryFilter.none(), today).records().stream()
                .filter(r -> r.get("function").equals(function)).findFirst().orElseThrow().get("status");
    }

    @Test
    void mismatchedUsesTheCompatibilityVerdict_onDeclaredMetadataAndOnContent() {
        Inventory inv = inventory();
        InventoryTable declared = InventoryAnswers.mismatched(inv, InventoryFilter.none(), Map.of());
        assertThat(declared.records()).extracting(r -> r.get("function") + " " + r.get("kind"))
                .containsExactly("reports architecture_incompatible");
        assertThat(declared.notes()).anyMatch(n -> n.contains("were not read"))
                .anyMatch(n -> n.contains("content was not read"));

        ContentFacts cp311 = new ContentFacts("sha", 10_000, List.of(new ContentFacts.Group("x86_64", 1, "a.so")),
                List.of(new ContentFacts.Group("311", 1, "a.cpython-311-x86_64-linux-gnu.so")), List.of(), List.of(),
                0, true);
        InventoryTable content = InventoryAnswers.mismatched(inv, InventoryFilter.none(),
                Map.of(arn(A, "native", 1), cp311));
        Map<String, String> row = content.records().stream().filter(r -> r.get("function").equals("native-user"))
                .findFirst().orElseThrow();
        assertThat(row.get("kind")).isEqualTo("foreign_python_abi");
        assertThat(row.get("verdict")).isEqualTo("breaks");
        assertThat(content.records().get(0).get("verdict")).as("breaking ones first").isEqualTo("breaks");
    }

    @Test
    void filtersChooseRowsByAccountRegionLayerAndRuntime() {
        Inventory inv = inventory();
        InventoryTable byLayer = InventoryAnswers.runtimes(inv, InventoryFilter.of(List.of(), List.of(), "common",
                null), LocalDate.of(2026, 1, 1));
        assertThat(byLayer.records()).extracting(r -> r.get("function")).containsExactly("reports");
        InventoryTable byRuntime = InventoryAnswers.runtimes(inv, InventoryFilter.of(List.of("Beta"), List.of(),
                null, "python3.12"), LocalDate.of(2026, 1, 1));
        assertThat(byRuntime.records()).extracting(r -> r.get("function"))
                .containsExactlyInAnyOrder("reports", "native-user");
        InventoryTable otherRegion = InventoryAnswers.layers(inv, InventoryFilter.of(List.of(), List.of("eu-west-1"),
                null, null));
        assertThat(otherRegion.rows()).isEmpty();
    }

    @Test
    void anAggregatorInventoryCannotAnswerUnused() {
        Inventory functionsOnly = new Inventory("AWS Config aggregator 'org'", false, List.of());
        assertThatThrownBy(() -> InventoryAnswers.unused(functionsOnly, InventoryFilter.none()))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("reads functions only");
    }

    @Test
    void csvQuotesWhatNeedsIt_andRefreshReplacesOnlyItsSlice() {
        InventoryTable t = new InventoryTable("t", List.of(new InventoryTable.Column("a", "A"),
                new InventoryTable.Column("b", "B, too")), List.of(List.of("x", "say \"hi\"")), List.of());
        assertThat(t.toCsv()).isEqualTo("A,\"B, too\"\r\nx,\"say \"\"hi\"\"\"\r\n");

        Inventory inv = inventory();
        Instant later = T.plusSeconds(3600);
        Inventory refreshed = inv.withSlices(List.of(new InventorySlice(B, "Beta", "us-east-1", later, List.of(),
                List.of(), null)));
        assertThat(refreshed.slices()).hasSize(3);
        assertThat(refreshed.functions()).extracting(InventoryFunction::name).containsExactly("orders");
        assertThat(refreshed.oldestRead()).isEqualTo(T);
        assertThat(refreshed.slices()).filteredOn(s -> s.accountId().equals(B)).extracting(InventorySlice::readAt)
                .containsExactly(later);
        assertThat(inv.slices().get(0).matches("Alpha")).isTrue();
        assertThat(inv.slices().get(0).matches(A + "/us-east-1")).isTrue();
        assertThat(inv.slices().get(0).matches(A + "/eu-west-1")).isFalse();
    }
}
