package dev.layerstudio.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.ApplyResult.Outcome;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFacts;
import dev.layerstudio.testing.FakeLambda;
import dev.layerstudio.testing.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What moto cannot do, against Lambda's wire format: paging, stale RevisionIds (412),
 * updates in progress (409), throttling (429), server errors (500) inside a bulk update.
 * After each test every function's list is what its result says — nothing dropped.
 */
class FunctionServiceStubTest {

    private static final String REGION = "us-east-1";
    private static final String CONFIG = "/2015-03-31/functions/%s/configuration";

    private WireMockServer wiremock;
    private FakeLambda fake;
    private AwsSession session;
    private FunctionService functions;

    @BeforeEach
    void start() {
        fake = new FakeLambda(REGION);
        wiremock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(fake));
        wiremock.start();
        fake.install(wiremock);
        session = AwsSession.builder().credentials(MotoServer.credentials()).region(REGION)
                .endpoint(URI.create(wiremock.baseUrl())).build();
        functions = new SdkFunctionService(session, PlanApplier.Options.defaults()
                .withPolling(Duration.ofMillis(5), 50));
    }

    @AfterEach
    void stop() {
        session.close();
        wiremock.stop();
    }

    private String layer(String name, int version) {
        return fake.layerArn(name, version);
    }

    private void assertEndedAsReported(List<ApplyResult> results) {
        for (ApplyResult r : results) {
            List<String> expected = r.outcome() == Outcome.UPDATED ? r.after() : r.before();
            assertThat(fake.layers(r.functionName())).as(r.functionName() + " " + r.outcome()).isEqualTo(expected);
        }
    }

    private AttachPlan attach(String layerArn, String... names) {
        List<FunctionInfo> infos = java.util.Arrays.stream(names).map(functions::getFunction).toList();
        return AttachPlanner.plan("attach", infos, new PlanChange.Attach(LayerVersionRef.parse(layerArn),
                LayerPosition.KEEP), PlanFacts.none());
    }

    @Test
    void readsEveryPageOfFunctionsWithAtMostFiftyAPage() {
        for (int i = 0; i < 120; i++) {
            fake.put(String.format("fn-%03d", i), List.of(layer("lib", i % 3 + 1)));
        }
        List<FunctionInfo> all = functions.listFunctions();
        assertThat(all).hasSize(120);
        assertThat(all).extracting(FunctionInfo::name).doesNotHaveDuplicates();
        assertThat(all.get(0).revisionId()).isEqualTo(fake.revision("fn-000"));
        assertThat(all.get(0).layers()).singleElement().satisfies(l -> assertThat(l.codeSize()).isEqualTo(1000));
        wiremock.verify(3, getRequestedFor(urlPathMatching("/2015-03-31/functions/?"))
                .withQueryParam("MaxItems", equalTo("50")));
        wiremock.verify(getRequestedFor(urlPathMatching("/2015-03-31/functions/?"))
                .withQueryParam("Marker", equalTo("page-100")));

        assertThat(functions.usage("lib", List.of()).uses()).hasSize(120);
        assertThat(AttachPlanner.upgrade(all, LayerVersionRef.parse(layer("lib", 3)), 0, PlanFacts.none()).updates())
                .hasSize(80);
    }

    @Test
    void aFunctionChangedSinceThePlanIsReReadAndReplannedOnce() {
        fake.put("f", List.of(layer("a", 1)));
        AttachPlan plan = attach(layer("new", 1), "f");
        fake.put("f", List.of(layer("a", 1), layer("someone-elses", 4)));

        List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
        ApplyResult r = results.get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(r.recomputed()).isTrue();
        assertThat(r.before()).containsExactly(layer("a", 1), layer("someone-elses", 4));
        assertThat(fake.layers("f")).containsExactly(layer("a", 1), layer("someone-elses", 4), layer("new", 1));
        wiremock.verify(2, putRequestedFor(urlPathEqualTo(String.format(CONFIG, "f"))));
        assertThat(fake.updates()).singleElement().satisfies(u -> assertThat(u.revisionId()).isNotNull());
        assertEndedAsReported(results);
    }

    @Test
    void aFunctionThatKeepsChangingIsReportedAndLeftAlone() {
        fake.put("f", List.of(layer("a", 1)));
        AttachPlan plan = attach(layer("new", 1), "f");
        wiremock.stubFor(put(urlPathEqualTo(String.format(CONFIG, "f"))).atPriority(1)
                .willReturn(FakeLambda.errorResponse(412, "PreconditionFailedException",
                        "The Revision Id provided does not match the latest Revision Id.")));

        List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(results.get(0).message()).contains("changed again");
        wiremock.verify(2, putRequestedFor(urlPathEqualTo(String.format(CONFIG, "f"))));
        assertThat(fake.layers("f")).containsExactly(layer("a", 1));
        assertEndedAsReported(results);
    }

    @Test
    void anUpdateInProgressIsWaitedForThenTheUpdateGoesThrough() {
        fake.put("f", List.of(layer("a", 1)));
        AttachPlan plan = attach(layer("new", 1), "f");
        fake.busy("f", 3);
        fake.inProgressPolls(2);
        List<String> messages = new ArrayList<>();
        List<ApplyResult> results = functions.apply(plan, new ApplyListener() {
            @Override
            public synchronized void message(FunctionPlan p, String message) {
                messages.add(message);
            }
        });
        ApplyResult r = results.get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(r.recomputed()).isFalse();
        assertThat(r.current().lastUpdateStatus()).isEqualTo("Successful");
        assertThat(messages).anyMatch(m -> m.contains("in progress"));
        assertThat(fake.layers("f")).containsExactly(layer("a", 1), layer("new", 1));
        wiremock.verify(2, putRequestedFor(urlPathEqualTo(String.format(CONFIG, "f"))));
        assertEndedAsReported(results);
    }

    @Test
    void conflictAnsweredOnceBy409StubThenSuccess() {
        fake.put("f", List.of(layer("a", 1)));
        AttachPlan plan = attach(layer("new", 1), "f");
        wiremock.stubFor(put(urlPathEqualTo(String.format(CONFIG, "f"))).atPriority(1)
                .inScenario("busy").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(FakeLambda.errorResponse(409, "ResourceConflictException",
                        "An update is in progress for resource: f")));
        List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(fake.layers("f")).containsExactly(layer("a", 1), layer("new", 1));
        assertEndedAsReported(results);
    }

    @Test
    void throttlingIsRetriedByTheClient() {
        fake.put("f", List.of(layer("a", 1)));
        AttachPlan plan = attach(layer("new", 1), "f");
        wiremock.stubFor(put(urlPathEqualTo(String.format(CONFIG, "f"))).atPriority(1)
                .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(FakeLambda.errorResponse(429, "TooManyRequestsException", "Rate exceeded")));
        List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(results.get(0).recomputed()).isFalse();
        wiremock.verify(2, putRequestedFor(urlPathEqualTo(String.format(CONFIG, "f"))));
        assertThat(fake.layers("f")).containsExactly(layer("a", 1), layer("new", 1));
        assertEndedAsReported(results);
    }

    @Test
    void oneServerErrorInABulkIsReportedTheOthersSucceedAndUndoRestoresThem() {
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            List<String> layers = i % 2 == 0 ? List.of(layer("base", 1), layer("lib", 1)) : List.of(layer("lib", 2));
            fake.put("bulk-" + i, layers);
            before.put("bulk-" + i, layers);
        }
        wiremock.stubFor(put(urlPathEqualTo(String.format(CONFIG, "bulk-3"))).atPriority(1)
                .willReturn(FakeLambda.errorResponse(500, "ServiceException", "Internal failure.")));

        // declared for both architectures: the functions run on x86_64
        wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers/lib/versions/5"))
                .willReturn(json(version("arn:aws:lambda:us-east-1:123456789012:layer:lib", 5)
                        .replace("[\"arm64\"]", "[\"x86_64\",\"arm64\"]"))));
        AttachPlan plan = functions.planUpgrade("lib", 5, 0);
        assertThat(plan.updates()).hasSize(6);
        List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
        assertThat(results).extracting(ApplyResult::functionName)
                .containsExactly("bulk-0", "bulk-1", "bulk-2", "bulk-3", "bulk-4", "bulk-5");
        assertThat(results).filteredOn(r -> !r.functionName().equals("bulk-3")).extracting(ApplyResult::outcome)
                .containsOnly(Outcome.UPDATED);
        ApplyResult failed = results.get(3);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.message()).contains("server error");
        assertThat(fake.layers("bulk-3")).isEqualTo(before.get("bulk-3"));
        assertThat(fake.layers("bulk-0")).containsExactly(layer("base", 1), layer("lib", 5));
        assertEndedAsReported(results);

        AttachPlan undo = functions.undoPlan(results);
        assertThat(undo.functions()).hasSize(5);
        assertThat(undo.updates()).hasSize(5);
        List<ApplyResult> undone = functions.apply(undo, ApplyListener.NONE);
        assertThat(undone).extracting(ApplyResult::outcome).containsOnly(Outcome.UPDATED);
        before.forEach((name, layers) -> assertThat(fake.layers(name)).as(name).isEqualTo(layers));
    }

    @Test
    void readsEveryPageOfLayersAndVersions() {
        String arnA = "arn:aws:lambda:us-east-1:123456789012:layer:a";
        String arnB = "arn:aws:lambda:us-east-1:123456789012:layer:b";
        wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers")).withQueryParam("Marker", absent())
                .willReturn(json("{\"Layers\":[{\"LayerName\":\"a\",\"LayerArn\":\"" + arnA + "\"}],"
                        + "\"NextMarker\":\"m1\"}")));
        wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers")).withQueryParam("Marker", equalTo("m1"))
                .willReturn(json("{\"Layers\":[{\"LayerName\":\"b\",\"LayerArn\":\"" + arnB + "\"}]}")));
        wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers/a/versions")).withQueryParam("Marker", absent())
                .willReturn(json("{\"LayerVersions\":[" + item(arnA, 3) + "," + item(arnA, 2) + "],"
                        + "\"NextMarker\":\"v\"}")));
        wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers/a/versions")).withQueryParam("Marker", equalTo("v"))
                .willReturn(json("{\"LayerVersions\":[" + item(arnA, 1) + "]}")));
        wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers/b/versions"))
                .willReturn(json("{\"LayerVersions\":[" + item(arnB, 7) + "]}")));
        for (int v = 1; v <= 3; v++) {
            wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers/a/versions/" + v))
                    .willReturn(json(version(arnA, v))));
        }
        wiremock.stubFor(get(urlPathEqualTo("/2018-10-31/layers/b/versions/7")).willReturn(json(version(arnB, 7))));

        List<LayerInfo> layers = new SdkLayerService(session).listLayers();
        assertThat(layers).extracting(LayerInfo::name).containsExactly("a", "b");
        assertThat(layers.get(0).versions()).extracting(LayerVersionInfo::version).containsExactly(3L, 2L, 1L);
        LayerVersionInfo a3 = layers.get(0).versions().get(0);
        assertThat(a3.codeSize()).isEqualTo(3000);
        assertThat(a3.codeSha256()).isEqualTo("sha-3");
        assertThat(a3.compatibleRuntimes()).containsExactly("python3.12");
        assertThat(a3.compatibleArchitectures()).containsExactly("arm64");
        assertThat(a3.createdDate()).isNotNull();
        assertThat(a3.location()).startsWith("https://");
        assertThat(layers.get(1).versions()).extracting(LayerVersionInfo::version).containsExactly(7L);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String item(String layerArn, int v) {
        return "{\"LayerVersionArn\":\"" + layerArn + ":" + v + "\",\"Version\":" + v
                + ",\"CreatedDate\":\"2024-05-0" + v + "T10:00:00.000+0000\",\"CompatibleRuntimes\":[\"python3.12\"]}";
    }

    private static String version(String layerArn, int v) {
        return "{\"LayerArn\":\"" + layerArn + "\",\"LayerVersionArn\":\"" + layerArn + ":" + v + "\",\"Version\":" + v
                + ",\"Description\":\"v" + v + "\",\"CreatedDate\":\"2024-05-01T10:00:00.000+0000\","
                + "\"CompatibleRuntimes\":[\"python3.12\"],\"CompatibleArchitectures\":[\"arm64\"],"
                + "\"Content\":{\"Location\":\"https://bucket.s3.amazonaws.com/x?sig\",\"CodeSha256\":\"sha-" + v
                + "\",\"CodeSize\":" + (v * 1000) + "}}";
    }
}
