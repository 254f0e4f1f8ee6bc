package dev.layerstudio.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.Identity;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SsoStubs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Sessions for every kind of profile, checked with GetCallerIdentity against moto. */
@ExtendWith(MotoExtension.class)
class ConnectorTest {

    private static WireMockServer sso;

    @TempDir
    Path dir;
    private AwsHome home;
    private MotoServer moto;

    @BeforeAll
    static void startSso() {
        sso = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        sso.start();
    }

    @AfterAll
    static void stopSso() {
        sso.stop();
    }

    @BeforeEach
    void setUp(MotoServer moto) throws Exception {
        this.moto = moto;
        sso.resetAll();
        Path process = dir.resolve("creds.sh");
        Files.writeString(process, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS\", "
                + "\"SecretAccessKey\": \"process-secret\"}'\n");
        Files.setPosixFilePermissions(process, PosixFilePermissions.fromString("rwx------"));
        home = new AwsHome(dir).config("""
                [default]
                region = eu-west-1

                [profile static]
                region = eu-central-1

                [profile noregion]

                [profile role]
                role_arn = arn:aws:iam::123456789012:role/deploy
                source_profile = static
                region = us-east-1

                [profile orphan]
                role_arn = arn:aws:iam::123456789012:role/deploy
                source_profile = ghost

                [profile proc]
                credential_process = %s
                region = us-east-1

                [profile dev]
                sso_session = corp
                sso_account_id = 111111111111
                sso_role_name = Developer
                region = us-west-2

                [profile local]
                region = us-east-1
                endpoint_url = %s

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """.formatted(process, moto.endpoint())).credentials("""
                [default]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                [static]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                [noregion]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                [local]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                """);
    }

    private Connector connector() {
        return home.connectorBuilder(URI.create(sso.baseUrl())).build();
    }

    @Test
    void staticKeys_regionFromTheProfile() {
        try (Connector c = connector(); AwsSession s = c.connect("static", null, moto.endpoint())) {
            assertThat(s.region()).isEqualTo("eu-central-1");
            assertThat(s.label()).isEqualTo("profile 'static'");
            assertThat(s.whoAmI().accountId()).isEqualTo(MotoServer.ACCOUNT);
            assertThat(s.lambda()).isSameAs(s.lambda());
            assertThat(s.s3()).isSameAs(s.s3());
            try (AwsSession other = s.inRegion("eu-west-2")) {
                assertThat(other.region()).isEqualTo("eu-west-2");
                assertThat(other.whoAmI().accountId()).isEqualTo(MotoServer.ACCOUNT);
            }
        }
        try (Connector c = connector()) {
            AwsSession s = c.connect("static", null, moto.endpoint());
            s.sts();
            s.close();
            assertThatThrownBy(s::sts).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void noProfileChosen_usesAwsProfile_thenTheEnvironment_thenDefault() {
        try (Connector c = connector(); AwsSession s = c.connect(null, "us-east-1", moto.endpoint())) {
            assertThat(s.label()).isEqualTo("profile 'default'");
        }
        home.variable("AWS_PROFILE", "static");
        try (Connector c = connector(); AwsSession s = c.connect(null, null, moto.endpoint())) {
            assertThat(s.label()).isEqualTo("profile 'static'");
        }
        home.variable("AWS_PROFILE", "").variable("AWS_ACCESS_KEY_ID", "testing")
                .variable("AWS_SECRET_ACCESS_KEY", "testing").variable("AWS_REGION", "ap-southeast-2");
        try (Connector c = connector(); AwsSession s = c.connect(null, null, moto.endpoint())) {
            assertThat(s.label()).isEqualTo("the environment's credentials");
            assertThat(s.region()).isEqualTo("ap-southeast-2");
            assertThat(s.whoAmI().accountId()).isEqualTo(MotoServer.ACCOUNT);
        }
        try (Connector c = connector(); AwsSession s = c.connect(ProfileInfo.ENVIRONMENT, null, moto.endpoint())) {
            assertThat(s.credentials().resolveCredentials().accessKeyId()).isEqualTo("testing");
        }
    }

    @Test
    void credentialProcess() {
        try (Connector c = connector(); AwsSession s = c.connect("proc", null, moto.endpoint())) {
            assertThat(s.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIAPROCESS");
            assertThat(s.whoAmI().accountId()).isEqualTo(MotoServer.ACCOUNT);
        }
    }

    @Test
    void assumeRole_withTheStsEndpointFromTheSdksOwnSetting() {
        // AWS_ENDPOINT_URL_STS, as a system property (aws.endpointUrlSts): read by the SDK itself,
        // also by the STS client inside the assume-role credentials.
        System.setProperty("aws.endpointUrlSts", moto.endpoint().toString());
        try (Connector c = connector(); AwsSession s = c.connect("role", null, null)) {
            Identity me = s.whoAmI();
            assertThat(me.arn()).contains("assumed-role/deploy");
        } finally {
            System.clearProperty("aws.endpointUrlSts");
        }
    }

    @Test
    void theProfilesEndpointUrlIsHonoured() {
        try (Connector c = connector(); AwsSession s = c.connect("local", null, null)) {
            assertThat(s.endpoint()).isEmpty();
            assertThat(s.whoAmI().accountId()).isEqualTo(MotoServer.ACCOUNT);
        }
    }

    @Test
    void ssoProfile_getsRoleCredentialsFromThePortal() {
        new SsoTokenCache(home.ssoCache()).write("corp", new SsoToken("https://corp.awsapps.com/start", "eu-west-1",
                "token-1", Instant.now().plus(Duration.ofHours(8)), null, null, null, null));
        new SsoStubs(sso).roleCredentials("token-1", "111111111111", "Developer", "ASIASSODEV",
                Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        try (Connector c = connector(); AwsSession s = c.connect("dev", null, moto.endpoint())) {
            assertThat(s.region()).isEqualTo("us-west-2");
            assertThat(s.whoAmI().accountId()).isEqualTo(MotoServer.ACCOUNT);
            assertThat(s.credentials().resolveCredentials().accessKeyId()).isEqualTo("ASIASSODEV");
        }
        sso.verify(1, getRequestedFor(urlPathEqualTo("/federation/credentials"))
                .withQueryParam("account_id", WireMock.equalTo("111111111111"))
                .withQueryParam("role_name", WireMock.equalTo("Developer")));
    }

    @Test
    void ssoAccountAndRoleDirectly_withoutAProfile() {
        new SsoTokenCache(home.ssoCache()).write("corp", new SsoToken("https://corp.awsapps.com/start", "eu-west-1",
                "token-1", Instant.now().plus(Duration.ofHours(8)), null, null, null, null));
        new SsoStubs(sso).roleCredentials("token-1", "333333333333", "Admin", "ASIAADMIN",
                Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        ConnectionSpec spec = ConnectionSpec.sso("corp", "333333333333", "Admin", null, moto.endpoint());
        try (Connector c = connector(); AwsSession s = c.connect(spec)) {
            assertThat(s.region()).isEqualTo("eu-west-1");
            assertThat(s.label()).isEqualTo("role Admin in account 333333333333");
            assertThat(s.whoAmI().accountId()).isEqualTo(MotoServer.ACCOUNT);
        }
    }

    @Test
    void ssoProfileSignedOut_saysSignIn() {
        try (Connector c = connector(); AwsSession s = c.connect("dev", null, moto.endpoint())) {
            assertThatThrownBy(s::whoAmI).isInstanceOf(LayerStudioException.class)
                    .hasMessage("You are not signed in to SSO session 'corp'.");
        }
    }

    @Test
    void anUnreachableEndpointNamesTheProfile() {
        try (Connector c = connector(); AwsSession s = c.connect("static", null, URI.create("http://127.0.0.1:9"))) {
            assertThatThrownBy(s::whoAmI).isInstanceOf(LayerStudioException.class)
                    .hasMessageContaining("profile 'static'")
                    .hasMessageContaining("http://127.0.0.1:9")
                    .hasMessageContaining("cannot be reached")
                    .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("endpoint URL"));
        }
    }

    @Test
    void badChoicesAreOnePlainSentenceNamingTheProfile() {
        try (Connector c = connector()) {
            assertThatThrownBy(() -> c.connect("prod", null, null)).isInstanceOf(LayerStudioException.class)
                    .hasMessageContaining("no profile named 'prod'");
            assertThatThrownBy(() -> c.connect("orphan", "us-east-1", null)).isInstanceOf(LayerStudioException.class)
                    .hasMessageContaining("Profile 'orphan'").hasMessageContaining("'ghost'");
            assertThatThrownBy(() -> c.connect("noregion", null, null)).isInstanceOf(LayerStudioException.class)
                    .hasMessage("No region was chosen for profile 'noregion'.");
            assertThatThrownBy(() -> c.connect("static", "Frankfurt", null)).isInstanceOf(LayerStudioException.class)
                    .hasMessage("'Frankfurt' is not an AWS region.");
            assertThatThrownBy(() -> c.connect(ConnectionSpec.sso("nope", "1", "r", null, null)))
                    .isInstanceOf(LayerStudioException.class).hasMessageContaining("no SSO session named 'nope'");
        }
    }

    @Test
    void regionsPutTheProfilesFirst_andTheLastChoiceIsRemembered() {
        try (Connector c = connector()) {
            assertThat(c.regions("static")).first().isEqualTo("eu-central-1");
            assertThat(c.regions("static")).contains("us-east-1", "eu-west-1").doesNotHaveDuplicates();
            ConnectionSpec spec = ConnectionSpec.profile("static", null, null);
            assertThat(c.preferredRegion(spec)).isEqualTo("eu-central-1");
            assertThat(c.preferredRegion(ConnectionSpec.sso("corp", "1", "r", null, null))).isEqualTo("eu-west-1");
            assertThat(c.preferredRegion(ConnectionSpec.profile("noregion", null, null))).isEqualTo("us-east-1");
            c.rememberRegion(spec, "sa-east-1");
        }
        try (Connector c = connector()) {
            assertThat(c.preferredRegion(ConnectionSpec.profile("static", null, null))).isEqualTo("sa-east-1");
            assertThat(c.preferredRegion(ConnectionSpec.profile("default", null, null))).isEqualTo("eu-west-1");
        }
    }
}
