package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI's token cache: file names, format, owner-only and atomic writes. */
class SsoTokenCacheTest {

    @TempDir
    Path dir;

    @Test
    void fileNameIsTheSha1OfTheSessionNameOrStartUrl() {
        SsoTokenCache cache = new SsoTokenCache(dir);
        // The same names `aws sso login` uses (python: hashlib.sha1(b"corp").hexdigest()).
        assertThat(cache.fileFor("corp").getFileName().toString())
                .isEqualTo("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        assertThat(cache.fileFor("https://legacy.awsapps.com/start").getFileName().toString())
                .isEqualTo("79e435d7a515078e81c9dffc35f38d5687ebd3a7.json");
    }

    @Test
    void writesTheCliFormat_ownerOnly_andReadsItBack() throws Exception {
        Path cacheDir = dir.resolve(".aws").resolve("sso").resolve("cache");
        SsoTokenCache cache = new SsoTokenCache(cacheDir);
        SsoToken token = new SsoToken("https://corp.awsapps.com/start", "eu-west-1", "at-1",
                Instant.parse("2030-01-02T03:04:05.678Z"), "rt-1", "cid", "csecret", Instant.parse("2030-03-01T00:00:00Z"));
        cache.write("corp", token);

        Path file = cache.fileFor("corp");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("accessToken").asText()).isEqualTo("at-1");
        assertThat(json.get("expiresAt").asText()).isEqualTo("2030-01-02T03:04:05Z");
        assertThat(json.get("refreshToken").asText()).isEqualTo("rt-1");
        assertThat(json.get("clientId").asText()).isEqualTo("cid");
        assertThat(json.get("clientSecret").asText()).isEqualTo("csecret");
        assertThat(json.get("registrationExpiresAt").asText()).isEqualTo("2030-03-01T00:00:00Z");
        assertThat(json.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(json.get("startUrl").asText()).isEqualTo("https://corp.awsapps.com/start");

        SsoToken back = cache.read("corp").orElseThrow();
        assertThat(back.accessToken()).isEqualTo("at-1");
        assertThat(back.expiresAt()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
        assertThat(back.refreshable(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
        assertThat(back.toString()).doesNotContain("at-1", "rt-1", "csecret");

        try (Stream<Path> files = Files.list(cacheDir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
        } else {
            // Windows: the owner-only flags of java.io.File are all there is to check.
            assertThat(Files.isReadable(file) && Files.isWritable(file)).isTrue();
        }
    }

    @Test
    void overwritingKeepsOneFile() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(dir);
        cache.write("corp", new SsoToken(null, null, "old", Instant.parse("2030-01-01T00:00:00Z"), null, null, null, null));
        cache.write("corp", new SsoToken(null, null, "new", Instant.parse("2031-01-01T00:00:00Z"), null, null, null, null));
        assertThat(cache.read("corp").orElseThrow().accessToken()).isEqualTo("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void readsTokensOtherToolsWrote_andTreatsBrokenFilesAsSignedOut() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(dir);
        Files.writeString(cache.fileFor("legacy"), """
                {"startUrl": "https://x.awsapps.com/start", "region": "us-east-1",
                 "accessToken": "legacy-token", "expiresAt": "2030-01-01T00:00:00UTC"}
                """);
        SsoToken legacy = cache.read("legacy").orElseThrow();
        assertThat(legacy.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(legacy.refreshable(Instant.parse("2029-01-01T00:00:00Z"))).isFalse();

        Files.writeString(cache.fileFor("offset"), "{\"accessToken\":\"t\",\"expiresAt\":\"2030-01-01T01:00:00+0100\"}");
        assertThat(cache.read("offset").orElseThrow().expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));

        Files.writeString(cache.fileFor("broken"), "{not json");
        assertThat(cache.read("broken")).isEmpty();
        Files.writeString(cache.fileFor("partial"), "{\"expiresAt\":\"2030-01-01T00:00:00Z\"}");
        assertThat(cache.read("partial")).isEmpty();
        assertThat(cache.read("missing")).isEmpty();
    }
}
