package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFlag;
import dev.layerstudio.model.UsageReport;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.lambda.model.Layer;

@ExtendWith(MotoExtension.class)
class FunctionServiceMotoTest {

    static final PlanApplier.Options FAST = PlanApplier.Options.defaults().withPolling(Duration.ofMillis(10), 100);

    private static AwsSession session;
    private static MotoFixtures fixtures;
    private static FunctionService functions;

    @BeforeAll
    static void connect(MotoServer moto) {
        session = moto.session();
        fixtures = new MotoFixtures(moto, session.lambda());
        functions = new SdkFunctionService(session, FAST);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static String publish(String layer, String content, String... runtimes) {
        return fixtures.publishLayer(layer, Map.of("python/" + layer.replace('-', '_') + ".py", content), runtimes)
                .layerVersionArn();
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    /** Every function's list is exactly what its result says: the new list when updated, else the old one. */
    private static void assertEndedAsReported(List<ApplyResult> results) {
        for (ApplyResult r : results) {
            List<String> expected = r.outcome() == ApplyResult.Outcome.UPDATED ? r.after() : r.before();
            assertThat(layersOf(r.functionName())).as(r.functionName() + " " + r.outcome()).isEqualTo(expected);
        }
    }

    @Test
    void attachKeepsTheLayersFunctionsAlreadyHaveInTheirOrder() {
        String a = publish("att-a", "A = 1");
        String b = publish("att-b", "B = 1");
        String mine1 = publish("att-mine", "M = 1", "python3.12");
        String mine2 = publish("att-mine", "M = 2", "python3.12");
        fixtures.createFunction("att-two", "python3.12", List.of(a, b));
        fixtures.createFunction("att-old", "python3.12", List.of(a, mine1, b));
        fixtures.createFunction("att-none", "python3.12", List.of());

        AttachPlan plan = functions.planAttach(LayerVersionRef.parse(mine2),
                List.of("att-two", "att-old", "att-none"), LayerPosition.KEEP);
        assertThat(plan.updates()).hasSize(3);
        assertThat(plan.functions()).allSatisfy(p -> assertThat(p.flags()).isEmpty());

        List<String> started = new ArrayList<>();
        List<ApplyResult> results = functions.apply(plan, new ApplyListener() {
            @Override
            public synchronized void started(FunctionPlan p) {
                started.add(p.functionName());
            }
        });
        assertThat(started).containsExactlyInAnyOrder("att-two", "att-old", "att-none");
        assertThat(results).extracting(ApplyResult::outcome).containsOnly(ApplyResult.Outcome.UPDATED);
        assertThat(layersOf("att-two")).containsExactly(a, b, mine2);
        assertThat(layersOf("att-old")).containsExactly(a, mine2, b);
        assertThat(layersOf("att-none")).containsExactly(mine2);
        assertEndedAsReported(results);

        AttachPlan first = functions.planAttach(LayerVersionRef.parse(mine2), List.of("att-two"), LayerPosition.FIRST);
        List<ApplyResult> moved = functions.apply(first, ApplyListener.NONE);
        assertThat(layersOf("att-two")).containsExactly(mine2, a, b);
        assertEndedAsReported(moved);

        List<ApplyResult> undone = functions.apply(functions.undoPlan(results), ApplyListener.NONE);
        assertThat(undone).extracting(ApplyResult::outcome)
                .containsExactly(ApplyResult.Outcome.CONFLICT, ApplyResult.Outcome.UPDATED,
                        ApplyResult.Outcome.UPDATED);
        assertThat(layersOf("att-two")).as("changed again since, so undo leaves it").containsExactly(mine2, a, b);
        assertThat(layersOf("att-old")).containsExactly(a, mine1, b);
        assertThat(layersOf("att-none")).isEmpty();
    }

    @Test
    void flagsAreShownAndBlockedFunctionsAreLeftAlone() {
        List<String> five = IntStream.range(0, 5).mapToObj(i -> publish("flag-" + i, "F = " + i)).toList();
        String py313 = publish("flag-new", "N = 1", "python3.13");
        fixtures.createFunction("flag-full", "python3.12", five);
        fixtures.createFunction("flag-old-runtime", "python3.12", List.of());

        AttachPlan plan = functions.planAttach(LayerVersionRef.parse(py313), List.of("flag-full", "flag-old-runtime"),
                LayerPosition.LAST);
        FunctionPlan full = plan.functions().get(0);
        assertThat(full.flags()).extracting(PlanFlag::kind).contains(PlanFlag.Kind.TOO_MANY_LAYERS);
        assertThat(full.blocked()).isTrue();
        FunctionPlan runtime = plan.functions().get(1);
        assertThat(runtime.flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.RUNTIME_INCOMPATIBLE);
        assertThat(runtime.blocked()).isFalse();

        List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
        assertThat(results).extracting(ApplyResult::outcome)
                .containsExactly(ApplyResult.Outcome.BLOCKED, ApplyResult.Outcome.UPDATED);
        assertThat(layersOf("flag-full")).isEqualTo(five);
        assertEndedAsReported(results);
    }

    @Test
    void upgradesFiftyFunctionsAsOnePlanAndUndoesIt() {
        String other = publish("up-other", "O = 1");
        String lib1 = publish("up-lib", "L = 1", "python3.12");
        String lib2 = publish("up-lib", "L = 2", "python3.12");
        String lib3 = publish("up-lib", "L = 3", "python3.12");
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            List<String> layers = switch (i % 3) {
                case 0 -> List.of(other, lib1);
                case 1 -> List.of(lib2, other);
                default -> List.of(lib1);
            };
            String name = String.format("up-fn-%02d", i);
            fixtures.createFunction(name, "python3.12", layers);
            before.put(name, layers);
        }
        fixtures.createFunction("up-bystander", "python3.12", List.of(other));

        AttachPlan plan = functions.planUpgrade("up-lib", 3, 0);
        assertThat(plan.updates()).hasSize(50);
        assertThat(plan.functions()).extracting(FunctionPlan::functionName).doesNotContain("up-bystander");

        Map<String, ApplyResult> finished = new ConcurrentHashMap<>();
        List<ApplyResult> results = functions.apply(plan, new ApplyListener() {
            @Override
            public void finished(ApplyResult result) {
                finished.put(result.functionName(), result);
            }
        });
        assertThat(finished).hasSize(50);
        assertThat(results).extracting(ApplyResult::outcome).containsOnly(ApplyResult.Outcome.UPDATED);
        before.forEach((name, layers) -> assertThat(layersOf(name)).as(name)
                .isEqualTo(layers.stream().map(l -> l.equals(lib1) || l.equals(lib2) ? lib3 : l).toList()));
        assertThat(layersOf("up-bystander")).containsExactly(other);
        assertEndedAsReported(results);

        AttachPlan onlyFrom1 = functions.planUpgrade("up-lib", 3, 1);
        assertThat(onlyFrom1.functions()).isEmpty();

        List<ApplyResult> undone = functions.apply(functions.undoPlan(results), ApplyListener.NONE);
        assertThat(undone).hasSize(50).extracting(ApplyResult::outcome).containsOnly(ApplyResult.Outcome.UPDATED);
        before.forEach((name, layers) -> assertThat(layersOf(name)).as(name).isEqualTo(layers));
    }

    @Test
    void usageFindsEveryFunctionOnEveryVersionAcrossRegions(MotoServer moto) {
        String v1 = publish("use-lib", "U = 1");
        String v2 = publish("use-lib", "U = 2");
        String unrelated = publish("use-other", "X = 1");
        fixtures.createFunction("use-a", "python3.12", List.of(unrelated, v1));
        fixtures.createFunction("use-b", "python3.12", List.of(v2));
        fixtures.createFunction("use-c", "python3.12", List.of(unrelated));
        String westArn;
        try (AwsSession west = moto.session("eu-west-1")) {
            MotoFixtures westFixtures = new MotoFixtures(moto, west.lambda());
            westArn = westFixtures.publishLayer("use-lib", Map.of("python/u.py", "U = 9"), "python3.12")
                    .layerVersionArn();
            westFixtures.createFunction("use-west", "python3.12", List.of(westArn));
        }

        UsageReport here = functions.usage("use-lib", List.of());
        assertThat(here.regions()).containsExactly("us-east-1");
        assertThat(here.uses()).extracting(LayerUse::functionName).containsExactly("use-a", "use-b");
        assertThat(here.uses().get(0).position()).isEqualTo(2);
        assertThat(here.byVersion()).containsOnlyKeys(v1, v2);

        UsageReport everywhere = functions.usage("use-lib", List.of("us-east-1", "eu-west-1", "ap-south-1"));
        assertThat(everywhere.complete()).isTrue();
        assertThat(everywhere.uses()).extracting(LayerUse::functionName)
                .containsExactly("use-west", "use-a", "use-b");
        assertThat(everywhere.byVersion()).containsKeys(v1, v2, westArn);

        UsageReport oneVersion = functions.usage(v2, List.of());
        assertThat(oneVersion.uses()).extracting(LayerUse::functionName).containsExactly("use-b");
    }

    @Test
    void aPlanPerFunctionSetsEditedStacksAndRemovesLayers() {
        String a = publish("per-a", "A = 1");
        String b = publish("per-b", "B = 1");
        String c = publish("per-c", "C = 1");
        fixtures.createFunction("per-1", "python3.12", List.of(a, b, c));
        fixtures.createFunction("per-2", "python3.12", List.of(a, b));

        Map<String, PlanChange> changes = new LinkedHashMap<>();
        changes.put("per-1", new PlanChange.SetLayers(List.of(a, b, c), List.of(c, a, b)));
        changes.put("per-2", new PlanChange.Detach(LayerVersionRef.parse(a)));
        AttachPlan plan = functions.plan("edit", changes);
        assertThat(plan.functions()).extracting(FunctionPlan::after)
                .containsExactly(List.of(c, a, b), List.of(b));
        List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
        assertThat(results).extracting(ApplyResult::outcome).containsOnly(ApplyResult.Outcome.UPDATED);
        assertEndedAsReported(results);
        assertThat(functions.getFunction("per-1").layerArns()).containsExactly(c, a, b);
    }

    @Test
    void listsEveryFunctionWithLayersAndSizes() {
        String a = publish("list-a", "A = 1");
        fixtures.createFunction("list-fn", "python3.12", List.of(a));
        FunctionInfo f = functions.listFunctions().stream().filter(x -> x.name().equals("list-fn")).findFirst()
                .orElseThrow();
        assertThat(f.runtime()).isEqualTo("python3.12");
        assertThat(f.architectures()).containsExactly("x86_64");
        assertThat(f.codeSize()).isPositive();
        assertThat(f.region()).isEqualTo("us-east-1");
        assertThat(f.layers()).singleElement().satisfies(l -> {
            assertThat(l.arn()).isEqualTo(a);
            assertThat(l.codeSize()).isPositive();
        });
    }
}
