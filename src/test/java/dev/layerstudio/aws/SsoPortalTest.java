package dev.layerstudio.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoRole;
import dev.layerstudio.model.SsoSessionInfo;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.SsoStubs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The access portal against WireMock stubs in the AWS wire format. */
class SsoPortalTest {

    static final String CONFIG = """
            [profile dev]
            sso_session = corp
            sso_account_id = 111111111111
            sso_role_name = Developer
            region = eu-west-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            """;

    private static WireMockServer wm;
    private static SsoStubs stubs;

    @TempDir
    Path dir;
    private AwsHome home;
    private Connector connector;
    private SsoSessionInfo corp;

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
        connector = home.connectorBuilder(URI.create(wm.baseUrl())).build();
        corp = connector.ssoSession("corp");
    }

    @AfterEach
    void tearDown() {
        connector.close();
    }

    private void signedIn(String accessToken, Instant expiresAt, String refreshToken) {
        new SsoTokenCache(home.ssoCache()).write("corp", new SsoToken(corp.startUrl(), corp.region(), accessToken,
                expiresAt, refreshToken, refreshToken == null ? null : "client-1",
                refreshToken == null ? null : "secret-1", Instant.now().plus(Duration.ofDays(80))));
    }

    @Test
    void listsEveryAccountOverSeveralPages() {
        signedIn("token-1", Instant.now().plus(Duration.ofHours(8)), null);
        List<SsoStubs.Account> accounts = new ArrayList<>();
        IntStream.rangeClosed(1, 7).forEach(i -> accounts.add(new SsoStubs.Account(
                String.format("%012d", i), "Account " + (char) ('H' - i), "team" + i + "@example.com")));
        stubs.accounts("token-1", 3, accounts);

        List<SsoAccount> listed = connector.sso().accounts(corp);

        assertThat(listed).hasSize(7);
        assertThat(listed).first().isEqualTo(new SsoAccount("000000000007", "Account A", "team7@example.com"));
        assertThat(listed).extracting(SsoAccount::name).isSorted();
        wm.verify(3, getRequestedFor(urlPathEqualTo("/assignment/accounts")));
    }

    @Test
    void listsEveryRoleOfAnAccountOverSeveralPages() {
        signedIn("token-1", Instant.now().plus(Duration.ofHours(8)), null);
        stubs.roles("token-1", "111111111111", 2, List.of("ReadOnly", "Admin", "Developer"));

        List<SsoRole> roles = connector.sso().roles(corp, "111111111111");

        assertThat(roles).extracting(SsoRole::roleName).containsExactly("Admin", "Developer", "ReadOnly");
        assertThat(roles).allSatisfy(r -> assertThat(r.accountId()).isEqualTo("111111111111"));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/assignment/roles")));
    }

    @Test
    void roleCredentialsAreFetchedAgainBeforeTheyExpire() {
        signedIn("token-1", Instant.now().plus(Duration.ofHours(8)), null);
        // Thirty seconds left: inside the one-minute stale time, so every use must fetch anew
        // (the five-minute prefetch window is jittered by the SDK, and would make this test flaky).
        stubs.roleCredentials("token-1", "111111111111", "Developer", "ASIASSO1",
                Instant.now().plus(Duration.ofSeconds(30)).toEpochMilli());

        try (SsoPortal.RoleCredentialsProvider p = connector.sso().roleCredentials(corp, "111111111111", "Developer")) {
            AwsCredentials first = p.resolveCredentials();
            assertThat(first.accessKeyId()).isEqualTo("ASIASSO1");
            assertThat(first.secretAccessKey()).isEqualTo("sso-secret");
            assertThat(((AwsSessionCredentials) first).sessionToken()).isEqualTo("sso-session-token");
            p.resolveCredentials();
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/federation/credentials")));
    }

    @Test
    void longLivedRoleCredentialsAreReused() {
        signedIn("token-1", Instant.now().plus(Duration.ofHours(8)), null);
        stubs.roleCredentials("token-1", "111111111111", "Developer", "ASIASSO1",
                Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        try (SsoPortal.RoleCredentialsProvider p = connector.sso().roleCredentials(corp, "111111111111", "Developer")) {
            p.resolveCredentials();
            p.resolveCredentials();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/federation/credentials")));
    }

    @Test
    void aRevokedOrClockSkewedTokenMeansSignInAgain() {
        // The local clock thinks the token is good for hours; the portal says no.
        signedIn("revoked", Instant.now().plus(Duration.ofHours(8)), null);
        stubs.portalRejects("revoked");

        assertThatThrownBy(() -> connector.sso().accounts(corp)).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("SSO session 'corp'").hasMessageContaining("was not accepted")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint())
                        .contains("Sign in again", "layer-studio login --sso-session corp", "clock"));
        try (SsoPortal.RoleCredentialsProvider p = connector.sso().roleCredentials(corp, "111111111111", "Developer")) {
            assertThatThrownBy(p::resolveCredentials).isInstanceOf(LayerStudioException.class)
                    .hasMessageContaining("sign-in to SSO session 'corp'");
        }
    }

    @Test
    void anExpiredTokenWithoutRefreshMeansSignInAgain_withoutCallingThePortal() {
        signedIn("old", Instant.now().minus(Duration.ofMinutes(1)), null);
        assertThatThrownBy(() -> connector.sso().accounts(corp)).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("has expired")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("Sign in again"));
        assertThat(wm.getAllServeEvents()).isEmpty();
        assertThat(connector.sso().signedInUntil(corp)).isEmpty();
    }

    @Test
    void notSignedInAtAllSaysHowToSignIn() {
        assertThatThrownBy(() -> connector.sso().accounts(corp)).isInstanceOf(LayerStudioException.class)
                .hasMessage("You are not signed in to SSO session 'corp'.")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("login --sso-session corp"));
    }

    @Test
    void aTokenAboutToExpireIsRenewedWithTheRefreshToken() {
        signedIn("old", Instant.now().plus(Duration.ofMinutes(2)), "refresh-1");
        stubs.refresh("refresh-1", "renewed", 28800);
        stubs.accounts("renewed", 10, List.of(new SsoStubs.Account("111111111111", "Dev", "dev@example.com")));

        assertThat(connector.sso().accounts(corp)).extracting(SsoAccount::accountId).containsExactly("111111111111");

        SsoToken saved = new SsoTokenCache(home.ssoCache()).read("corp").orElseThrow();
        assertThat(saved.accessToken()).isEqualTo("renewed");
        assertThat(saved.refreshToken()).isEqualTo("refresh-1-2");
        assertThat(saved.clientId()).isEqualTo("client-1");
        assertThat(saved.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(7)));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void anExpiredTokenWhoseRefreshIsRejectedMeansSignInAgain() {
        signedIn("old", Instant.now().minus(Duration.ofMinutes(5)), "refresh-revoked");
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/token"))
                .willReturn(SsoStubs.error(400, "InvalidGrantException",
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}")));
        assertThatThrownBy(() -> connector.sso().accounts(corp)).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("SSO session 'corp' has expired and could not be renewed");
    }
}
