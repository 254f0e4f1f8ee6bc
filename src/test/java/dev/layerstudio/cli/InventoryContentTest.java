package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Wheels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code inventory --view mismatched --read-content}: a layer that declares nothing wrong but holds
 * AArch64 code, on an x86_64 function, is found only when its content is read (through a front
 * before moto that serves the content's location as AWS does).
 */
@ExtendWith(MotoExtension.class)
class InventoryContentTest {

    private static final String BUCKET = "inventory-content";

    private static MotoFront front;
    private static CliAgainstMoto cli;
    private static AwsSession session;

    @TempDir
    static Path home;

    @BeforeAll
    static void organization(MotoServer server) throws Exception {
        front = new MotoFront(server);
        session = server.session();
        session.s3().createBucket(b -> b.bucket(BUCKET));
        byte[] zip = arm64Build();
        session.s3().putObject(b -> b.bucket(BUCKET).key("np.zip"), RequestBody.fromBytes(zip));
        var published = session.lambda().publishLayerVersion(b -> b.layerName("np-arm")
                .content(c -> c.s3Bucket(BUCKET).s3Key("np.zip")).compatibleRuntimesWithStrings("python3.12"));
        front.layerLocation("np-arm", published.version(), "s3://" + BUCKET + "/np.zip");
        new MotoFixtures(server, session.lambda()).createFunction("x86-api", "python3.12",
                List.of(published.layerVersionArn()));
        cli = CliAgainstMoto.open(front, home);
    }

    @AfterAll
    static void close() {
        cli.close();
        session.close();
        front.close();
    }

    private static byte[] arm64Build() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("python/fakenp/__init__.py"));
            zip.write("V = 1\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("python/fakenp/_core.cpython-312-aarch64-linux-gnu.so"));
            zip.write(Wheels.elf(0xb7));
        }
        return bytes.toByteArray();
    }

    @Test
    void foreignNativeCodeIsFoundOnlyWhenTheContentIsRead() throws Exception {
        JsonNode declared = cli.json("inventory", "--regions", "us-east-1", "--view", "mismatched");
        assertThat(cli.exitCode()).as(cli.err().toString()).isZero();
        assertThat(declared.get("rows")).isEmpty();
        assertThat(declared.get("notes").toString()).contains("content was not read");

        JsonNode read = cli.json("inventory", "--regions", "us-east-1", "--view", "mismatched", "--read-content");
        assertThat(cli.exitCode()).as(cli.err().toString()).isZero();
        assertThat(read.get("rows")).hasSize(1);
        JsonNode row = read.get("rows").get(0);
        assertThat(row.get("function").asText()).isEqualTo("x86-api");
        assertThat(row.get("layer").asText()).isEqualTo("np-arm:1");
        assertThat(row.get("kind").asText()).isEqualTo("foreign_architecture");
        assertThat(row.get("verdict").asText()).isEqualTo("breaks");
        assertThat(read.get("notes").toString()).contains("Judged on what 1 version(s) hold");
    }
}
