package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttachPlannerTest {

    private static final String PREFIX = "arn:aws:lambda:us-east-1:123456789012:layer:";

    private static String arn(String name, int version) {
        return PREFIX + name + ":" + version;
    }

    private static LayerVersionRef ref(String name, int version) {
        return LayerVersionRef.parse(arn(name, version));
    }

    private static FunctionInfo fn(String name, String runtime, String... layers) {
        return new FunctionInfo(name, "arn:aws:lambda:us-east-1:123456789012:function:" + name, "us-east-1",
                runtime, List.of("x86_64"), 1000,
                java.util.Arrays.stream(layers).map(l -> new AttachedLayer(l, 100)).toList(), "rev-1", "Zip",
                "Successful");
    }

    private static LayerVersionInfo info(String name, int version, List<String> runtimes, List<String> archs) {
        return new LayerVersionInfo(ref(name, version), "", "", runtimes, archs, 100, "sha", null, null);
    }

    @Test
    void aNewLayerGoesLastAndKeepsEveryOtherLayerInOrder() {
        FunctionInfo f = fn("f", "python3.12", arn("a", 1), arn("b", 2));
        FunctionPlan p = AttachPlanner.planFor(f, new PlanChange.Attach(ref("new", 3), LayerPosition.KEEP),
                PlanFacts.none());
        assertThat(p.before()).containsExactly(arn("a", 1), arn("b", 2));
        assertThat(p.after()).containsExactly(arn("a", 1), arn("b", 2), arn("new", 3));
        assertThat(p.changed()).isTrue();
        assertThat(p.flags()).isEmpty();
        assertThat(p.added()).containsExactly(arn("new", 3));
    }

    @Test
    void anotherVersionOfTheSameLayerIsReplacedInPlace() {
        FunctionInfo f = fn("f", "python3.12", arn("a", 1), arn("mine", 2), arn("b", 2));
        List<String> after = AttachPlanner.apply(f.layerArns(), new PlanChange.Attach(ref("mine", 5),
                LayerPosition.KEEP));
        assertThat(after).containsExactly(arn("a", 1), arn("mine", 5), arn("b", 2));
    }

    @Test
    void positionsFirstLastAndNumbered() {
        List<String> before = List.of(arn("a", 1), arn("b", 1), arn("c", 1));
        assertThat(AttachPlanner.apply(before, new PlanChange.Attach(ref("n", 1), LayerPosition.FIRST)))
                .containsExactly(arn("n", 1), arn("a", 1), arn("b", 1), arn("c", 1));
        assertThat(AttachPlanner.apply(before, new PlanChange.Attach(ref("n", 1), LayerPosition.at(2))))
                .containsExactly(arn("a", 1), arn("n", 1), arn("b", 1), arn("c", 1));
        assertThat(AttachPlanner.apply(before, new PlanChange.Attach(ref("n", 1), LayerPosition.at(99))))
                .containsExactly(arn("a", 1), arn("b", 1), arn("c", 1), arn("n", 1));
        assertThat(AttachPlanner.apply(before, new PlanChange.Attach(ref("a", 2), LayerPosition.LAST)))
                .containsExactly(arn("b", 1), arn("c", 1), arn("a", 2));
        assertThat(LayerPosition.parse("first")).isEqualTo(LayerPosition.FIRST);
        assertThat(LayerPosition.parse("3")).isEqualTo(LayerPosition.at(3));
        assertThatThrownBy(() -> LayerPosition.parse("0")).isInstanceOf(LayerStudioException.class);
        assertThatThrownBy(() -> LayerPosition.parse("middle")).isInstanceOf(LayerStudioException.class);
    }

    @Test
    void theSameVersionAgainChangesNothing() {
        FunctionInfo f = fn("f", "python3.12", arn("a", 1), arn("b", 2));
        FunctionPlan p = AttachPlanner.planFor(f, new PlanChange.Attach(ref("a", 1), LayerPosition.KEEP),
                PlanFacts.none());
        assertThat(p.changed()).isFalse();
        assertThat(p.willUpdate()).isFalse();
    }

    @Test
    void detachMoveAndUpgrade() {
        List<String> before = List.of(arn("a", 1), arn("b", 2), arn("c", 3));
        assertThat(AttachPlanner.apply(before, new PlanChange.Detach(LayerVersionRef.parse(PREFIX + "b"))))
                .containsExactly(arn("a", 1), arn("c", 3));
        assertThat(AttachPlanner.apply(before, new PlanChange.Detach(ref("b", 9))))
                .isEqualTo(before);
        assertThat(AttachPlanner.apply(before, new PlanChange.Move(LayerVersionRef.parse(PREFIX + "c"),
                LayerPosition.FIRST))).containsExactly(arn("c", 3), arn("a", 1), arn("b", 2));
        assertThat(AttachPlanner.apply(before, new PlanChange.Upgrade(ref("b", 7), 0)))
                .containsExactly(arn("a", 1), arn("b", 7), arn("c", 3));
        assertThat(AttachPlanner.apply(before, new PlanChange.Upgrade(ref("b", 7), 1))).isEqualTo(before);
    }

    @Test
    void upgradePlanHoldsOnlyFunctionsOnTheLayer() {
        List<FunctionInfo> fns = List.of(
                fn("on1", "python3.12", arn("x", 1), arn("lib", 1)),
                fn("on2", "python3.12", arn("lib", 2), arn("x", 1)),
                fn("off", "python3.12", arn("x", 1)),
                fn("latest", "python3.12", arn("lib", 3)));
        AttachPlan any = AttachPlanner.upgrade(fns, ref("lib", 3), 0, PlanFacts.none());
        assertThat(any.functions()).extracting(FunctionPlan::functionName).containsExactly("on1", "on2", "latest");
        assertThat(any.updates()).extracting(FunctionPlan::functionName).containsExactly("on1", "on2");
        assertThat(any.updates().get(0).after()).containsExactly(arn("x", 1), arn("lib", 3));
        assertThat(any.updates().get(1).after()).containsExactly(arn("lib", 3), arn("x", 1));
        assertThat(any.unchanged()).extracting(FunctionPlan::functionName).containsExactly("latest");

        AttachPlan from2 = AttachPlanner.upgrade(fns, ref("lib", 3), 2, PlanFacts.none());
        assertThat(from2.functions()).extracting(FunctionPlan::functionName).containsExactly("on2");
    }

    @Test
    void flagsMoreThanFiveLayers() {
        FunctionInfo f = fn("f", "python3.12", arn("a", 1), arn("b", 1), arn("c", 1), arn("d", 1), arn("e", 1));
        FunctionPlan p = AttachPlanner.planFor(f, new PlanChange.Attach(ref("six", 1), LayerPosition.LAST),
                PlanFacts.none());
        assertThat(p.flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.TOO_MANY_LAYERS);
        assertThat(p.blocked()).isTrue();
        assertThat(p.willUpdate()).isFalse();
    }

    @Test
    void flagsRuntimeAndArchitectureNotAmongTheVersionsCompatibleOnes() {
        FunctionInfo f = fn("f", "python3.11");
        PlanFacts facts = PlanFacts.of(List.of(info("lib", 1, List.of("python3.12", "python3.13"), List.of("arm64"))));
        FunctionPlan p = AttachPlanner.planFor(f, new PlanChange.Attach(ref("lib", 1), LayerPosition.LAST), facts);
        // declared architectures are taken at their word (blocked); a declared runtime with content
        // that was not read is a warning
        assertThat(p.flags()).extracting(PlanFlag::kind)
                .containsExactly(PlanFlag.Kind.ARCHITECTURE_INCOMPATIBLE, PlanFlag.Kind.RUNTIME_INCOMPATIBLE);
        assertThat(p.flags()).extracting(PlanFlag::severity)
                .containsExactly(PlanFlag.Severity.INCOMPATIBLE, PlanFlag.Severity.WARNING);
        assertThat(p.blocked()).isTrue();
        assertThat(p.overridable()).isTrue();
        assertThat(p.verdict()).isEqualTo(CompatibilityVerdict.Level.BLOCKED);
        assertThat(p.flags().get(1).message()).contains("python3.12", "python3.11");

        PlanFacts open = PlanFacts.of(List.of(info("lib", 1, List.of(), List.of())));
        assertThat(AttachPlanner.planFor(f, new PlanChange.Attach(ref("lib", 1), LayerPosition.LAST), open).flags())
                .isEmpty();
    }

    @Test
    void flagsTheUnzippedTotalOnlyWhenSizesAreKnown() {
        FunctionInfo f = fn("f", "python3.12", arn("a", 1));
        PlanChange attach = new PlanChange.Attach(ref("big", 1), LayerPosition.LAST);
        assertThat(AttachPlanner.planFor(f, attach, PlanFacts.none()).flags()).isEmpty();
        assertThat(AttachPlanner.planFor(f, attach, PlanFacts.none()).unzippedTotalBytes()).isNull();

        PlanFacts facts = PlanFacts.none().withLayerUnzippedBytes(arn("a", 1), 100_000_000L)
                .withLayerUnzippedBytes(arn("big", 1), 150_000_000L).withFunctionCodeUnzippedBytes("f", 20_000_000L);
        FunctionPlan p = AttachPlanner.planFor(f, attach, facts);
        assertThat(p.unzippedTotalBytes()).isEqualTo(270_000_000L);
        assertThat(p.flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.UNZIPPED_TOO_LARGE);

        PlanFacts partial = PlanFacts.none().withLayerUnzippedBytes(arn("big", 1), 263_000_000L);
        FunctionPlan q = AttachPlanner.planFor(f, attach, partial);
        assertThat(q.unzippedTotalBytes()).isNull();
        assertThat(q.flags()).singleElement().satisfies(flag -> assertThat(flag.message()).contains("at least"));

        PlanFacts fits = PlanFacts.none().withLayerUnzippedBytes(arn("a", 1), 1_000_000L)
                .withLayerUnzippedBytes(arn("big", 1), 1_000_000L).withFunctionCodeUnzippedBytes("f", 1000L);
        assertThat(AttachPlanner.planFor(f, attach, fits).flags()).isEmpty();
    }

    @Test
    void flagsLayersOfAnotherRegionImagesAndUnversionedArns() {
        FunctionInfo f = fn("f", "python3.12");
        LayerVersionRef west = LayerVersionRef.parse("arn:aws:lambda:eu-west-1:123456789012:layer:w:1");
        assertThat(AttachPlanner.planFor(f, new PlanChange.Attach(west, LayerPosition.LAST), PlanFacts.none())
                .flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.OTHER_REGION);

        FunctionInfo image = new FunctionInfo("img", null, "us-east-1", null, List.of(), 0, List.of(), "r", "Image",
                null);
        assertThat(AttachPlanner.planFor(image, new PlanChange.Attach(ref("a", 1), LayerPosition.LAST),
                PlanFacts.none()).flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.IMAGE_FUNCTION);

        FunctionPlan set = AttachPlanner.planFor(f, new PlanChange.SetLayers(null, List.of(PREFIX + "a",
                arn("b", 1), arn("b", 2))), PlanFacts.none());
        assertThat(set.flags()).extracting(PlanFlag::kind)
                .containsExactly(PlanFlag.Kind.NOT_VERSIONED, PlanFlag.Kind.DUPLICATE_LAYER);
    }

    @Test
    void aRestoreIsRefusedWhenSomeoneChangedTheListSince() {
        FunctionInfo f = fn("f", "python3.12", arn("a", 1), arn("other", 1));
        FunctionPlan p = AttachPlanner.planFor(f, new PlanChange.SetLayers(List.of(arn("a", 1)), List.of()),
                PlanFacts.none());
        assertThat(p.changed()).isFalse();
        assertThat(p.flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.CHANGED_SINCE);
    }

    @Test
    void recomputeAppliesTheSameChangeToTheFreshList() {
        FunctionInfo stale = fn("f", "python3.12", arn("a", 1));
        FunctionPlan p = AttachPlanner.planFor(stale, new PlanChange.Attach(ref("n", 1), LayerPosition.LAST),
                PlanFacts.none());
        FunctionInfo fresh = fn("f", "python3.12", arn("a", 1), arn("added-by-someone", 4));
        FunctionPlan again = AttachPlanner.recompute(p, fresh, PlanFacts.none());
        assertThat(again.after()).containsExactly(arn("a", 1), arn("added-by-someone", 4), arn("n", 1));
    }

    @Test
    void undoRestoresUpdatedFunctionsGuardedByTheirNewList() {
        FunctionInfo now = fn("f", "python3.12", arn("a", 1), arn("n", 1)).withLayers(
                List.of(new AttachedLayer(arn("a", 1), 1), new AttachedLayer(arn("n", 1), 1)), "rev-2");
        ApplyResult updated = new ApplyResult("f", "us-east-1", ApplyResult.Outcome.UPDATED, List.of(arn("a", 1)),
                List.of(arn("a", 1), arn("n", 1)), now, false, "ok");
        ApplyResult failed = new ApplyResult("g", "us-east-1", ApplyResult.Outcome.FAILED, List.of(), List.of(
                arn("n", 1)), null, false, "no");
        AttachPlan undo = AttachPlanner.undo(List.of(updated, failed));
        assertThat(undo.functions()).singleElement().satisfies(p -> {
            assertThat(p.functionName()).isEqualTo("f");
            assertThat(p.after()).containsExactly(arn("a", 1));
            assertThat(p.function().revisionId()).isEqualTo("rev-2");
            assertThat(p.willUpdate()).isTrue();
        });
    }
}
