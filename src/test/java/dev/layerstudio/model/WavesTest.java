package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WavesTest {

    private static final LayerVersionRef V1 = LayerVersionRef.parse("arn:aws:lambda:us-east-1:123456789012:layer:lib:1");
    private static final LayerVersionRef V2 = V1.withVersion(2);

    private static FunctionInfo fn(String name, String... layers) {
        return new FunctionInfo(name, "arn:aws:lambda:us-east-1:123456789012:function:" + name, "us-east-1",
                "python3.12", List.of("x86_64"), 10, java.util.Arrays.stream(layers)
                .map(a -> new AttachedLayer(a, 1)).toList(), "rev-" + name, "Zip", "Successful");
    }

    private static AttachPlan upgrade(FunctionInfo... functions) {
        return AttachPlanner.upgrade(List.of(functions), V2, 0, PlanFacts.none());
    }

    @Test
    void parsesTagsPatternsAndLists() {
        assertThat(WaveSelector.parse("env=dev")).isEqualTo(new WaveSelector.Tag("env", "dev"));
        assertThat(WaveSelector.parse(" stage = a=b ")).isEqualTo(new WaveSelector.Tag("stage", "a=b"));
        assertThat(WaveSelector.parse("api-*")).isEqualTo(new WaveSelector.NamePattern("api-*"));
        assertThat(WaveSelector.parse("a, b,,c")).isEqualTo(new WaveSelector.Names(List.of("a", "b", "c")));
        assertThat(WaveSelector.parse("only")).isEqualTo(new WaveSelector.Names(List.of("only")));
        assertThatThrownBy(() -> WaveSelector.parse("=dev")).hasMessageContaining("no tag key");
        assertThatThrownBy(() -> WaveSelector.parse(" ")).isInstanceOf(LayerStudioException.class);
        assertThatThrownBy(() -> WaveSelector.parse("api-[ab")).hasMessageContaining("does not close");
        for (String text : List.of("env=dev", "api-*", "a,b")) {
            assertThat(WaveSelector.parse(WaveSelector.parse(text).describe())).isEqualTo(WaveSelector.parse(text));
        }
    }

    @Test
    void globsMatchWholeNames() {
        WaveSelector p = WaveSelector.parse("api-?-[a-c]*");
        assertThat(p.matches("api-1-b-orders", Map.of())).isTrue();
        assertThat(p.matches("api-12-b", Map.of())).isFalse();
        assertThat(p.matches("api-1-d", Map.of())).isFalse();
        assertThat(p.matches("my-api-1-a", Map.of())).as("whole name, not a part").isFalse();
        assertThat(WaveSelector.parse("[!a]*").matches("batch", Map.of())).isTrue();
        assertThat(WaveSelector.parse("[!a]*").matches("api", Map.of())).isFalse();
        assertThat(WaveSelector.parse("a.b*").matches("axb", Map.of())).as("a dot is a dot").isFalse();
        assertThat(WaveSelector.parse("x[^]*").matches("x^", Map.of())).isTrue();
        assertThat(WaveSelector.parse("env=dev").matches("f", Map.of("env", "Dev"))).as("case-sensitive").isFalse();
    }

    @Test
    void eachFunctionGoesToTheFirstWaveThatMatchesAndTheRestLast() {
        AttachPlan plan = upgrade(fn("dev-api", V1.arn()), fn("dev-job", V1.arn()), fn("prod-api", V1.arn()),
                fn("prod-job", "arn:aws:lambda:us-east-1:123456789012:layer:other:3", V1.arn()),
                fn("done", V2.arn()), fn("unrelated"));
        Map<String, Map<String, String>> tags = Map.of("dev-api", Map.of("env", "dev"), "dev-job", Map.of("env", "dev"),
                "prod-api", Map.of("env", "dev-like"));
        RolloutPlan rollout = Waves.split(V2, 0, plan, List.of(WaveSelector.parse("env=dev"),
                WaveSelector.parse("*-api"), WaveSelector.parse("done"), WaveSelector.parse("nothing-*")), tags);
        assertThat(rollout.waves()).extracting(Wave::number).containsExactly(1, 2, 3);
        assertThat(rollout.waves()).extracting(Wave::label).containsExactly("env=dev", "*-api", Wave.REST);
        assertThat(rollout.waves()).extracting(Wave::functionNames).containsExactly(
                List.of("dev-api", "dev-job"), List.of("prod-api"), List.of("prod-job", "done"));
        assertThat(rollout.emptySelectors()).as("'done' is already on v2: nothing to change")
                .containsExactly("done", "nothing-*");
        assertThat(rollout.waves().get(2).plan().updates()).extracting(FunctionPlan::functionName)
                .containsExactly("prod-job");
        assertThat(rollout.waves().get(0).plan().facts()).isEqualTo(plan.facts());
        assertThat(rollout.description()).isEqualTo("upgrade lib to 2 in 3 waves");
    }

    @Test
    void aRecordedWaveTakesItsFunctionsFromAFreshPlan() {
        AttachPlan fresh = upgrade(fn("a", V1.arn()), fn("c", V1.arn()));
        Wave w = Waves.recorded(2, "env=dev", List.of("a", "b"), fresh);
        assertThat(w.functionNames()).containsExactly("a");
        assertThat(w.skipped()).containsExactly("b");
        assertThat(w.number()).isEqualTo(2);
    }

    @Test
    void theJournalTracksWavesAndKeepsUndoAcrossRetries() {
        AttachPlan plan = upgrade(fn("a", V1.arn()), fn("b", V1.arn()));
        RolloutPlan rollout = Waves.split(V2, 0, plan, List.of(WaveSelector.parse("a")), Map.of());
        RolloutJournal j = RolloutJournal.start(rollout, java.time.Instant.EPOCH);
        assertThat(j.next().orElseThrow().number()).isEqualTo(1);
        assertThat(j.underWay()).isFalse();

        ApplyResult updated = new ApplyResult("a", "us-east-1", ApplyResult.Outcome.UPDATED, List.of(V1.arn()),
                List.of(V2.arn()), null, false, "Updated a.");
        ApplyResult failed = new ApplyResult("b", "us-east-1", ApplyResult.Outcome.FAILED, List.of(V1.arn()),
                List.of(V2.arn()), null, false, "boom");
        WaveRecord first = j.wave(1).applying().withResult(updated).applied(List.of(updated));
        j = j.with(first, java.time.Instant.EPOCH);
        assertThat(first.state()).isEqualTo(WaveRecord.State.APPLIED);
        assertThat(first.undo()).containsExactly(new WaveRecord.Restore("a", "us-east-1", List.of(V2.arn()),
                List.of(V1.arn())));
        assertThat(j.underWay()).isTrue();

        WaveRecord rest = j.wave(2).applying().withResult(failed).applied(List.of(failed));
        assertThat(rest.state()).isEqualTo(WaveRecord.State.PARTIAL);
        j = j.with(rest, java.time.Instant.EPOCH);
        assertThat(j.next().orElseThrow().number()).as("a partly applied wave is retried").isEqualTo(2);
        assertThat(j.lastApplied().orElseThrow().number()).isEqualTo(2);

        ApplyResult unchanged = new ApplyResult("a", "us-east-1", ApplyResult.Outcome.UNCHANGED, List.of(V2.arn()),
                List.of(V2.arn()), null, false, "a already has these layers.");
        assertThat(first.withResult(unchanged).undo()).as("a retry that finds it done keeps the undo")
                .hasSize(1);

        WaveRecord undoFailed = first.rolledBack(List.of(new ApplyResult("a", "us-east-1",
                ApplyResult.Outcome.FAILED, List.of(), List.of(), null, false, "Lambda said no.")));
        assertThat(undoFailed.state()).isEqualTo(WaveRecord.State.PARTIAL);
        assertThat(undoFailed.undo()).hasSize(1);
        WaveRecord undone = first.rolledBack(List.of(new ApplyResult("a", "us-east-1", ApplyResult.Outcome.CONFLICT,
                List.of(), List.of(), null, false, "changed")));
        assertThat(undone.state()).as("a conflict is left to whoever changed it").isEqualTo(WaveRecord.State.ROLLED_BACK);
        assertThat(undone.undo()).isEmpty();
    }
}
