package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.model.ProfileKind;
import dev.layerstudio.model.SsoSessionInfo;
import dev.layerstudio.testing.AwsHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles of every kind from a temporary home, through the SDK's own parser. */
class ProfileCatalogTest {

    static final String CONFIG = """
            [default]
            region = eu-west-1

            [profile static]
            region = eu-central-1

            [profile role]
            role_arn = arn:aws:iam::123456789012:role/deploy
            source_profile = static

            [profile orphan]
            role_arn = arn:aws:iam::123456789012:role/deploy
            source_profile = ghost

            [profile from-env]
            role_arn = arn:aws:iam::123456789012:role/deploy
            credential_source = Environment

            [profile proc]
            credential_process = /usr/bin/false

            [profile dev]
            sso_session = corp
            sso_account_id = 111111111111
            sso_role_name = Developer
            region = us-west-2

            [profile browse]
            sso_session = corp

            [profile broken-sso]
            sso_session = nowhere
            sso_account_id = 111111111111
            sso_role_name = Developer

            [profile old-sso]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 222222222222
            sso_role_name = ReadOnly

            [profile settings-only]
            output = json

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access

            [sso-session spare]
            sso_start_url = https://spare.awsapps.com/start
            sso_region = us-east-2
            """;

    static final String CREDENTIALS = """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = default-secret

            [static]
            aws_access_key_id = testing
            aws_secret_access_key = testing

            [half]
            aws_access_key_id = AKIAHALF
            """;

    @TempDir
    Path dir;

    private AwsHome home() {
        return new AwsHome(dir).config(CONFIG).credentials(CREDENTIALS);
    }

    private static Map<String, ProfileInfo> byName(ProfileCatalog c) {
        return c.profiles().stream().collect(Collectors.toMap(ProfileInfo::name, Function.identity()));
    }

    @Test
    void listsEveryProfileWithItsKind_defaultFirst() {
        ProfileCatalog c = ProfileCatalog.load(home().environment());
        assertThat(c.fileProblems()).isEmpty();
        assertThat(c.profileNames()).first().isEqualTo("default");
        assertThat(c.profileNames()).containsExactlyInAnyOrder("default", "static", "role", "orphan", "from-env",
                "proc", "dev", "browse", "broken-sso", "old-sso", "settings-only", "half");
        Map<String, ProfileInfo> p = byName(c);
        assertThat(p.get("default").kind()).isEqualTo(ProfileKind.STATIC_KEYS);
        assertThat(p.get("default").region()).isEqualTo("eu-west-1");
        assertThat(p.get("static").kind()).isEqualTo(ProfileKind.STATIC_KEYS);
        assertThat(p.get("static").region()).isEqualTo("eu-central-1");
        assertThat(p.get("role").kind()).isEqualTo(ProfileKind.ASSUME_ROLE);
        assertThat(p.get("from-env").kind()).isEqualTo(ProfileKind.ASSUME_ROLE);
        assertThat(p.get("proc").kind()).isEqualTo(ProfileKind.CREDENTIAL_PROCESS);
        assertThat(p.get("dev").kind()).isEqualTo(ProfileKind.SSO);
        assertThat(p.get("dev").ssoSession()).isEqualTo("corp");
        assertThat(p.get("old-sso").kind()).isEqualTo(ProfileKind.SSO_LEGACY);
        assertThat(p.get("old-sso").ssoSession()).isEqualTo("https://legacy.awsapps.com/start");
        assertThat(p.get("settings-only").kind()).isEqualTo(ProfileKind.NO_CREDENTIALS);
        for (String usable : new String[] {"default", "static", "role", "from-env", "proc", "dev", "old-sso"}) {
            assertThat(p.get(usable).problem()).as(usable).isNull();
        }
    }

    @Test
    void aBrokenProfileSaysWhy_andDoesNotHideTheOthers() {
        Map<String, ProfileInfo> p = byName(ProfileCatalog.load(home().environment()));
        assertThat(p.get("orphan").problem()).contains("'orphan'", "'ghost'", "does not exist");
        assertThat(p.get("half").problem()).contains("'half'", "aws_secret_access_key");
        assertThat(p.get("broken-sso").problem()).contains("'broken-sso'", "nowhere");
        assertThat(p.get("browse").problem()).contains("'browse'", "sso_account_id", "corp");
        assertThat(p.get("settings-only").problem()).contains("'settings-only'", "no credentials");
        assertThat(p.get("static").usable()).isTrue();
    }

    @Test
    void ssoSessionsIncludeUnusedSectionsAndLegacyStartUrls() {
        ProfileCatalog c = ProfileCatalog.load(home().environment());
        assertThat(c.ssoSessions()).extracting(SsoSessionInfo::name)
                .containsExactly("corp", "spare", "https://legacy.awsapps.com/start");
        SsoSessionInfo corp = c.ssoSession("corp");
        assertThat(corp.startUrl()).isEqualTo("https://corp.awsapps.com/start");
        assertThat(corp.region()).isEqualTo("eu-west-1");
        assertThat(corp.cacheKey()).isEqualTo("corp");
        SsoSessionInfo legacy = c.ssoSession("https://legacy.awsapps.com/start");
        assertThat(legacy.legacy()).isTrue();
        assertThat(legacy.cacheKey()).isEqualTo("https://legacy.awsapps.com/start");
        assertThat(c.ssoSessionOf(c.find("dev").orElseThrow())).isEqualTo(corp);
        assertThatThrownBy(() -> c.ssoSession("nope")).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("'nope'")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("corp", "spare"));
    }

    @Test
    void environmentCredentialsAreListedAsTheirOwnEntry() {
        ProfileCatalog c = ProfileCatalog.load(home().variable("AWS_ACCESS_KEY_ID", "AKIAENV")
                .variable("AWS_SECRET_ACCESS_KEY", "env-secret").variable("AWS_REGION", "ap-south-1").environment());
        ProfileInfo env = c.profiles().get(c.profiles().size() - 1);
        assertThat(env.name()).isEqualTo(ProfileInfo.ENVIRONMENT);
        assertThat(env.kind()).isEqualTo(ProfileKind.ENVIRONMENT);
        assertThat(env.region()).isEqualTo("ap-south-1");
        assertThat(env.usable()).isTrue();
        assertThat(c.profileNames()).doesNotContain(ProfileInfo.ENVIRONMENT);

        ProfileCatalog half = ProfileCatalog.load(new AwsHome(dir).variable("AWS_ACCESS_KEY_ID", "AKIAENV").environment());
        assertThat(half.environmentProfile().orElseThrow().problem()).contains("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void aMalformedConfigFileIsReported_andTheCredentialsFileStillCounts() {
        AwsHome h = new AwsHome(dir).credentials(CREDENTIALS).config("""
                this line is not a profile
                [profile fine]
                region = eu-west-1
                """);
        ProfileCatalog c = ProfileCatalog.load(h.environment());
        assertThat(c.fileProblems()).singleElement().asString()
                .contains(h.configFile().toString(), "cannot be read");
        assertThat(c.profileNames()).containsExactlyInAnyOrder("default", "static", "half");
        assertThatThrownBy(() -> c.require("fine")).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("'fine'")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("cannot be read"));
    }

    @Test
    void anUnknownProfileNamesItAndTheChoices() {
        ProfileCatalog c = ProfileCatalog.load(home().environment());
        assertThatThrownBy(() -> c.require("prod")).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("no profile named 'prod'")
                .satisfies(e -> assertThat(((LayerStudioException) e).hint()).contains("default", "static", "dev"));
        assertThatThrownBy(() -> c.require("orphan")).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("source profile 'ghost'");
    }

    @Test
    void honoursAwsConfigFileAndAwsSharedCredentialsFile() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("cfg"), "[profile moved]\nregion = sa-east-1\n");
        Files.writeString(elsewhere.resolve("creds"), "[moved]\naws_access_key_id = a\naws_secret_access_key = b\n");
        AwsHome h = home().variable("AWS_CONFIG_FILE", elsewhere.resolve("cfg").toString())
                .variable("AWS_SHARED_CREDENTIALS_FILE", elsewhere.resolve("creds").toString());
        ProfileCatalog c = ProfileCatalog.load(h.environment());
        assertThat(c.profileNames()).containsExactly("moved");
        assertThat(c.find("moved").orElseThrow().kind()).isEqualTo(ProfileKind.STATIC_KEYS);
        assertThat(c.find("moved").orElseThrow().region()).isEqualTo("sa-east-1");
    }

    @Test
    void noFilesMeansNoProfiles() {
        ProfileCatalog c = ProfileCatalog.load(new AwsHome(dir).environment());
        assertThat(c.profiles()).isEmpty();
        assertThat(c.fileProblems()).isEmpty();
        assertThatThrownBy(() -> c.require("default")).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("'default'");
    }

    @Test
    void aSourceProfileLoopIsNamed() {
        AwsHome h = new AwsHome(dir).config("""
                [profile a]
                role_arn = arn:aws:iam::123456789012:role/a
                source_profile = b
                [profile b]
                role_arn = arn:aws:iam::123456789012:role/b
                source_profile = a
                """);
        ProfileInfo a = ProfileCatalog.load(h.environment()).find("a").orElseThrow();
        assertThat(a.problem()).contains("'a'", "loop");
    }
}
