package dev.layerstudio.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.model.DeviceAuthorization;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.SsoSessionInfo;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.SsoStubs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device-code sign-in against WireMock stubs of SSO OIDC. */
class SsoDeviceLoginTest {

    static final String CONFIG = """
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access

            [profile old]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 222222222222
            sso_role_name = ReadOnly
            """;

    private static WireMockServer wm;
    private static SsoStubs stubs;

    @TempDir
    Path dir;
    private AwsHome home;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private Connector connector;

    @BeforeAll
    static void startWireMock() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        stubs = new SsoStubs(wm);
    }

    @AfterAll
    static void stopWireMock() {
        wm.stop();
    }

    @BeforeEach
    void setUp() {
        wm.resetAll();
        home = new AwsHome(dir).config(CONFIG);
        connector = home.connectorBuilder(URI.create(wm.baseUrl())).pause(waits::add).build();
        stubs.registerClient("client-1", "secret-1", Instant.now().plus(Duration.ofDays(90)).getEpochSecond());
    }

    @AfterEach
    void tearDown() {
        connector.close();
    }

    @Test
    void pendingThenSlowDownThenSuccess_writesTheCliTokenCache() throws Exception {
        SsoSessionInfo corp = connector.ssoSession("corp");
        stubs.deviceAuthorization(corp.startUrl(), "device-1", "ABCD-EFGH", 5);
        stubs.tokenPolls("device-1", SsoStubs.pending(), SsoStubs.slowDown(),
                SsoStubs.token("access-1", 28800, "refresh-1"));

        SsoDeviceLogin.Pending pending = connector.deviceLogin().start(corp);
        DeviceAuthorization auth = pending.authorization();
        assertThat(auth.userCode()).isEqualTo("ABCD-EFGH");
        assertThat(auth.verificationUriComplete()).isEqualTo(URI.create("https://device.sso.example.com/?user_code=ABCD-EFGH"));
        assertThat(auth.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(pending.toString()).doesNotContain("device-1", "secret-1");

        Instant until = connector.deviceLogin().await(pending);

        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(until).isAfter(Instant.now().plus(Duration.ofHours(7)));
        wm.verify(postRequestedFor(urlPathEqualTo("/client/register"))
                .withRequestBody(matchingJsonPath("$.clientType", equalTo("public")))
                .withRequestBody(matchingJsonPath("$.scopes[0]", equalTo("sso:account:access"))));
        wm.verify(3, postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(matchingJsonPath("$.grantType", equalTo("urn:ietf:params:oauth:grant-type:device_code")))
                .withRequestBody(matchingJsonPath("$.clientSecret", equalTo("secret-1"))));

        // The same file `aws sso login --sso-session corp` writes.
        Path file = home.ssoCache().resolve("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("accessToken").asText()).isEqualTo("access-1");
        assertThat(json.get("refreshToken").asText()).isEqualTo("refresh-1");
        assertThat(json.get("clientId").asText()).isEqualTo("client-1");
        assertThat(json.get("clientSecret").asText()).isEqualTo("secret-1");
        assertThat(json.get("startUrl").asText()).isEqualTo("https://corp.awsapps.com/start");
        assertThat(json.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(json.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.get("registrationExpiresAt").asText()).endsWith("Z");
        assertThat(connector.sso().signedInUntil(corp)).contains(Instant.parse(json.get("expiresAt").asText()));
    }

    @Test
    void aLegacyProfileSignsInByStartUrl_withoutScopes() throws Exception {
        SsoSessionInfo legacy = connector.ssoSession("https://legacy.awsapps.com/start");
        stubs.deviceAuthorization(legacy.startUrl(), "device-2", "WXYZ-1234", 1);
        stubs.tokenPolls("device-2", SsoStubs.token("access-2", 3600, null));

        Instant until = connector.deviceLogin().login(legacy, a -> assertThat(a.userCode()).isEqualTo("WXYZ-1234"));

        assertThat(until).isAfter(Instant.now());
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(Files.exists(home.ssoCache().resolve("79e435d7a515078e81c9dffc35f38d5687ebd3a7.json"))).isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo("/client/register"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("scopes")));
    }

    @Test
    void anExpiredCodeSaysToSignInAgain() {
        SsoSessionInfo corp = connector.ssoSession("corp");
        stubs.deviceAuthorization(corp.startUrl(), "device-3", "CODE-0003", 5);
        stubs.tokenPolls("device-3", SsoStubs.pending(), SsoStubs.expiredCode());
        assertThatThrownBy(() -> connector.deviceLogin().login(corp, a -> { }))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("The sign-in code for SSO session 'corp' expired before it was approved.");
        assertThat(Files.exists(home.ssoCache())).isFalse();
    }

    @Test
    void aDeniedRequestSaysSo() {
        SsoSessionInfo corp = connector.ssoSession("corp");
        stubs.deviceAuthorization(corp.startUrl(), "device-4", "CODE-0004", 5);
        stubs.tokenPolls("device-4", SsoStubs.denied());
        assertThatThrownBy(() -> connector.deviceLogin().login(corp, a -> { }))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("was denied in the browser");
    }

    @Test
    void interruptingTheWaitCancelsWithoutWritingAnything() throws Exception {
        connector.close();
        connector = home.connectorBuilder(URI.create(wm.baseUrl())).build(); // real sleeping
        SsoSessionInfo corp = connector.ssoSession("corp");
        stubs.deviceAuthorization(corp.startUrl(), "device-5", "CODE-0005", 5);
        stubs.tokenPolls("device-5", SsoStubs.pending());
        SsoDeviceLogin.Pending pending = connector.deviceLogin().start(corp);

        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                connector.deviceLogin().await(pending);
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                done.countDown();
            }
        }, "login-test");
        worker.start();
        Thread.sleep(200);
        worker.interrupt();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(Files.exists(home.ssoCache())).isFalse();
    }

    @Test
    void anUnreachableOidcEndpointIsOnePlainSentence() {
        connector.close();
        connector = home.connectorBuilder(URI.create("http://127.0.0.1:9")).pause(waits::add).build();
        assertThatThrownBy(() -> connector.deviceLogin().start(connector.ssoSession("corp")))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("SSO session 'corp'")
                .hasMessageContaining("cannot be reached");
    }
}
