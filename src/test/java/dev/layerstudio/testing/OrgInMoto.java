package dev.layerstudio.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SsoToken;
import dev.layerstudio.aws.SsoTokenCache;
import dev.layerstudio.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A small organization in moto for the inventory: moto puts each call in the account of its role
 * credentials, so STS AssumeRole into an account id gives that account's keys, and the IAM Identity
 * Center stand-in (WireMock, {@link SsoStubs}) hands them out per account. Alpha and Beta are
 * reachable with role {@value #ROLE}; Gamma's role credentials are refused (403).
 *
 * <pre>
 * Alpha us-east-1: shared-lib:1 (python3.12, unused), shared-lib:2 (python3.12, python3.9)
 *                  orders (python3.9, shared-lib:2), billing (python3.12)
 * Beta  us-east-1: b-tools:1 (python3.9); reports (python3.12, b-tools:1)
 * Beta  us-west-2: west (python3.12)
 * </pre>
 *
 * Command lines run with the app's folders under a temporary root, an AWS home with SSO session
 * {@code corp} signed in and a static-key profile {@code org}.
 */
public final class OrgInMoto implements AutoCloseable {

    public static final String ALPHA = "111111111111";
    public static final String BETA = "222222222222";
    public static final String GAMMA = "333333333333";
    public static final String ROLE = "Inventory";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final MotoServer moto;
    private final WireMockServer wm;
    private final Map<String, Credentials> keys;
    private final AwsHome home;
    private final String previousHome;
    private String out = "";
    private String err = "";

    public OrgInMoto(MotoServer moto, Path dir) {
        this.moto = moto;
        this.wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        this.keys = Map.of(ALPHA, assume(ALPHA), BETA, assume(BETA));
        try (LambdaClient a = lambda(ALPHA, "us-east-1")) {
            String role = role(ALPHA);
            publish(a, "shared-lib", "python3.12");
            String v2 = publish(a, "shared-lib", "python3.12", "python3.9");
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
                new SsoStubs.Account(BETA, "Beta", "b@example.com"),
                new SsoStubs.Account(GAMMA, "Gamma", "g@example.com")));
        long expires = Instant.now().plus(Duration.ofHours(8)).toEpochMilli();
        for (String account : List.of(ALPHA, BETA, GAMMA)) {
            stubs.roles("token-1", account, 5, List.of(ROLE, "Admin"));
        }
        for (String account : List.of(ALPHA, BETA)) {
            Credentials c = keys.get(account);
            stubs.roleCredentials("token-1", account, ROLE, c.accessKeyId(), c.secretAccessKey(), c.sessionToken(),
                    expires);
        }
        wm.stubFor(get(urlPathEqualTo("/federation/credentials")).withQueryParam("account_id", equalTo(GAMMA))
                .willReturn(SsoStubs.error(403, "ForbiddenException", "{\"message\":\"No access\"}")));
        home = new AwsHome(dir.resolve("home")).config("""
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """).credentials("""
                [org]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                """);
        new SsoTokenCache(home.ssoCache()).write("corp", new SsoToken("https://corp.awsapps.com/start",
                "us-east-1", "token-1", Instant.now().plus(Duration.ofHours(8)), null, null, null, null));
        previousHome = System.getProperty("layerstudio.home");
        System.setProperty("layerstudio.home", dir.resolve("app").toString());
    }

    public WireMockServer wireMock() {
        return wm;
    }

    public MotoServer moto() {
        return moto;
    }

    /** A connector over the temporary AWS home, its SSO calls sent to the stand-in. */
    public Connector connector() {
        return home.connectorBuilder(URI.create(wm.baseUrl())).build();
    }

    /** Runs a command line as is (no endpoint or region added); returns its exit code. */
    public int runRaw(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(this::connector, new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** Runs a command line against moto in us-east-1. */
    public int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", moto.endpoint().toString(), "--region",
                "us-east-1"));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    /** Reads the JSON document the last command printed. */
    public JsonNode document() throws IOException {
        return JSON.readTree(out);
    }

    public String out() {
        return out;
    }

    public String err() {
        return err;
    }

    private Credentials assume(String account) {
        try (StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(MotoServer.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            return sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/" + ROLE)
                    .roleSessionName("inventory-test")).credentials();
        }
    }

    private StaticCredentialsProvider as(String account) {
        Credentials c = keys.get(account);
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }

    /** Lambda in one account (Alpha or Beta) and region. */
    public LambdaClient lambda(String account, String region) {
        return LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(as(account)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private String role(String account) {
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(as(account)).httpClient(UrlConnectionHttpClient.create()).build()) {
            return iam.createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(TRUST)).role().arn();
        }
    }

    /** The execution role every function of the account uses. */
    public static String roleArn(String account) {
        return "arn:aws:iam::" + account + ":role/fn-role";
    }

    public static String publish(LambdaClient lambda, String name, String... runtimes) {
        return lambda.publishLayerVersion(b -> b.layerName(name)
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of(Map.of("python/" + name + ".py", "x = 1\n")))))
                .compatibleRuntimesWithStrings(runtimes)).layerVersionArn();
    }

    public static void function(LambdaClient lambda, String name, String runtime, String role, List<String> layers) {
        lambda.createFunction(b -> b.functionName(name).runtime(runtime).role(role)
                .handler("lambda_function.handler").architectures(Architecture.X86_64)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler()))).layers(layers));
    }

    @Override
    public void close() {
        wm.stop();
        if (previousHome == null) {
            System.clearProperty("layerstudio.home");
        } else {
            System.setProperty("layerstudio.home", previousHome);
        }
    }
}
