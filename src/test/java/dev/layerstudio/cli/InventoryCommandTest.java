package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryAccounts;
import dev.layerstudio.aws.LambdaInventory;
import dev.layerstudio.aws.SsoToken;
import dev.layerstudio.aws.SsoTokenCache;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryFailure;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SsoStubs;
import dev.layerstudio.testing.Zips;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The organization inventory against moto with one account per set of role credentials (STS
 * AssumeRole into each account id) and the IAM Identity Center stand-in handing those credentials
 * out: Alpha and Beta are read, Gamma's role credentials are refused.
 */
@ExtendWith(MotoExtension.class)
class InventoryCommandTest {

    static final String ALPHA = "111111111111";
    static final String BETA = "222222222222";
    static final String GAMMA = "333333333333";
    static final String ROLE = "Inventory";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private static WireMockServer wm;
    private static MotoServer moto;
    private static Map<String, Credentials> keys;
    @TempDir
    static Path dir;
    private static AwsHome home;
    private static String previousHome;

    private StringWriter out = new StringWriter();
    private int lastExit;
    private StringWriter err = new StringWriter();

    @BeforeAll
    static void setUp(MotoServer server) throws Exception {
        moto = server;
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        keys = Map.of(ALPHA, assume(ALPHA), BETA, assume(BETA));
        try (LambdaClient a = lambda(ALPHA, "us-east-1")) {
            String role = role(ALPHA);
            String v1 = publish(a, "shared-lib", "python3.12");
            String v2 = publish(a, "shared-lib", "python3.12", "python3.9");
            assertThat(v1).endsWith(":1");
            function(a, "orders", "python3.9", role, List.of(v2));
            function(a, "billing", "python3.12", role, List.of());
        }
        try (LambdaClient b = lambda(BETA, "us-east-1"); LambdaClient west = lambda(BETA, "us-west-2")) {
            String role = role(BETA);
            String tools = publish(b, "b-tools", "python3.9");
            function(b, "reports", "python3.12", role, List.of(tools));
            function(west, "west", "python3.12", role, List.of());
        }
        SsoStubs stubs = new SsoStubs(wm);
        stubs.accounts("token-1", 2, List.of(new SsoStubs.Account(ALPHA, "Alpha", "a@example.com"),
                new SsoStubs.Account(BETA, "Beta", "b@example.com"), new SsoStubs.Account(GAMMA, "Gamma",
                        "g@example.com")));
        long expires = Instant.now().plus(Duration.ofHours(8)).toEpochMilli();
        for (String account : List.of(ALPHA, BETA, GAMMA)) {
            stubs.roles("token-1", account, 5, List.of(ROLE, "Admin"));
        }
        for (String account : List.of(ALPHA, BETA)) {
            Credentials c = keys.get(account);
            stubs.roleCredentials("token-1", account, ROLE, c.accessKeyId(), c.secretAccessKey(), c.sessionToken(),
                    expires);
        }
        wm.stubFor(get(
                        urlPathEqualTo("/federation/credentials"))
                .withQueryParam("account_id", equalTo(GAMMA))
                .willReturn(SsoStubs.error(403, "ForbiddenException", "{\"message\":\"No access\"}")));
        home = new AwsHome(dir.resolve("home")).config("""
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """);
        home.credentials("""
                [org]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                """);
        new SsoTokenCache(home.ssoCache()).write("corp", new SsoToken("https://corp.awsapps.com/start",
                "us-east-1", "token-1", Instant.now().plus(Duration.ofHours(8)), null, null, null, null));
        previousHome = System.getProperty("layerstudio.home");
        System.setProperty("layerstudio.home", dir.resolve("app").toString());
    }

    @AfterAll
    static void tearDown() {
        wm.stop();
        if (previousHome == null) {
            System.clearProperty("layerstudio.home");
        } else {
            System.setProperty("layerstudio.home", previousHome);
        }
    }

    private static Credentials assume(String account) {
        try (StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(MotoServer.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            return sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/" + ROLE)
                    .roleSessionName("inventory-test")).credentials();
        }
    }

    private static StaticCredentialsProvider as(String account) {
        Credentials c = keys.get(account);
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }

    private static LambdaClient lambda(String account, String region) {
        return LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(as(account)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String role(String account) {
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(as(account)).httpClient(UrlConnectionHttpClient.create()).build()) {
            return iam.createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(TRUST)).role().arn();
        }
    }

    private static String publish(LambdaClient lambda, String name, String... runtimes) {
        return lambda.publishLayerVersion(b -> b.layerName(name)
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of(Map.of("python/" + name + ".py", "x = 1\n")))))
                .compatibleRuntimesWithStrings(runtimes)).layerVersionArn();
    }

    private static void function(LambdaClient lambda, String name, String runtime, String role, List<String> layers) {
        lambda.createFunction(b -> b.functionName(name).runtime(runtime).role(role)
                .handler("lambda_function.handler").architectures(Architecture.X86_64)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler()))).layers(layers));
    }

    private Connector connector() {
        return home.connectorBuilder(URI.create(wm.baseUrl())).build();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--endpoint-url", moto.endpoint().toString(), "--region",
                "us-east-1"));
        all.addAll(List.of(args));
        return Cli.run(this::connector, new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        lastExit = run(all.toArray(String[]::new));
        return JSON.readTree(out.toString());
    }

    private static List<String> column(JsonNode doc, String key) {
        List<String> values = new ArrayList<>();
        doc.get("rows").forEach(r -> values.add(r.get(key).asText()));
        return values;
    }

    private static JsonNode row(JsonNode doc, String key, String value) {
        for (JsonNode r : doc.get("rows")) {
            if (r.get(key).asText().equals(value)) {
                return r;
            }
        }
        throw new AssertionError("No row with " + key + " = " + value + " in " + doc.get("rows"));
    }

    private static final String[] SSO = {"inventory", "--sso-session", "corp", "--role", ROLE, "--regions",
        "us-east-1,us-west-2"};

    private String[] sso(String... more) {
        List<String> all = new ArrayList<>(List.of(SSO));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void listsEveryAccountsFunctions_andReportsTheDeniedAccountWithoutLosingTheOthers() throws Exception {
        JsonNode doc = json(sso("--view", "runtimes"));

        assertThat(lastExit).as(err.toString()).isEqualTo(FailureHandler.FAILED);
        assertThat(column(doc, "function")).containsExactlyInAnyOrder("orders", "billing", "reports", "west");
        assertThat(row(doc, "function", "orders").get("account").asText()).isEqualTo("Alpha (" + ALPHA + ")");
        assertThat(row(doc, "function", "west").get("region").asText()).isEqualTo("us-west-2");
        assertThat(doc.get("accountRegions").asInt()).isEqualTo(6);
        assertThat(doc.get("complete").asBoolean()).isFalse();
        assertThat(doc.get("failed")).hasSize(2);
        doc.get("failed").forEach(f -> {
            assertThat(f.get("account").asText()).isEqualTo(GAMMA);
            assertThat(f.get("reason").asText()).isEqualTo(InventoryFailure.Reason.NO_ACCESS.label());
            assertThat(f.get("message").asText()).contains(GAMMA);
        });
        assertThat(doc.get("notes").get(0).asText()).startsWith("2 of 6 account-region(s) could not be read");
    }


    @Test
    void marksThePython39FunctionDeprecatedWithItsDates() throws Exception {
        JsonNode doc = json(sso("--view", "runtimes", "--runtime", "python3.9"));

        assertThat(column(doc, "function")).containsExactly("orders");
        JsonNode orders = row(doc, "function", "orders");
        assertThat(orders.get("status").asText()).isIn("deprecated", "create blocked", "update blocked");
        assertThat(orders.get("deprecated").asText()).isEqualTo("2025-12-15");
        assertThat(orders.get("blockUpdate").asText()).isNotEmpty();
        JsonNode all = json(sso("--view", "runtimes"));
        assertThat(row(all, "function", "billing").get("status").asText()).isEqualTo("supported");
        assertThat(column(all, "function").get(0)).as("the most urgent runtime first").isEqualTo("orders");
    }

    @Test
    void findsTheUnusedVersion_andTheLayerUsersAcrossAccounts() throws Exception {
        JsonNode unused = json(sso("--view", "unused"));
        assertThat(column(unused, "arn")).containsExactly("arn:aws:lambda:us-east-1:" + ALPHA + ":layer:shared-lib:1");

        JsonNode layers = json(sso("--view", "layers"));
        JsonNode v2 = row(layers, "arn", "arn:aws:lambda:us-east-1:" + ALPHA + ":layer:shared-lib:2");
        assertThat(v2.get("functions").asText()).isEqualTo("1");
        assertThat(v2.get("usedBy").asText()).isEqualTo("Alpha (" + ALPHA + ")/us-east-1/orders");
        assertThat(v2.get("runtimes").asText()).isEqualTo("python3.12 python3.9");
        assertThat(row(layers, "layer", "b-tools").get("account").asText()).isEqualTo("Beta (" + BETA + ")");
    }

    @Test
    void findsTheFunctionWhoseLayerNoLongerMatchesItsRuntime() throws Exception {
        JsonNode doc = json(sso("--view", "mismatched"));

        assertThat(column(doc, "function")).containsExactly("reports");
        JsonNode r = row(doc, "function", "reports");
        assertThat(r.get("layer").asText()).isEqualTo("b-tools:1");
        assertThat(r.get("kind").asText()).isEqualTo("runtime_incompatible");
        assertThat(r.get("why").asText()).contains("python3.9", "python3.12");
    }

    @Test
    void csvAndJsonHoldTheSameTable_andTheTextShowsIt() throws Exception {
        for (String view : List.of("layers", "runtimes", "unused", "mismatched")) {
            JsonNode doc = json(sso("--view", view));
            run(sso("--view", view, "--csv"));
            List<List<String>> csv = Csv.parse(out.toString());
            List<String> headers = new ArrayList<>();
            doc.get("columns").forEach(c -> headers.add(c.get("header").asText()));
            assertThat(csv.get(0)).as(view).isEqualTo(headers);
            List<List<String>> rows = new ArrayList<>();
            doc.get("rows").forEach(r -> {
                List<String> cells = new ArrayList<>();
                doc.get("columns").forEach(c -> cells.add(r.get(c.get("key").asText()).asText()));
                rows.add(cells);
            });
            assertThat(csv.subList(1, csv.size())).as(view).isEqualTo(rows);
            run(sso("--view", view));
            for (List<String> r : rows) {
                assertThat(out.toString()).as(view).contains(r.get(0)).contains(r.get(r.size() - 1));
            }
        }
    }

    @Test
    void answersFromTheCache_andRefreshesOneAccountRegion() throws Exception {
        JsonNode first = json(sso("--view", "runtimes"));
        String readAt = first.get("readAt").asText();
        try (LambdaClient west = lambda(BETA, "us-west-2")) {
            function(west, "late", "python3.13", "arn:aws:iam::" + BETA + ":role/fn-role", List.of());
        }
        try {
            answersFromTheCacheAndRefreshes(readAt);
        } finally {
            try (LambdaClient west = lambda(BETA, "us-west-2")) {
                west.deleteFunction(b -> b.functionName("late"));
            }
        }
    }

    private void answersFromTheCacheAndRefreshes(String readAt) throws Exception {
        JsonNode cached = json(sso("--view", "runtimes", "--cached"));
        assertThat(column(cached, "function")).doesNotContain("late");
        assertThat(cached.get("readAt").asText()).isEqualTo(readAt);

        JsonNode refreshed = json(sso("--view", "runtimes", "--refresh", "Beta/us-west-2"));
        assertThat(column(refreshed, "function")).contains("late", "orders", "reports");
        assertThat(refreshed.get("readAt").asText()).as("the other slices keep their time").isEqualTo(readAt);
        assertThat(Files.list(dir.resolve("app").resolve("cache").resolve("inventory")).count()).isEqualTo(1);
    }

    @Test
    void engineReportsProgressAndStopsWhenInterrupted() {
        try (Connector connector = connector()) {
            var session = connector.ssoSession("corp");
            var accounts = InventoryAccounts.sso(connector, session, ROLE, moto.endpoint(), 4);
            LambdaInventory inventory = new LambdaInventory(connector, accounts, "test", 4, Clock.systemUTC());
            List<String> messages = new CopyOnWriteArrayList<>();
            List<long[]> steps = new CopyOnWriteArrayList<>();
            Inventory result = inventory.read(List.of("us-east-1"), new ProgressListener() {
                @Override
                public void progress(long done, long total) {
                    steps.add(new long[] {done, total});
                }

                @Override
                public void message(String message) {
                    messages.add(message);
                }
            });
            assertThat(result.slices()).hasSize(3);
            assertThat(steps.get(steps.size() - 1)).containsExactly(3, 3);
            assertThat(messages).anyMatch(m -> m.startsWith("3 of 3 account-regions read") && m.contains("functions found"));

            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> inventory.read(List.of("us-east-1", "us-west-2"), ProgressListener.NONE))
                        .isInstanceOf(CancellationException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void configAggregatorGivesTheSameTableInOneQuery() throws Exception {
        JsonNode fanOut = json(sso("--view", "runtimes"));
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

        out = new StringWriter();
        err = new StringWriter();
        int code = Cli.run(this::connector, new PrintWriter(out, true), new PrintWriter(err, true), "--json",
                "--endpoint-url", wm.baseUrl(), "--region", "us-east-1", "--profile", "org", "inventory",
                "--config-aggregator", "org-wide", "--view", "runtimes");
        assertThat(code).as(err.toString()).isZero();
        JsonNode viaConfig = JSON.readTree(out.toString());

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

        out = new StringWriter();
        assertThat(Cli.run(this::connector, new PrintWriter(out, true), new PrintWriter(err, true),
                "--endpoint-url", wm.baseUrl(), "--region", "us-east-1", "--profile", "org", "inventory",
                "--config-aggregator", "org-wide", "--view", "unused")).isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("reads functions only");
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
        out = new StringWriter();
        err = new StringWriter();
        int code = Cli.run(this::connector, new PrintWriter(out, true), new PrintWriter(err, true),
                "--endpoint-url", wm.baseUrl(), "--region", "us-east-1", "--profile", "org", "inventory",
                "--config-aggregator", "nope");
        assertThat(code).isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("There is no AWS Config aggregator 'nope' in us-east-1")
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

    /** A small RFC 4180 reader, so the test does not trust the writer it checks. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r') {
                    continue;
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
