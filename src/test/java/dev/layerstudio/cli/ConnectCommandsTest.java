package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SsoStubs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code login}, {@code accounts} and the global options, over a temporary home, WireMock and moto. */
@ExtendWith(MotoExtension.class)
class ConnectCommandsTest {

    private static WireMockServer wm;
    private static SsoStubs stubs;

    @TempDir
    Path dir;
    private AwsHome home;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
        home = new AwsHome(dir).config("""
                [profile dev]
                sso_session = corp
                sso_account_id = 111111111111
                sso_role_name = Developer

                [profile moto]
                region = eu-west-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1

                [sso-session other]
                sso_start_url = https://other.awsapps.com/start
                sso_region = us-east-1
                """).credentials("""
                [moto]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                """);
    }

    private Supplier<Connector> connector() {
        return () -> home.connectorBuilder(URI.create(wm.baseUrl())).pause(d -> { }).build();
    }

    private int run(String... args) {
        return Cli.run(connector(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void signedIn(String token) {
        new dev.layerstudio.aws.SsoTokenCache(home.ssoCache()).write("corp", new dev.layerstudio.aws.SsoToken(
                "https://corp.awsapps.com/start", "eu-west-1", token, Instant.now().plus(Duration.ofHours(8)),
                null, null, null, null));
    }

    @Test
    void accountsListsAccountsAndRoles_asJson() throws Exception {
        signedIn("token-1");
        stubs.accounts("token-1", 1, List.of(new SsoStubs.Account("111111111111", "Dev", "dev@example.com"),
                new SsoStubs.Account("222222222222", "Prod", "prod@example.com")));
        stubs.roles("token-1", "111111111111", 1, List.of("Developer", "Admin"));
        stubs.roles("token-1", "222222222222", 5, List.of("ReadOnly"));

        assertThat(run("accounts", "--sso-session", "corp", "--json")).as(err.toString()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("ssoSession").asText()).isEqualTo("corp");
        assertThat(json.get("startUrl").asText()).isEqualTo("https://corp.awsapps.com/start");
        assertThat(json.get("accounts")).hasSize(2);
        assertThat(json.get("accounts").get(0).get("accountId").asText()).isEqualTo("111111111111");
        assertThat(json.get("accounts").get(0).get("email").asText()).isEqualTo("dev@example.com");
        assertThat(json.get("accounts").get(0).get("roles").toString()).isEqualTo("[\"Admin\",\"Developer\"]");
        assertThat(json.get("accounts").get(1).get("roles").toString()).isEqualTo("[\"ReadOnly\"]");
    }

    @Test
    void accountsPicksTheSessionOfTheProfile_inHumanForm() {
        signedIn("token-1");
        stubs.accounts("token-1", 10, List.of(new SsoStubs.Account("111111111111", "Dev", "dev@example.com")));
        stubs.roles("token-1", "111111111111", 10, List.of("Developer"));

        assertThat(run("--profile", "dev", "accounts")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("SSO session corp", "111111111111  Dev  <dev@example.com>",
                "      Developer", "1 account.");
    }

    @Test
    void accountsWhenSignedOutSaysHowToSignIn() {
        assertThat(run("accounts", "--sso-session", "corp")).isEqualTo(1);
        assertThat(err.toString().trim()).isEqualTo("error: You are not signed in to SSO session 'corp'. "
                + "Sign in: layer-studio login --sso-session corp (or aws sso login).");
    }

    @Test
    void accountsWithSeveralSessionsAndNoChoiceAsksForOne() {
        assertThat(run("accounts")).isEqualTo(1);
        assertThat(err.toString()).contains("several SSO sessions: corp, other", "--sso-session");
    }

    @Test
    void loginPrintsTheCodeAndUrl_waits_andWritesTheCache() throws Exception {
        stubs.registerClient("client-1", "secret-1", Instant.now().plus(Duration.ofDays(90)).getEpochSecond());
        stubs.deviceAuthorization("https://corp.awsapps.com/start", "device-1", "ABCD-EFGH", 5);
        stubs.tokenPolls("device-1", SsoStubs.pending(), SsoStubs.token("access-1", 28800, "refresh-1"));

        assertThat(run("login", "--sso-session", "corp")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("https://device.sso.example.com/?user_code=ABCD-EFGH", "ABCD-EFGH",
                "Signed in to SSO session 'corp' until");
        assertThat(Files.readString(home.ssoCache().resolve("ee0bfd2552fbd840c02cc48b6e823320543c450f.json")))
                .contains("\"accessToken\" : \"access-1\"");
    }

    @Test
    void loginWithJsonKeepsStdoutOneDocument() throws Exception {
        stubs.registerClient("client-1", "secret-1", Instant.now().plus(Duration.ofDays(90)).getEpochSecond());
        stubs.deviceAuthorization("https://other.awsapps.com/start", "device-2", "WXYZ-0000", 1);
        stubs.tokenPolls("device-2", SsoStubs.token("access-2", 3600, "refresh-2"));

        assertThat(run("login", "--sso-session", "other", "--json")).as(err.toString()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("ssoSession").asText()).isEqualTo("other");
        assertThat(json.get("expiresAt").asText()).isNotBlank();
        assertThat(err.toString()).contains("WXYZ-0000");
    }

    @Test
    void loginAndAccountsHaveHelp() {
        assertThat(run("login", "--help")).isZero();
        assertThat(out.toString()).contains("--sso-session", "--profile", "device code");
        assertThat(run("accounts", "--help")).isZero();
        assertThat(out.toString()).contains("accounts and roles");
    }

    @Test
    void loginToAnUnknownSessionNamesIt() {
        assertThat(run("login", "--sso-session", "nope")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no SSO session named 'nope'", "corp, other");
    }

    /** A stand-in for any command that opens a session from the global options. */
    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            GlobalOptions g = new GlobalOptions(spec);
            try (AwsSession s = g.session()) {
                g.output().line("%s %s %s", s.label(), s.region(), s.whoAmI().accountId());
            }
            return 0;
        }
    }

    private int runProbe(String... args) {
        LayerStudioCommand root = new LayerStudioCommand(connector());
        CommandLine cl = Cli.commandLine(root, new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand(new Probe());
        // Settings given before addSubcommand do not reach the new sub-command: give them again.
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new FailureHandler());
        try {
            return cl.execute(args);
        } finally {
            root.closeConnector();
        }
    }

    @Test
    void everyCommandsSessionUsesTheGlobalOptions(MotoServer moto) {
        assertThat(runProbe("--profile", "moto", "--region", "ap-south-1", "--endpoint-url",
                moto.endpoint().toString(), "probe")).as(err.toString()).isZero();
        assertThat(out.toString().trim()).isEqualTo("profile 'moto' ap-south-1 " + MotoServer.ACCOUNT);
    }

    @Test
    void badGlobalOptionsAreOnePlainLine() {
        assertThat(runProbe("--profile", "ghost", "--region", "us-east-1", "probe")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: There is no profile named 'ghost'").contains("dev, moto");
        err.getBuffer().setLength(0);
        assertThat(runProbe("--profile", "moto", "--endpoint-url", "not a url", "probe")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: --endpoint-url 'not a url' is not a URL.");
        err.getBuffer().setLength(0);
        assertThat(runProbe("--profile", "moto", "--endpoint-url", "http://127.0.0.1:9", "probe")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Could not connect with profile 'moto' to http://127.0.0.1:9: "
                + "the endpoint cannot be reached");
    }
}
