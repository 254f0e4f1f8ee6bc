package dev.layerstudio.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProbeModule;
import dev.layerstudio.model.ProbeReport;
import dev.layerstudio.model.ProbeRequest;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.ProbeAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LayersListItem;

/**
 * The whole test in Lambda against moto: role, temporary layer version and probe function
 * created, invoked once, and everything deleted again — also when the invoke fails, when it
 * is cancelled, and when Lambda is slow to accept a new role. Invoke is answered in a
 * WireMock front with what the real probe handler gave for a small layer (moto would need
 * Docker to run it); everything else is moto's.
 */
@ExtendWith(MotoExtension.class)
class LambdaProbeMotoTest {

    private static final String PREFIX = "layer-studio-probe-";

    private static MotoServer moto;
    private static AwsSession direct;
    private static MotoFixtures fixtures;
    private MotoFront front;
    private AwsSession session;
    private ProbeJournals journals;

    @TempDir
    Path temp;

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        direct = server.session();
        fixtures = new MotoFixtures(server, direct.lambda());
    }

    @AfterAll
    static void stop() {
        direct.close();
    }

    @BeforeEach
    void front() {
        front = new MotoFront(moto);
        session = front.session();
        journals = new ProbeJournals(temp.resolve("probes"));
    }

    @AfterEach
    void closeFront() {
        session.close();
        front.close();
    }

    private LambdaProbe probe() {
        return new LambdaProbe(session, journals, LambdaProbe.Options.defaults()
                .withWaits(List.of(Duration.ofMillis(20), Duration.ofMillis(20)), Duration.ofMillis(20)));
    }

    private Path zip() throws Exception {
        Path zip = temp.resolve("layer.zip");
        Files.write(zip, ProbeAnswers.layerZip());
        return zip;
    }

    /** Every probe function, probe layer version and probe role that exists in moto now. */
    private static List<String> leftovers() {
        List<String> left = new ArrayList<>();
        direct.lambda().listFunctionsPaginator().functions().stream().map(FunctionConfiguration::functionName)
                .filter(n -> n.startsWith(PREFIX)).forEach(n -> left.add("function " + n));
        for (LayersListItem layer : direct.lambda().listLayers().layers()) {
            if (layer.layerName().startsWith(PREFIX)) {
                direct.lambda().listLayerVersions(b -> b.layerName(layer.layerName())).layerVersions()
                        .forEach(v -> left.add("layer version " + v.layerVersionArn()));
            }
        }
        direct.iam().listRoles().roles().stream().filter(r -> r.roleName().startsWith(PREFIX))
                .forEach(r -> left.add("role " + r.roleName()));
        return left;
    }

    private List<LoggedRequest> requests(String method, String pathRegex) {
        return front.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().value().equals(method) && r.getUrl().matches(pathRegex)).toList();
    }

    private int createRoleCalls() {
        return (int) front.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("Action=CreateRole")).count();
    }

    @Test
    void zipIsPublishedProbedAndEverythingRemoved() throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        List<String> messages = new ArrayList<>();
        ProbeReport report = probe().run(new ProbeRequest(null, zip(), "python3.12", "arm64", List.of(), null, false),
                new ProgressListener() {
                    @Override
                    public void message(String m) {
                        messages.add(m);
                    }
                });

        assertThat(report.modules()).extracting(ProbeModule::name)
                .containsExactly("calm", "greeting", "needs_dep", "oracle_shim");
        assertThat(report.failed()).extracting(ProbeModule::name).containsExactly("needs_dep", "oracle_shim");
        assertThat(report.findings()).hasSize(2).allMatch(f -> f.code() == FindingCode.IMPORT_FAILED);
        assertThat(report.findings().get(0).message())
                .contains("ModuleNotFoundError: No module named 'missing_dependency'").contains("python3.12, arm64");
        assertThat(report.python()).isEqualTo("3.11.7");
        assertThat(report.glibc()).isEqualTo("2.36");
        assertThat(report.optFiles()).isEqualTo(4);
        assertThat(report.layerArn()).contains(":layer:" + PREFIX);
        assertThat(report.removed()).hasSize(3).allMatch(r -> r.matches("(function|temporary layer|role) "
                + PREFIX + "\\d{14}-[0-9a-f]{6}"));
        assertThat(report.keptRole()).isNull();
        assertThat(report.leftBehind()).isEmpty();

        // the function was made as asked, with the temporary version, and invoked exactly once
        List<LoggedRequest> creates = requests("POST", "/2015-03-31/functions/?");
        assertThat(creates).hasSize(1);
        String create = creates.get(0).getBodyAsString();
        assertThat(create).contains("\"Runtime\":\"python3.12\"").contains("\"arm64\"")
                .contains(report.layerArn()).contains("layer_studio_probe.handler");
        assertThat(requests("POST", ProbeAnswers.INVOKE)).hasSize(1);
        assertThat(createRoleCalls()).isEqualTo(1);
        assertThat(messages).contains("Invoking the probe function", "Removing what the test created");

        assertThat(leftovers()).isEmpty();
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void publishedVersionAndTheUsersRoleAreUsedAndKept() throws Exception {
        String arn = fixtures.publishLayer("probe-given", Map.of("python/given.py", "x = 1\n"), "python3.12")
                .layerVersionArn();
        String role = fixtures.roleArn();
        ProbeAnswers.answerInvoke(front, 0);

        ProbeReport report = probe().run(new ProbeRequest(arn, null, "python3.12", "x86_64", List.of("given"),
                role, false), ProgressListener.NONE);

        assertThat(report.layerArn()).isEqualTo(arn);
        assertThat(report.removed()).hasSize(1).allMatch(c -> c.startsWith("function " + PREFIX));
        assertThat(createRoleCalls()).isZero();
        assertThat(requests("POST", "/2015-03-31/functions/?").get(0).getBodyAsString()).contains(role);
        // the named modules went to the probe in the event
        assertThat(requests("POST", ProbeAnswers.INVOKE).get(0).getBodyAsString()).isEqualTo("{\"modules\":[\"given\"]}");
        assertThat(leftovers()).isEmpty();
        assertThat(direct.lambda().getLayerVersion(b -> b.layerName("probe-given").versionNumber(1L)).version())
                .isEqualTo(1L);
        assertThat(direct.iam().getRole(b -> b.roleName("layer-studio-test")).role().arn()).isEqualTo(role);
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void failingInvokeEndsInOneSentenceAndRemovesEverything() throws Exception {
        // no stub: moto itself answers Invoke, and without Docker it cannot run the function
        assertThatThrownBy(() -> probe().run(new ProbeRequest(null, zip(), "python3.12", "x86_64", List.of(), null,
                false), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("The probe function failed in Lambda: ")
                        .doesNotContain("\n").endsWith("."));
        assertThat(requests("POST", ProbeAnswers.INVOKE)).hasSize(1);
        assertThat(leftovers()).isEmpty();
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void functionErrorOfTheProbeIsSaidAndCleanedUp() throws Exception {
        front.wireMock().stubFor(post(urlPathMatching(ProbeAnswers.INVOKE)).atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("X-Amz-Function-Error", "Unhandled")
                .withBody("{\"errorMessage\": \"2025-01-01T00:00:00Z Task timed out after 45.00 seconds\"}")));

        assertThatThrownBy(() -> probe().run(new ProbeRequest(null, zip(), "python3.12", "x86_64", List.of(), null,
                false), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("The probe function failed in Lambda: 2025-01-01T00:00:00Z Task timed out after 45.00"
                        + " seconds.");
        assertThat(leftovers()).isEmpty();
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void cancelDuringInvokeStillRemovesEverything() throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        Thread worker = Thread.currentThread();
        ProgressListener cancelAtInvoke = new ProgressListener() {
            @Override
            public void message(String m) {
                if (m.startsWith("Invoking")) {
                    worker.interrupt(); // what the window's Cancel and Ctrl-C do
                }
            }
        };
        try {
            assertThatThrownBy(() -> probe().run(new ProbeRequest(null, zip(), "python3.12", "x86_64", List.of(),
                    null, false), cancelAtInvoke)).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(requests("POST", "/2015-03-31/functions/?")).hasSize(1);
        assertThat(leftovers()).isEmpty();
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void aNewRoleNotYetUsableIsWaitedFor() throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        // AWS's answer while a new role has not reached Lambda, twice, then moto's own
        String notYet = "{\"Type\":\"User\",\"message\":\"The role defined for the function cannot be assumed by"
                + " Lambda.\"}";
        for (String[] step : new String[][]{{Scenario.STARTED, "second"}, {"second", "through"}}) {
            front.wireMock().stubFor(post(urlPathEqualTo("/2015-03-31/functions")).atPriority(2)
                    .inScenario("role").whenScenarioStateIs(step[0]).willSetStateTo(step[1])
                    .willReturn(aResponse().withStatus(400).withHeader("x-amzn-ErrorType",
                            "InvalidParameterValueException").withBody(notYet)));
        }

        ProbeReport report = probe().run(new ProbeRequest(null, zip(), "python3.12", "x86_64", List.of(), null,
                false), ProgressListener.NONE);

        assertThat(report.modules()).hasSize(4);
        front.wireMock().verify(3, postRequestedFor(urlPathEqualTo("/2015-03-31/functions")));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void keptRoleStaysAndIsNotJournalledForRemoval() throws Exception {
        ProbeAnswers.answerInvoke(front, 0);
        ProbeReport report = probe().run(new ProbeRequest(null, zip(), "python3.12", "x86_64", List.of(), null,
                true), ProgressListener.NONE);

        assertThat(report.removed()).noneMatch(c -> c.startsWith("role "));
        assertThat(report.keptRole()).contains(":role/" + PREFIX);
        List<String> left = leftovers();
        assertThat(left).hasSize(1).allMatch(l -> l.startsWith("role " + PREFIX));
        direct.iam().deleteRole(b -> b.roleName(left.get(0).substring("role ".length())));
        assertThat(journals.unfinished()).isEmpty();
    }

    @Test
    void aRoleInvalidForLambdaIsOneSentenceAndNothingStays() throws Exception {
        assertThatThrownBy(() -> probe().run(new ProbeRequest(null, zip(), "python3.12", "x86_64", List.of(),
                "not-a-role", false), ProgressListener.NONE)).isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("Could not create the probe function");
        assertThat(leftovers()).isEmpty();
        assertThat(journals.unfinished()).isEmpty();
        assertThat(requests("POST", ProbeAnswers.INVOKE)).isEmpty();
    }
}
