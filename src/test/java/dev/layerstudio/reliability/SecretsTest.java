package dev.layerstudio.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.layerstudio.LogConfigurator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.aws.SsoTokenCache;
import dev.layerstudio.cli.Cli;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.SsoSessionInfo;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SsoStubs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The main flows with recognisable fake secrets: static keys with a session token (CLI),
 * a profile's keys (connector), an SSO sign-in (device code, access and refresh token,
 * client secret, role credentials), uploads through S3 and a published version read over a
 * pre-signed URL; some of them failing. Then every file the app wrote (logs through the
 * production logging setup, settings, cache, data, remembered regions) and everything it
 * printed or put in an error message is searched: no secret and no pre-signed query value
 * may appear. Only {@code ~/.aws}, where the user's own keys and the SSO cache belong, is
 * not searched, and the SSO cache file must be owner-only.
 */
@ExtendWith(MotoExtension.class)
class SecretsTest {

    private static final String KEY_ID = "AKIAFAKESECRET0001";
    private static final String SECRET = "FAKE/SECRET/KEY/0001+abcdefghijklmnop";
    private static final String SESSION_TOKEN = "FAKE-SESSION-TOKEN-0001-qrstuvwxyz";
    private static final String PROFILE_KEY_ID = "AKIAFAKEPROFILE0002";
    private static final String PROFILE_SECRET = "FAKE/PROFILE/SECRET/0002+zyxwvuts";
    private static final String SSO_ACCESS = "FAKE-SSO-TOKEN-0003-access";
    private static final String SSO_REFRESH = "FAKE-SSO-REFRESH-0003";
    private static final String SSO_CLIENT_SECRET = "FAKE-SSO-CLIENT-SECRET-0003";
    private static final String SSO_DEVICE_CODE = "FAKE-SSO-DEVICE-CODE-0003";
    private static final String ROLE_KEY_ID = "ASIAFAKESSOROLE0004";
    private static final String ROLE_SECRET = "FAKE/SSO/ROLE/SECRET/0004";
    private static final String ROLE_SESSION = "FAKE-SSO-ROLE-SESSION-0004";
    static final List<String> SECRETS = List.of(KEY_ID, SECRET, SESSION_TOKEN, PROFILE_KEY_ID, PROFILE_SECRET,
            SSO_ACCESS, SSO_REFRESH, SSO_CLIENT_SECRET, SSO_DEVICE_CODE, ROLE_KEY_ID, ROLE_SECRET, ROLE_SESSION);
    /** Query parameters of a pre-signed URL that are credentials while it is valid. */
    static final List<String> PRESIGNED = List.of("X-Amz-Signature", "X-Amz-Security-Token", "X-Amz-Credential");

    private static final String ACCOUNT = "111111111111";

    @TempDir
    Path root;

    private final StringBuilder shown = new StringBuilder();

    @Test
    void noSecretReachesALogSettingsCacheOrAnythingShown(MotoServer moto) throws Exception {
        Path app = root.resolve("app");
        AppDirs dirs = AppDirs.under(app);
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        LogConfigurator.install(logging, dirs.logs(), "layer-studio"); // the application's own logging
        logging.getLogger("dev.layerstudio").setLevel(Level.DEBUG);
        try {
            commandLine(moto, app);
            connector(moto, new AwsHome(root.resolve("home")));
        } finally {
            configure(logging, "/logback-test.xml");
        }

        Path aws = root.resolve("home").resolve(".aws");
        List<Path> searched = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).filter(f -> !f.startsWith(aws)).toList()) {
                String text = read(file);
                assertNoSecret(text, file.toString());
                searched.add(file);
            }
        }
        Path log = dirs.logs().resolve("layer-studio.log");
        assertThat(searched).as("the log and the scan cache were searched").contains(log)
                .anyMatch(f -> f.startsWith(dirs.cache()));
        assertThat(Files.readString(log)).as("the log holds the failures, with their stack traces")
                .contains("Command failed", "ERROR", "\tat ");
        assertNoSecret(shown.toString(), "what was printed and shown");
        assertThat(shown).contains("403", "Sign in again");
    }

    /** A file's text; gzip files (the scan cache) unpacked first. */
    private static String read(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }

    private static void assertNoSecret(String text, String where) {
        for (String secret : SECRETS) {
            assertThat(text).as("%s holds no %s", where, secret).doesNotContain(secret);
        }
        for (String parameter : PRESIGNED) {
            assertThat(text).as("%s holds no pre-signed %s", where, parameter).doesNotContainIgnoringCase(parameter);
        }
    }

    private static void configure(LoggerContext logging, String resource) throws Exception {
        logging.reset();
        JoranConfigurator c = new JoranConfigurator();
        c.setContext(logging);
        c.doConfigure(SecretsTest.class.getResource(resource));
    }

    private Path zip(String name, int bytes, long seed) throws IOException {
        Path p = root.resolve(name);
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("python/six.py"));
            z.write("X = 1\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("python/six-1.16.0.dist-info/RECORD"));
            z.write("six.py,,\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("python/data.bin"));
            z.write(data);
        }
        return p;
    }

    /** The CLI with static keys and a session token, as the SDK reads them from the environment. */
    private void commandLine(MotoServer moto, Path app) throws Exception {
        try (CliAgainstMoto cli = CliAgainstMoto.open(moto, app); AwsSession direct = moto.session();
             MotoFront front = new MotoFront(moto)) {
            System.setProperty("aws.accessKeyId", KEY_ID);
            System.setProperty("aws.secretAccessKey", SECRET);
            System.setProperty("aws.sessionToken", SESSION_TOKEN);
            try {
                Path small = zip("small.zip", 2048, 1);
                cli(cli, 0, "publish", small.toString(), "--layer-name", "secret-layer");
                cli(cli, 0, "layers");
                String arn = direct.lambda().listLayerVersions(b -> b.layerName("secret-layer")).layerVersions()
                        .get(0).layerVersionArn();
                new MotoFixtures(moto, direct.lambda()).createFunction("secret-fn", "python3.12", List.of());
                cli(cli, 0, "attach", "--layer", arn, "--function", "secret-fn", "--yes");
                cli(cli, 0, "usage", "--layer", "secret-layer");
                cli(cli, 1, "publish", root.resolve("missing.zip").toString(), "--layer-name", "secret-missing");
                cli(cli, 1, "attach", "--layer", arn.replaceAll(":\\d+$", ":99"), "--function", "secret-fn");

                // a published version read through a pre-signed URL made with these credentials
                direct.s3().createBucket(b -> b.bucket("secret-published"));
                for (int v = 1; v <= 2; v++) {
                    Path z = zip("published-" + v + ".zip", 300_000, 10 + v);
                    String key = "v" + v + ".zip";
                    direct.s3().putObject(b -> b.bucket("secret-published").key(key), RequestBody.fromFile(z));
                    long version = direct.lambda().publishLayerVersion(b -> b.layerName("secret-remote")
                            .content(c -> c.s3Bucket("secret-published").s3Key(key))).version();
                    front.layerLocation("secret-remote", version, "s3://secret-published/" + key);
                }
                String remote = "arn:aws:lambda:" + MotoServer.REGION + ":" + MotoServer.ACCOUNT
                        + ":layer:secret-remote:";
                inspect(front, 0, remote + "1");
                assertThat(front.wireMock().getAllServeEvents()).as("the zip was read through a pre-signed URL")
                        .anyMatch(e -> e.getRequest().getUrl().contains("X-Amz-Signature=")
                                && e.getRequest().getUrl().contains(KEY_ID)
                                && e.getRequest().getUrl().contains("X-Amz-Security-Token="));
                front.wireMock().stubFor(get(urlPathMatching("/secret-published/v2.zip")).atPriority(1)
                        .willReturn(aResponse().withStatus(403).withBody("<Error><Code>AccessDenied</Code></Error>")));
                inspect(front, 1, remote + "2");
                // a pre-signed URL given on the command line, refused
                String presigned = front.endpoint() + "/secret-published/v2.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        + "&X-Amz-Credential=" + KEY_ID + "%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
                        + "&X-Amz-Security-Token=" + SESSION_TOKEN + "&X-Amz-Signature=0123456789abcdef";
                cli(cli, 1, "inspect", presigned);
            } finally {
                System.clearProperty("aws.sessionToken");
            }
        }
    }

    private void cli(CliAgainstMoto cli, int expected, String... args) {
        int code = cli.run(args);
        shown.append(cli.out()).append(cli.err());
        assertThat(code).as("%s: %s", String.join(" ", args), cli.err()).isEqualTo(expected);
    }

    private void inspect(MotoFront front, int expected, String arn) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "inspect", arn, "--endpoint-url",
                front.endpoint().toString(), "--region", MotoServer.REGION);
        shown.append(out).append(err);
        assertThat(code).as("inspect %s: %s", arn, err).isEqualTo(expected);
    }

    /** A profile's keys, then an SSO sign-in with its tokens and role credentials, through the connector. */
    private void connector(MotoServer moto, AwsHome home) throws Exception {
        home.config("""
                [profile fake]
                region = us-east-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """).credentials("""
                [fake]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(PROFILE_KEY_ID, PROFILE_SECRET));
        WireMockServer sso = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        sso.start();
        try (Connector connector = home.connectorBuilder(URI.create(sso.baseUrl())).pause(d -> { }).build()) {
            try (AwsSession session = connector.connect("fake", null, moto.endpoint())) {
                assertThat(session.whoAmI().accountId()).isNotBlank();
                assertThat(new SdkLayerService(session).listLayers()).isNotEmpty();
            }

            SsoStubs stubs = new SsoStubs(sso);
            SsoSessionInfo corp = connector.ssoSession("corp");
            stubs.registerClient("client-fake", SSO_CLIENT_SECRET,
                    Instant.now().plus(Duration.ofDays(90)).getEpochSecond());
            stubs.deviceAuthorization(corp.startUrl(), SSO_DEVICE_CODE, "ABCD-EFGH", 1);
            stubs.tokenPolls(SSO_DEVICE_CODE, SsoStubs.pending(), SsoStubs.token(SSO_ACCESS, 3600, SSO_REFRESH));
            connector.deviceLogin().login(corp, a -> shown.append(a).append('\n'));
            stubs.accounts(SSO_ACCESS, 10, List.of(new SsoStubs.Account(ACCOUNT, "Dev", "dev@example.com")));
            stubs.roles(SSO_ACCESS, ACCOUNT, 10, List.of("Developer"));
            shown.append(connector.sso().accounts(corp)).append(connector.sso().roles(corp, ACCOUNT));
            stubs.roleCredentials(SSO_ACCESS, ACCOUNT, "Developer", ROLE_KEY_ID, ROLE_SECRET, ROLE_SESSION,
                    Instant.now().plus(Duration.ofHours(1)).toEpochMilli());

            Path file = new SsoTokenCache(home.ssoCache()).fileFor("corp");
            assertThat(Files.readString(file)).contains(SSO_ACCESS); // where it belongs, shared with the AWS CLI
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.ssoCache())))
                        .isEqualTo("rwx------");
            } else {
                assertThat(Files.isReadable(file) && Files.isWritable(file)).isTrue();
            }

            ConnectionSpec spec = ConnectionSpec.sso("corp", ACCOUNT, "Developer", MotoServer.REGION, moto.endpoint());
            try (AwsSession session = connector.connect(spec)) {
                session.s3().createBucket(b -> b.bucket("secret-staging"));
                SdkLayerService layers = new SdkLayerService(session,
                        SdkLayerService.Options.defaults().withDirectUploadBytes(1024));
                PublishResult viaS3 = layers.publish(PublishRequest.of(zip("sso.zip", 4096, 3), "secret-sso")
                        .withS3Bucket("secret-staging", false), ProgressListener.NONE);
                assertThat(viaS3.upload()).isEqualTo("s3");
                shown.append(viaS3).append('\n');
                show(catchThrowable(() -> layers.publish(PublishRequest.of(zip("sso2.zip", 4096, 4), "secret-sso")
                        .withS3Bucket("secret-nowhere", false), ProgressListener.NONE)));

                stubs.portalRejects(SSO_ACCESS);
                show(catchThrowable(() -> connector.sso().accounts(corp)));
            }
        } finally {
            sso.stop();
        }
    }

    private void show(Throwable e) {
        assertThat(e).isInstanceOf(LayerStudioException.class);
        shown.append(e.getMessage()).append(' ').append(((LayerStudioException) e).hint()).append('\n');
        org.slf4j.LoggerFactory.getLogger(SecretsTest.class).error("As the window would log it", e);
    }
}
