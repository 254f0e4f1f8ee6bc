package dev.layerstudio.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code inspect ARN} end to end: a layer published in moto (from S3), located through
 * GetLayerVersion, its zip read from moto's S3 with Range requests through a pre-signed URL.
 */
@ExtendWith(MotoExtension.class)
class InspectPublishedVersionTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void credentials() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterEach
    void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** A layer with a distribution and 2 MB of incompressible data, so reading it whole would show. */
    private static byte[] layerZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("python/six.py"));
            zip.write("X = 1\n".getBytes());
            zip.putNextEntry(new ZipEntry("python/six-1.16.0.dist-info/RECORD"));
            zip.write("six.py,,\nsix-1.16.0.dist-info/RECORD,,\n".getBytes());
            byte[] blob = new byte[2 * 1024 * 1024];
            new Random(1).nextBytes(blob);
            ZipEntry stored = new ZipEntry("python/data/blob.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(blob.length);
            CRC32 crc = new CRC32();
            crc.update(blob);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(blob);
        }
        return bytes.toByteArray();
    }

    @Test
    void aPublishedVersionIsInspectedByArnReadingOnlyWhatItNeeds(MotoServer moto) throws Exception {
        byte[] zip = layerZip();
        try (AwsSession direct = moto.session(); MotoFront front = new MotoFront(moto)) {
            direct.s3().createBucket(b -> b.bucket("published"));
            direct.s3().putObject(b -> b.bucket("published").key("six.zip"), RequestBody.fromBytes(zip));
            var published = direct.lambda().publishLayerVersion(b -> b.layerName("six-layer")
                    .content(c -> c.s3Bucket("published").s3Key("six.zip")).compatibleRuntimesWithStrings("python3.12"));
            front.layerLocation("six-layer", published.version(), "s3://published/six.zip");
            String endpoint = front.endpoint().toString();

            assertThat(run("inspect", published.layerVersionArn(), "--endpoint-url", endpoint, "--region",
                    MotoServer.REGION, "--json")).as(err.toString()).isZero();
            JsonNode r = new ObjectMapper().readTree(out.toString());
            assertThat(r.get("source").asText()).isEqualTo(published.layerVersionArn());
            assertThat(r.get("sourceKind").asText()).isEqualTo("PUBLISHED_VERSION");
            assertThat(r.get("sha256").asText()).isEqualTo(published.content().codeSha256());
            assertThat(r.get("zippedBytes").asLong()).isEqualTo(zip.length);
            assertThat(r.get("packages").findValuesAsText("name")).contains("six", "data");
            long fetched = r.get("fetchedBytes").asLong();
            assertThat(fetched).isPositive().isLessThan(zip.length / 10);

            List<LoggedRequest> gets = front.wireMock().findAll(getRequestedFor(urlPathEqualTo("/published/six.zip")));
            assertThat(gets).isNotEmpty().allMatch(g -> g.getHeader("Range").startsWith("bytes="));

            Path local = dir.resolve("six.zip");
            Files.write(local, zip);
            out.getBuffer().setLength(0);
            assertThat(run("diff", published.layerVersionArn(), local.toString(), "--endpoint-url", endpoint,
                    "--region", MotoServer.REGION)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("The layers hold the same files.");
        }
    }
}
