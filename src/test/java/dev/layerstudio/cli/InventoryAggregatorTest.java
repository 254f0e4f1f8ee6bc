package dev.layerstudio.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.layerstudio.testing.OrgInMoto.ALPHA;
import static dev.layerstudio.testing.OrgInMoto.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.OrgInMoto;
import dev.layerstudio.testing.SsoStubs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inventory --config-aggregator} against a stand-in for AWS Config that answers
 * {@code SelectAggregateResourceConfig} in AWS's wire format (JSON 1.1, {@code X-Amz-Target:
 * StarlingDoveService.SelectAggregateResourceConfig}, {@code Results} as a list of JSON strings, pages
 * linked by {@code NextToken}), serving the same functions moto holds: the table must be the fan-out's.
 */
@ExtendWith(MotoExtension.class)
class InventoryAggregatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "StarlingDoveService.SelectAggregateResourceConfig";

    @TempDir
    static Path dir;
    private static OrgInMoto org;
    private static WireMockServer wm;

    @BeforeAll
    static void setUp(MotoServer moto) {
        org = new OrgInMoto(moto, dir);
        wm = org.wireMock();
    }

    @AfterAll
    static void tearDown() {
        org.close();
    }

    private int viaConfig(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", wm.baseUrl(), "--region", "us-east-1",
                "--profile", "org", "inventory"));
        all.addAll(List.of(args));
        return org.runRaw(all.toArray(String[]::new));
    }

    @Test
    void configAggregatorGivesTheSameTableInOneQuery() throws Exception {
        org.run("--json", "inventory", "--sso-session", "corp", "--role", OrgInMoto.ROLE, "--regions",
                "us-east-1,us-west-2", "--view", "runtimes");
        JsonNode fanOut = org.document();
        Map<String, String> layers = Map.of("orders", "arn:aws:lambda:us-east-1:" + ALPHA + ":layer:shared-lib:2",
                "reports", "arn:aws:lambda:us-east-1:" + BETA + ":layer:b-tools:1");
        List<String> results = new ArrayList<>();
        for (JsonNode r : fanOut.get("rows")) {
            String account = r.get("account").asText().replaceAll(".*\\((\\d{12})\\)", "$1");
            String name = r.get("function").asText();
            Instant modified = Instant.parse(r.get("lastModified").asText());
            var row = JSON.createObjectNode().put("accountId", account).put("awsRegion", r.get("region").asText())
                    .put("resourceName", name).put("arn", "arn:aws:lambda:" + r.get("region").asText() + ":"
                            + account + ":function:" + name);
            var c = row.putObject("configuration").put("runtime", r.get("runtime").asText())
                    .put("lastModified", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                            .withZone(java.time.ZoneOffset.UTC).format(modified))
                    .put("codeSize", 300).put("packageType", "Zip");
            c.putArray("architectures").add(r.get("architecture").asText());
            var l = c.putArray("layers");
            if (layers.containsKey(name)) {
                l.addObject().put("arn", layers.get(name)).put("codeSize", 120);
            }
            results.add(JSON.writeValueAsString(row));
        }
        String target = "StarlingDoveService.SelectAggregateResourceConfig";
        wm.stubFor(post(
                        urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(matchingJsonPath("$.NextToken",
                        absent()))
                .willReturn(SsoStubs.json(200, page(results.subList(0, 2), "page-2"))
                        .withHeader("Content-Type", "application/x-amz-json-1.1")));
        wm.stubFor(post(
                        urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(matchingJsonPath("$.NextToken",
                        equalTo("page-2")))
                .willReturn(SsoStubs.json(200, page(results.subList(2, results.size()), null))
                        .withHeader("Content-Type", "application/x-amz-json-1.1")));

        List<String> args = new ArrayList<>(List.of("--json", "--endpoint-url", wm.baseUrl(), "--region",
                "us-east-1", "--profile", "org", "inventory", "--config-aggregator", "org-wide", "--view", "runtimes"));
        assertThat(org.runRaw(args.toArray(String[]::new))).as(org.err()).isZero();
        JsonNode viaConfig = org.document();

        assertThat(viaConfig.get("columns")).isEqualTo(fanOut.get("columns"));
        List<JsonNode> expected = new ArrayList<>();
        fanOut.get("rows").forEach(r -> {
            var copy = r.deepCopy();
            ((ObjectNode) copy).put("account",
                    r.get("account").asText().replaceAll(".*\\((\\d{12})\\)", "$1"));
            expected.add(copy);
        });
        assertThat(viaConfig.get("rows")).containsExactlyElementsOf(expected);
        var requests = wm.findAll(postRequestedFor(
                urlPathEqualTo("/"))
                .withRequestBody(matchingJsonPath(
                        "$.ConfigurationAggregatorName", equalTo(
                                "org-wide"))));
        assertThat(requests).hasSize(2);
        JsonNode body = JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(body.get("ConfigurationAggregatorName").asText()).isEqualTo("org-wide");
        assertThat(body.get("Expression").asText()).contains("resourceType = 'AWS::Lambda::Function'",
                "configuration.layers");
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/x-amz-json-1.1");

        assertThat(viaConfig("--config-aggregator", "org-wide", "--view", "unused")).isEqualTo(FailureHandler.FAILED);
        assertThat(org.err()).contains("reads functions only");
    }

    @Test
    void anUnknownAggregatorIsOneSentence() {
        wm.stubFor(post(
                        urlPathEqualTo("/"))
                .withRequestBody(matchingJsonPath(
                        "$.ConfigurationAggregatorName", equalTo("nope")))
                .atPriority(1)
                .willReturn(SsoStubs.json(400, "{\"__type\":\"NoSuchConfigurationAggregatorException\","
                        + "\"message\":\"The configuration aggregator does not exist.\"}")
                        .withHeader("Content-Type", "application/x-amz-json-1.1")));
        assertThat(viaConfig("--config-aggregator", "nope")).isEqualTo(FailureHandler.FAILED);
        assertThat(org.err()).contains("There is no AWS Config aggregator 'nope' in us-east-1")
                .doesNotContain("Exception");
    }

    private static String page(List<String> results, String next) throws Exception {
        var doc = JSON.createObjectNode();
        var array = doc.putArray("Results");
        results.forEach(array::add);
        var fields = doc.putObject("QueryInfo").putArray("SelectFields");
        for (String f : List.of("accountId", "awsRegion", "resourceName", "arn", "configuration.runtime",
                "configuration.architectures", "configuration.layers", "configuration.lastModified",
                "configuration.codeSize", "configuration.packageType")) {
            fields.addObject().put("Name", f);
        }
        if (next != null) {
            doc.put("NextToken", next);
        }
        return JSON.writeValueAsString(doc);
    }

}
