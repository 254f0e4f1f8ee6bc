package dev.layerstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.aws.SsoToken;
import dev.layerstudio.aws.SsoTokenCache;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.ApplyResult.Outcome;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.SsoSessionInfo;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SsoStubs;
import dev.layerstudio.testing.Zips;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * An SSO sign-in that ends in the middle of a session (WireMock stands in for the portal and
 * OIDC, moto for Lambda): after accounts were listed and a role used, the cached token
 * expires (the connector's clock moves on) or the portal starts refusing it (401). The next
 * call that needs the portal (another role, a new connection, an apply) fails with "sign in
 * again" and nothing is half done: no version published, no function changed, every apply
 * result saying so.
 */
@ExtendWith(MotoExtension.class)
class SsoExpiryTest {

    private static final String ACCOUNT = "111111111111";
    private static final String ROLE = "Developer";
    private static final String TOKEN = "token-mid-session";

    private static WireMockServer sso;
    private static MotoServer moto;
    private static AwsSession direct;
    private static MotoFixtures fixtures;

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private Connector connector;

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        direct = server.session();
        fixtures = new MotoFixtures(server, direct.lambda());
        sso = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        sso.start();
    }

    @AfterAll
    static void stop() {
        sso.stop();
        direct.close();
    }

    @BeforeEach
    void signedIn() {
        sso.resetAll();
        AwsHome home = new AwsHome(dir.resolve("home")).config("""
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """);
        new SsoTokenCache(home.ssoCache()).write("corp", new SsoToken("https://corp.awsapps.com/start", "eu-west-1",
                TOKEN, now.get().plus(Duration.ofHours(1)), null, null, null, null));
        new SsoStubs(sso).roleCredentials(TOKEN, ACCOUNT, ROLE, "ASIASSOMIDSESSION",
                Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        new SsoStubs(sso).accounts(TOKEN, 10, List.of(new SsoStubs.Account(ACCOUNT, "Dev", "dev@example.com")));
        new SsoStubs(sso).roles(TOKEN, ACCOUNT, 10, List.of(ROLE, "Admin"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        connector = home.connectorBuilder(URI.create(sso.baseUrl())).clock(clock).build();
    }

    @AfterEach
    void close() {
        connector.close();
    }

    private AwsSession connect() {
        return connector.connect(ConnectionSpec.sso("corp", ACCOUNT, ROLE, MotoServer.REGION, moto.endpoint()));
    }

    @Test
    void theTokenExpiringMidSessionStopsTheNextRoleAndPublishBeforeAnythingIsSent() throws Exception {
        Path zip = dir.resolve("layer.zip");
        Files.write(zip, Zips.of(Map.of("python/expiry.py", "x = 1\n")));
        SsoSessionInfo corp = connector.ssoSession("corp");
        assertThat(connector.sso().accounts(corp)).hasSize(1);
        try (AwsSession first = connect()) {
            assertThat(new SdkLayerService(first).listLayers()).extracting(LayerInfo::name)
                    .doesNotContain("sso-expiry");
        }

        now.set(now.get().plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> connector.sso().roles(corp, ACCOUNT)).isInstanceOf(LayerStudioException.class)
                .hasMessage("The sign-in to SSO session 'corp' has expired.");
        try (AwsSession next = connect()) {
            SdkLayerService layers = new SdkLayerService(next);
            assertThatThrownBy(() -> layers.publish(PublishRequest.of(zip, "sso-expiry"), ProgressListener.NONE))
                    .isInstanceOf(LayerStudioException.class)
                    .hasMessage("The sign-in to SSO session 'corp' has expired.")
                    .satisfies(e -> assertThat(((LayerStudioException) e).hint()).startsWith("Sign in again"));
        }
        assertThat(versionsOf("sso-expiry")).as("nothing was published").isZero();
        sso.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/federation/credentials")));
    }

    private static int versionsOf(String layer) {
        try {
            return direct.lambda().listLayerVersions(b -> b.layerName(layer)).layerVersions().size();
        } catch (ResourceNotFoundException e) {
            return 0;
        }
    }

    @Test
    void thePortalRefusingTheTokenMidApplyLeavesEveryFunctionAsItsResultSays() {
        String keep = fixtures.publishLayer("sso-keep", Map.of("python/k.py", "k = 1\n"), "python3.12")
                .layerVersionArn();
        String v1 = fixtures.publishLayer("sso-lib", Map.of("python/l.py", "l = 1\n"), "python3.12")
                .layerVersionArn();
        fixtures.publishLayer("sso-lib", Map.of("python/l.py", "l = 2\n"), "python3.12");
        for (int i = 1; i <= 3; i++) {
            fixtures.createFunction("sso-fn-" + i, "python3.12", List.of(keep, v1));
        }
        ApplyJournals journals = new ApplyJournals(dir.resolve("journal"));
        PlanApplier.Options options = PlanApplier.Options.defaults().withPolling(Duration.ofMillis(20), 100);
        AttachPlan plan = new SdkFunctionService(direct, options, journals).planUpgrade("sso-lib", 2, 0);
        assertThat(plan.updates()).hasSize(3);
        assertThat(connector.sso().roles(connector.ssoSession("corp"), ACCOUNT)).hasSize(2);
        try (AwsSession session = connect()) {
            SdkFunctionService functions = new SdkFunctionService(session, options, journals);
            new SsoStubs(sso).portalRejects(TOKEN);
            List<ApplyResult> results = functions.apply(plan, ApplyListener.NONE);
            assertThat(results).hasSize(3).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(r.message()).startsWith("The sign-in to SSO session 'corp' was not accepted (it expired or"
                        + " was revoked).").endsWith(r.functionName() + " keeps its layers.");
            });
            assertThatThrownBy(functions::listFunctions).isInstanceOf(LayerStudioException.class)
                    .hasMessage("The sign-in to SSO session 'corp' was not accepted (it expired or was revoked).");
        }
        for (int i = 1; i <= 3; i++) {
            String name = "sso-fn-" + i;
            assertThat(direct.lambda().getFunctionConfiguration(b -> b.functionName(name)).layers())
                    .extracting(Layer::arn).as(name).containsExactly(keep, v1);
        }
        assertThat(journals.unfinished()).isEmpty();
    }
}
