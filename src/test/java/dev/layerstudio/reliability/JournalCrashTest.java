package dev.layerstudio.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.JournalRecovery;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ApplyJournal;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.ApplyResult.Outcome;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * A bulk apply really killed part-way: a child JVM upgrades six functions one at a time through
 * a WireMock front that makes each update slow; it is killed ({@code destroyForcibly}) once its
 * journal marks two functions done. Then, in this JVM, every function is read through the SDK
 * (each on its old list or its new one, no layer lost) and the apply is finished or undone
 * from the journal.
 */
@ExtendWith(MotoExtension.class)
class JournalCrashTest {

    private static final int FUNCTIONS = 6;
    private static final int KILL_AFTER = 2;

    private static MotoServer moto;
    private static AwsSession session;
    private static MotoFixtures fixtures;
    private static MotoFront front;

    @TempDir
    Path home;

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        session = server.session();
        fixtures = new MotoFixtures(server, session.lambda());
        front = new MotoFront(server);
        front.wireMock().stubFor(put(urlPathMatching("/2015-03-31/functions/[^/]+/configuration")).atPriority(5)
                .willReturn(aResponse().proxiedFrom(server.endpoint().toString()).withFixedDelay(600)));
    }

    @AfterAll
    static void stop() {
        front.close();
        session.close();
    }

    /** Functions {@code prefix-1..6} on [keep:1, layer:1]; the layer also has version 2. Returns the three ARNs. */
    private static List<String> setUp(String prefix) {
        String keep = publish(prefix + "-keep");
        String v1 = publish(prefix + "-layer");
        String v2 = publish(prefix + "-layer");
        for (int i = 1; i <= FUNCTIONS; i++) {
            fixtures.createFunction(prefix + "-" + i, "python3.12", List.of(keep, v1));
        }
        return List.of(keep, v1, v2);
    }

    private static String publish(String layer) {
        return fixtures.publishLayer(layer, Map.of("python/" + layer.replace('-', '_') + ".py", "x = 1\n"),
                "python3.12").layerVersionArn();
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    /** Runs the apply in a child JVM and kills it once the journal shows {@link #KILL_AFTER} functions done. */
    private ApplyJournal applyAndKill(String prefix) throws IOException, InterruptedException {
        ApplyJournals journals = ApplyJournals.inData(AppDirs.under(home));
        Path log = home.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlayerstudio.home=" + home,
                ApplyUntilKilled.class.getName(), front.endpoint().toString(), prefix + "-layer", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && child.isAlive()) {
                List<ApplyJournal> open = journals.unfinished();
                if (!open.isEmpty() && open.get(0).doneCount() >= KILL_AFTER) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the child still applying (its output: %s)", Files.exists(log)
                    ? Files.readString(log) : "none").isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        List<ApplyJournal> left = journals.unfinished();
        assertThat(left).hasSize(1);
        ApplyJournal journal = left.get(0);
        assertThat(journal.entries()).hasSize(FUNCTIONS);
        assertThat(journal.doneCount()).isBetween((long) KILL_AFTER, (long) FUNCTIONS - 1);
        return journal;
    }

    private JournalRecovery recovery() {
        ApplyJournals journals = ApplyJournals.inData(AppDirs.under(home));
        FunctionService functions = new SdkFunctionService(session, PlanApplier.Options.defaults()
                .withPolling(Duration.ofMillis(10), 100), journals);
        return new JournalRecovery(journals, region -> functions);
    }

    @Test
    void killedApplyIsFinishedFromItsJournal() throws Exception {
        List<String> arns = setUp("crash-finish");
        List<String> before = List.of(arns.get(0), arns.get(1));
        List<String> after = List.of(arns.get(0), arns.get(2));

        ApplyJournal journal = applyAndKill("crash-finish");

        int onNew = 0;
        for (ApplyJournal.Entry e : journal.entries()) {
            List<String> now = layersOf(e.function());
            assertThat(now).as(e.function()).isIn(before, after);
            assertThat(e.before()).isEqualTo(before);
            assertThat(e.after()).isEqualTo(after);
            if (e.done()) {
                assertThat(e.outcome()).isEqualTo(Outcome.UPDATED);
                assertThat(now).as("%s is marked done", e.function()).isEqualTo(after);
            }
            onNew += now.equals(after) ? 1 : 0;
        }
        assertThat(onNew).isLessThan(FUNCTIONS);

        JournalRecovery recovery = recovery();
        assertThat(recovery.unfinished()).extracting(ApplyJournal::id).containsExactly(journal.id());
        Map<String, AttachPlan> plan = recovery.finishPlan(journal);
        assertThat(plan).containsOnlyKeys(MotoServer.REGION);
        assertThat(plan.get(MotoServer.REGION).updates()).hasSize(FUNCTIONS - onNew);
        List<ApplyResult> results = recovery.settle(journal, plan, ApplyListener.NONE);

        assertThat(results).hasSize(FUNCTIONS).allMatch(ApplyResult::ok);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.UPDATED).hasSize(FUNCTIONS - onNew);
        for (int i = 1; i <= FUNCTIONS; i++) {
            assertThat(layersOf("crash-finish-" + i)).isEqualTo(after);
        }
        assertThat(recovery.unfinished()).isEmpty();
    }

    @Test
    void killedApplyIsUndoneAndAFunctionChangedSinceIsLeftAlone() throws Exception {
        List<String> arns = setUp("crash-undo");
        List<String> before = List.of(arns.get(0), arns.get(1));
        List<String> after = List.of(arns.get(0), arns.get(2));

        ApplyJournal journal = applyAndKill("crash-undo");

        List<String> updated = new ArrayList<>();
        for (ApplyJournal.Entry e : journal.entries()) {
            if (layersOf(e.function()).equals(after)) {
                updated.add(e.function());
            }
        }
        assertThat(updated).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        // someone else edits one of the updated functions after the crash: undo must not overwrite that
        String edited = updated.get(0);
        List<String> theirs = List.of(arns.get(2));
        session.lambda().updateFunctionConfiguration(b -> b.functionName(edited).layers(theirs));

        JournalRecovery recovery = recovery();
        List<ApplyResult> results = recovery.settle(journal, recovery.undoPlan(journal), ApplyListener.NONE);

        assertThat(results).hasSize(FUNCTIONS);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.UPDATED).hasSize(updated.size() - 1);
        assertThat(results).filteredOn(r -> r.functionName().equals(edited))
                .singleElement().extracting(ApplyResult::outcome).isEqualTo(Outcome.CONFLICT);
        for (int i = 1; i <= FUNCTIONS; i++) {
            String f = "crash-undo-" + i;
            assertThat(layersOf(f)).as(f).isEqualTo(f.equals(edited) ? theirs : before);
        }
        assertThat(recovery.unfinished()).isEmpty();
    }
}
