package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.model.Wave;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.model.WaveSelector;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Layer;

/** Staged upgrades against moto: waves by tag and by pattern, journal, continue, rollback of one wave. */
@ExtendWith(MotoExtension.class)
class RolloutsMotoTest {

    private static AwsSession session;
    private static MotoFixtures fixtures;
    private static FunctionService functions;

    @TempDir
    Path journalDir;

    @BeforeAll
    static void connect(MotoServer moto) {
        session = moto.session();
        fixtures = new MotoFixtures(moto, session.lambda());
        functions = new SdkFunctionService(session, FunctionServiceMotoTest.FAST);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static String publish(String layer, String content) {
        return fixtures.publishLayer(layer, Map.of("python/" + layer.replace('-', '_') + ".py", content),
                "python3.12").layerVersionArn();
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    private static void assertLayers(Map<String, List<String>> expected) {
        expected.forEach((name, layers) -> assertThat(layersOf(name)).as(name).isEqualTo(layers));
    }

    private Rollouts rollouts() {
        return new Rollouts(functions, new RolloutJournals(journalDir));
    }

    @Test
    void wavesByTagAndPatternApplyOneAtATimeAndRollingBackOneWaveLeavesTheOthers() throws IOException {
        String base = publish("roll-base", "B = 1");
        String v1 = publish("roll-lib", "L = 1");
        String v2 = publish("roll-lib", "L = 2");
        fixtures.createFunction("roll-dev-a", "python3.12", List.of(base, v1), Map.of("env", "dev"));
        fixtures.createFunction("roll-dev-b", "python3.12", List.of(v1), Map.of("env", "dev", "team", "x"));
        fixtures.createFunction("roll-api-1", "python3.12", List.of(v1, base), Map.of("env", "prod"));
        fixtures.createFunction("roll-api-2", "python3.12", List.of(v1), Map.of("env", "prod"));
        fixtures.createFunction("roll-worker", "python3.12", List.of(base, v1), Map.of("env", "prod"));
        fixtures.createFunction("roll-bystander", "python3.12", List.of(base), Map.of("env", "dev"));

        RolloutPlan plan = rollouts().plan("roll-lib", 2, 0, List.of(WaveSelector.parse("env=dev"),
                WaveSelector.parse("env=staging"), WaveSelector.parse("roll-api-*")));
        assertThat(plan.waves()).extracting(Wave::label).containsExactly("env=dev", "roll-api-*", Wave.REST);
        assertThat(plan.waves()).extracting(Wave::functionNames).containsExactly(
                List.of("roll-dev-a", "roll-dev-b"), List.of("roll-api-1", "roll-api-2"), List.of("roll-worker"));
        assertThat(plan.emptySelectors()).containsExactly("env=staging");
        assertThat(layersOf("roll-dev-a")).as("planning changes nothing").containsExactly(base, v1);

        RolloutJournal journal = rollouts().start(plan);
        Path file = journalDir.resolve(journal.id() + ".json");
        assertThat(file).exists();
        assertThat(journal.id()).isEqualTo(MotoServer.ACCOUNT + "-us-east-1-roll-lib-v2");

        journal = rollouts().applyWave(journal, plan.waves().get(0), ApplyListener.NONE);
        assertThat(journal.wave(1).state()).isEqualTo(WaveRecord.State.APPLIED);
        assertThat(journal.wave(1).results()).extracting(ApplyResult::outcome)
                .containsOnly(ApplyResult.Outcome.UPDATED);
        Map<String, List<String>> afterWave1 = new LinkedHashMap<>();
        afterWave1.put("roll-dev-a", List.of(base, v2));
        afterWave1.put("roll-dev-b", List.of(v2));
        afterWave1.put("roll-api-1", List.of(v1, base));
        afterWave1.put("roll-api-2", List.of(v1));
        afterWave1.put("roll-worker", List.of(base, v1));
        afterWave1.put("roll-bystander", List.of(base));
        assertLayers(afterWave1);

        JsonNode onDisk = new ObjectMapper().readTree(file.toFile());
        assertThat(onDisk.at("/waves/0/state").asText()).isEqualTo("APPLIED");
        assertThat(onDisk.at("/waves/0/undo/0/function").asText()).isEqualTo("roll-dev-a");
        assertThat(onDisk.at("/waves/0/undo/0/restore").toString()).isEqualTo("[\"" + base + "\",\"" + v1 + "\"]");
        assertThat(onDisk.at("/waves/1/state").asText()).isEqualTo("PENDING");

        // a later run finds the journal and continues with wave 2, planned afresh
        Rollouts later = rollouts();
        RolloutJournal found = later.find("roll-lib", 2).orElseThrow();
        assertThat(found).isEqualTo(journal);
        assertThatThrownBy(() -> later.start(plan)).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("already under way (1 of 3 waves applied)");
        Wave second = later.nextWave(found).orElseThrow();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.functionNames()).containsExactly("roll-api-1", "roll-api-2");
        journal = later.applyWave(found, second, ApplyListener.NONE);
        assertThat(layersOf("roll-api-1")).containsExactly(v2, base);
        assertThat(layersOf("roll-api-2")).containsExactly(v2);

        // roll back wave 2 only
        AttachPlan undo = later.rollbackPlan(journal).orElseThrow();
        assertThat(undo.functions()).extracting(FunctionPlan::functionName)
                .containsExactly("roll-api-1", "roll-api-2");
        journal = later.rollbackWave(journal, undo, ApplyListener.NONE);
        assertThat(journal.wave(2).state()).isEqualTo(WaveRecord.State.ROLLED_BACK);
        assertThat(journal.wave(2).rollback()).extracting(ApplyResult::outcome)
                .containsOnly(ApplyResult.Outcome.UPDATED);
        assertThat(journal.wave(1).state()).isEqualTo(WaveRecord.State.APPLIED);
        assertLayers(afterWave1);
        assertThat(rollouts().find("roll-lib", 2)).contains(journal);

        // continuing applies the rolled-back wave again, then the rest
        Rollouts third = rollouts();
        RolloutJournal j3 = third.find("roll-lib", 2).orElseThrow();
        Wave again = third.nextWave(j3).orElseThrow();
        assertThat(again.number()).isEqualTo(2);
        j3 = third.applyWave(j3, again, ApplyListener.NONE);
        Wave rest = third.nextWave(j3).orElseThrow();
        assertThat(rest.label()).isEqualTo(Wave.REST);
        j3 = third.applyWave(j3, rest, ApplyListener.NONE);
        assertThat(j3.finished()).isTrue();
        assertThat(third.nextWave(j3)).isEmpty();
        assertThat(layersOf("roll-worker")).containsExactly(base, v2);
        assertThat(layersOf("roll-bystander")).containsExactly(base);

        // rolling back after the end undoes the last wave only
        j3 = third.rollbackWave(j3, third.rollbackPlan(j3).orElseThrow(), ApplyListener.NONE);
        assertThat(layersOf("roll-worker")).containsExactly(base, v1);
        assertThat(layersOf("roll-api-1")).containsExactly(v2, base);
        assertThat(j3.next().orElseThrow().number()).isEqualTo(3);
    }

    @Test
    void wavesByNamePatternAndListWithTheRestLast() {
        String v1 = publish("pat-lib", "P = 1");
        publish("pat-lib", "P = 2");
        String v3 = publish("pat-lib", "P = 3");
        for (String name : List.of("pat-canary", "pat-eu-1", "pat-eu-2", "pat-us-1", "pat-misc")) {
            fixtures.createFunction(name, "python3.12", List.of(v1));
        }
        RolloutPlan plan = rollouts().plan("pat-lib", 3, 1, List.of(WaveSelector.parse("pat-canary,pat-misc"),
                WaveSelector.parse("pat-eu-?"), WaveSelector.parse("pat-[!e]*")));
        assertThat(plan.waves()).extracting(Wave::functionNames).containsExactly(
                List.of("pat-canary", "pat-misc"), List.of("pat-eu-1", "pat-eu-2"), List.of("pat-us-1"));
        assertThat(plan.waves()).extracting(Wave::label).doesNotContain(Wave.REST);

        RolloutJournal journal = rollouts().start(plan);
        journal = rollouts().applyWave(journal, plan.waves().get(0), ApplyListener.NONE);
        assertThat(layersOf("pat-canary")).containsExactly(v3);
        assertThat(layersOf("pat-misc")).containsExactly(v3);
        assertThat(layersOf("pat-eu-1")).containsExactly(v1);
        assertThat(layersOf("pat-us-1")).containsExactly(v1);

        // someone moves pat-eu-2 off version 1 by hand: the next wave, planned afresh, skips it
        session.lambda().updateFunctionConfiguration(b -> b.functionName("pat-eu-2").layers(v3));
        Wave second = rollouts().nextWave(journal).orElseThrow();
        assertThat(second.functionNames()).containsExactly("pat-eu-1");
        assertThat(second.skipped()).containsExactly("pat-eu-2");
    }
}
