package dev.layerstudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.ChangeKind;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.FileChange;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.ZipEntryInfo;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionByArnResponse;

/**
 * The sandbox's front before a real moto: what is published through it (in the request
 * or through S3) is read back through the link it gives, with Range requests, byte for
 * byte; moto's own answers otherwise pass unchanged.
 */
@ExtendWith(MotoExtension.class)
class SandboxFrontTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private SandboxFront front;
    private AwsSession session;
    private final LayerContentLocator locator = new LayerContentLocator();

    @BeforeEach
    void start(MotoServer moto) throws IOException {
        front = SandboxFront.start(moto.endpoint(), dir.resolve("published"));
        session = AwsSession.builder().credentials(MotoServer.credentials()).region(MotoServer.REGION)
                .endpoint(front.endpoint()).build();
    }

    @AfterEach
    void stop() {
        session.close();
        front.close();
    }

    @Test
    void aVersionPublishedInTheRequestIsReadBackWithRangeRequests() throws Exception {
        byte[] zip = Zips.of(Map.of("python/alpha.py", "A = 1\n", "python/beta/__init__.py", "B = 2\n"));
        PublishResult published = publish(zip, "direct-layer", SdkLayerService.Options.defaults());
        String arn = published.version().arn();

        LayerContentLocation where = locator.locate(session, arn);
        assertThat(where.url()).isEqualTo(front.link(arn));
        assertThat(where.url().getAuthority()).isEqualTo(front.endpoint().getAuthority());
        assertThat(where.codeSha256()).isEqualTo(sha(zip));
        assertThat(where.codeSize()).isEqualTo(zip.length);
        assertThat(get(where.url(), null).body()).isEqualTo(zip);

        HttpResponse<byte[]> tail = get(where.url(), "bytes=-22");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue(
                "bytes " + (zip.length - 22) + "-" + (zip.length - 1) + "/" + zip.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(zip, zip.length - 22, zip.length));
        HttpResponse<byte[]> middle = get(where.url(), "bytes=10-19");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(zip, 10, 20));
        assertThat(get(where.url(), "bytes=" + zip.length + "-").statusCode()).isEqualTo(416);
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(where.url())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(zip.length);

        InspectionReport report = new Inspector(dir.resolve("cache")).inspect(new LayerSource.Remote(where.url(), arn,
                where.codeSha256(), where.codeSize()), InspectOptions.defaults(), ProgressListener.NONE);
        assertThat(report.entries()).filteredOn(e -> e.kind() != EntryKind.DIRECTORY).extracting(ZipEntryInfo::path)
                .containsExactlyInAnyOrder("python/alpha.py", "python/beta/__init__.py");
    }

    @Test
    void aVersionPublishedThroughS3IsKeptBeforeTheUploadIsRemoved() throws Exception {
        byte[] first = bigZip(11 << 20, 1);
        byte[] second = bigZip(11 << 20, 2);
        SdkLayerService.Options viaS3 = new SdkLayerService.Options(1024, 5 << 20, 2);
        try (AwsSession s = session) {
            s.s3().createBucket(b -> b.bucket("uploads"));
        }
        session = AwsSession.builder().credentials(MotoServer.credentials()).region(MotoServer.REGION)
                .endpoint(front.endpoint()).build();
        PublishResult v1 = publish(first, "big-layer", viaS3);
        PublishResult v2 = publish(second, "big-layer", viaS3);
        assertThat(v2.upload()).isEqualTo("s3");
        // the publisher removed its upload again; the front's copy is what remains
        assertThat(session.s3().listObjectsV2(b -> b.bucket("uploads")).contents()).isEmpty();

        LayerContentLocation where = locator.locate(session, v2.version().arn());
        assertThat(where.codeSize()).isEqualTo(second.length);
        assertThat(get(where.url(), null).body()).isEqualTo(second);

        LayerContentLocation older = locator.locate(session, v1.version().arn());
        LayerDiff diff = new Inspector(dir.resolve("cache")).diff(remote(older), remote(where), ProgressListener.NONE);
        assertThat(diff.files(ChangeKind.ADDED)).extracting(FileChange::path).containsExactly("python/data-2.bin");
        assertThat(diff.files(ChangeKind.REMOVED)).extracting(FileChange::path).containsExactly("python/data-1.bin");
    }

    @Test
    void getLayerVersionByArnAndTheVersionListLinkToTheKeptZip() throws Exception {
        // one zip: two made a second apart differ (their entries carry the time they were made)
        byte[] zip = Zips.layer("gamma", "G = 3\n");
        String arn = publish(zip, "by-arn", SdkLayerService.Options.defaults()).version().arn();
        GetLayerVersionByArnResponse byArn = session.lambda().getLayerVersionByArn(b -> b.arn(arn));
        assertThat(byArn.content().location()).isEqualTo(front.link(arn).toString());
        assertThat(byArn.content().codeSha256()).isEqualTo(sha(zip));
        assertThat(session.lambda().listLayerVersions(b -> b.layerName("by-arn")).layerVersions())
                .extracting(v -> v.layerVersionArn()).containsExactly(arn);
        assertThat(front.link(arn).getPath()).isEqualTo(SandboxFront.CONTENT_PATH + arn);
        assertThat(front.link(arn).getRawPath()).endsWith(URLEncoder.encode(arn, StandardCharsets.UTF_8));
    }

    @Test
    void deletingAVersionOrResettingDropsTheKeptZips(MotoServer moto) throws Exception {
        String kept = publish(Zips.layer("k", "K = 1\n"), "kept", SdkLayerService.Options.defaults()).version().arn();
        String deleted = publish(Zips.layer("d", "D = 1\n"), "deleted", SdkLayerService.Options.defaults())
                .version().arn();
        session.lambda().deleteLayerVersion(b -> b.layerName("deleted").versionNumber(1L));
        assertThat(get(front.link(deleted), null).statusCode()).isEqualTo(404);
        assertThat(get(front.link(kept), null).statusCode()).isEqualTo(200);
        assertThat(zipsIn(dir.resolve("published"))).hasSize(1);

        MotoProcess.reset(front.endpoint()); // as `sandbox reset` does, through the front

        assertThat(get(front.link(kept), null).statusCode()).isEqualTo(404);
        assertThat(zipsIn(dir.resolve("published"))).isEmpty();
        assertThat(MotoProcess.answers(front.endpoint())).isTrue();
    }

    @Test
    void whenMotoIsGoneTheFrontSaysSo() throws Exception {
        int nothing;
        try (ServerSocket s = new ServerSocket(0)) {
            nothing = s.getLocalPort();
        }
        try (SandboxFront orphan = SandboxFront.start(URI.create("http://127.0.0.1:" + nothing), dir.resolve("o"));
             AwsSession s = AwsSession.builder().credentials(MotoServer.credentials()).region(MotoServer.REGION)
                     .endpoint(orphan.endpoint()).build()) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(orphan.endpoint().resolve("/moto-api/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).contains("The local sandbox's AWS stand-in (moto) at http://127.0.0.1:" + nothing
                    + " does not answer.");
            assertThatThrownBy(() -> new SdkLayerService(s).listLayers())
                    .isInstanceOf(LayerStudioException.class)
                    .hasMessageContaining("does not answer");
        }
    }

    private PublishResult publish(byte[] zip, String layer, SdkLayerService.Options options) throws IOException {
        Path file = Files.write(dir.resolve(layer + "-" + System.nanoTime() + ".zip"), zip);
        PublishRequest request = PublishRequest.of(file, layer);
        if (options.directUploadBytes() < zip.length) {
            request = request.withS3Bucket("uploads", false);
        }
        return new SdkLayerService(session, options).publish(request, ProgressListener.NONE);
    }

    private static LayerSource remote(LayerContentLocation where) {
        return new LayerSource.Remote(where.url(), where.layerVersionArn(), where.codeSha256(), where.codeSize());
    }

    private static HttpResponse<byte[]> get(URI url, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url);
        if (range != null) {
            b.header("Range", range);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A layer with one incompressible file of {@code bytes}, named after {@code seed}. */
    private static byte[] bigZip(int bytes, int seed) throws IOException {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("python/data-" + seed + ".bin"));
            z.write(data);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("python/same.py"));
            z.write("SAME = True\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static List<Path> zipsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".zip")).toList();
        }
    }

    private static String sha(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void testInLambdaEndsInOneSentenceAboutTheSandboxAndLeavesNothing() throws Exception {
        Path zip = dir.resolve("probe.zip");
        java.nio.file.Files.write(zip, Zips.layer("alpha", "A = 1\n"));
        dev.layerstudio.aws.ProbeJournals journals = new dev.layerstudio.aws.ProbeJournals(dir.resolve("probes"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.layerstudio.aws.LambdaProbe(session,
                journals).run(new dev.layerstudio.model.ProbeRequest(null, zip, "python3.12", "x86_64",
                java.util.List.of(), null, false), dev.layerstudio.model.ProgressListener.NONE))
                .hasMessage("The probe function failed in Lambda: Sandbox: The local sandbox cannot run functions"
                        + " (its moto would need Docker); test in an AWS account.");
        assertThat(journals.unfinished()).isEmpty();
        assertThat(session.lambda().listFunctions().functions())
                .noneMatch(f -> f.functionName().startsWith("layer-studio-probe-"));
        assertThat(session.iam().listRoles().roles())
                .noneMatch(r -> r.roleName().startsWith("layer-studio-probe-"));
    }
}
