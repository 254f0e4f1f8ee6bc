package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.DeletePlan;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.ShareTarget;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.Layer;

@ExtendWith(MotoExtension.class)
class LayerServiceMotoTest {

    private static MotoServer moto;
    private static AwsSession session;
    private static LayerService layers;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        session = server.session();
        layers = new SdkLayerService(session);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private Path zip(String name, Map<String, String> files) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, Zips.of(files));
        return p;
    }

    @Test
    void publishesDirectlyWithEveryFieldAndListsTheVersionWithSizeAndSha() throws IOException {
        Path zip = zip("direct.zip", Map.of("python/direct.py", "X = 1\n"));
        PublishRequest request = PublishRequest.of(zip, "direct-layer").withDescription("first")
                .withLicense("MIT").withRuntimes(List.of("python3.12", "python3.13"))
                .withArchitectures(List.of("arm64"));
        List<String> messages = new CopyOnWriteArrayList<>();
        PublishResult result = layers.publish(request, new ProgressListener() {
            @Override
            public void message(String message) {
                messages.add(message);
            }
        });

        assertThat(result.status()).isEqualTo(PublishResult.Status.PUBLISHED);
        assertThat(result.upload()).isEqualTo("direct");
        assertThat(result.version().version()).isEqualTo(1);
        assertThat(result.version().codeSha256()).isEqualTo(ZipDigest.sha256Base64(zip)).isEqualTo(result.codeSha256());
        assertThat(messages).isNotEmpty();

        LayerVersionInfo listed = layers.listVersions("direct-layer").get(0);
        assertThat(listed.description()).isEqualTo("first");
        assertThat(listed.license()).isEqualTo("MIT");
        assertThat(listed.compatibleRuntimes()).containsExactly("python3.12", "python3.13");
        assertThat(listed.compatibleArchitectures()).containsExactly("arm64");
        assertThat(listed.codeSize()).isEqualTo(Files.size(zip));
        assertThat(listed.codeSha256()).isEqualTo(ZipDigest.sha256Base64(zip));
        assertThat(listed.createdDate()).isNotNull();

        assertThat(layers.listLayers()).extracting(LayerInfo::name).contains("direct-layer");
        LayerInfo info = layers.listLayers().stream().filter(l -> l.name().equals("direct-layer")).findFirst()
                .orElseThrow();
        assertThat(info.latest()).get().extracting(LayerVersionInfo::version).isEqualTo(1L);
    }

    @Test
    void theSameContentIsNotPublishedTwiceUnlessForced() throws IOException {
        Path zip = zip("dup.zip", Map.of("python/dup.py", "X = 2\n"));
        PublishRequest request = PublishRequest.of(zip, "dup-layer");
        assertThat(layers.publish(request, ProgressListener.NONE).status()).isEqualTo(PublishResult.Status.PUBLISHED);

        PublishResult again = layers.publish(request, ProgressListener.NONE);
        assertThat(again.status()).isEqualTo(PublishResult.Status.DUPLICATE);
        assertThat(again.version().version()).isEqualTo(1);
        assertThat(again.message()).contains("already has exactly this content");
        assertThat(layers.listVersions("dup-layer")).hasSize(1);

        PublishResult forced = layers.publish(request.withForce(true), ProgressListener.NONE);
        assertThat(forced.status()).isEqualTo(PublishResult.Status.PUBLISHED);
        assertThat(forced.version().version()).isEqualTo(2);

        Path changed = zip("dup2.zip", Map.of("python/dup.py", "X = 3\n"));
        assertThat(layers.publish(PublishRequest.of(changed, "dup-layer"), ProgressListener.NONE).version().version())
                .isEqualTo(3);
    }

    @Test
    void aLargeZipGoesThroughS3InPartsIntoABucketCreatedOnlyWithConsent() throws IOException {
        Path zip = dir.resolve("big.zip");
        byte[] noise = new byte[11 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("python/blob.bin"));
            z.write(noise);
            z.closeEntry();
        }
        long size = Files.size(zip);
        LayerService smallLimit = new SdkLayerService(session,
                SdkLayerService.Options.defaults().withDirectUploadBytes(1024 * 1024));

        PublishRequest noBucket = PublishRequest.of(zip, "big-layer");
        assertThatThrownBy(() -> smallLimit.publish(noBucket, ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("more than");

        PublishRequest noConsent = noBucket.withS3Bucket("layer-studio-staging", false);
        assertThatThrownBy(() -> smallLimit.publish(noConsent, ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> session.s3().headBucket(b -> b.bucket("layer-studio-staging")))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
        assertThat(layers.listVersions("big-layer")).isEmpty();

        List<long[]> progress = new CopyOnWriteArrayList<>();
        PublishResult result = smallLimit.publish(noBucket.withS3Bucket("layer-studio-staging", true),
                new ProgressListener() {
                    @Override
                    public void progress(long done, long total) {
                        progress.add(new long[] {done, total});
                    }
                });
        assertThat(result.status()).isEqualTo(PublishResult.Status.PUBLISHED);
        assertThat(result.upload()).isEqualTo("s3");
        assertThat(result.version().codeSha256()).isEqualTo(ZipDigest.sha256Base64(zip));
        assertThat(result.version().codeSize()).isEqualTo(size);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
        assertThat(progress.get(progress.size() - 1)).containsExactly(size, size);
        session.s3().headBucket(b -> b.bucket("layer-studio-staging"));
        assertThat(session.s3().listObjectsV2(b -> b.bucket("layer-studio-staging")).contents())
                .as("the staged object is removed after publishing").isEmpty();
        assertThat(session.s3().listMultipartUploads(b -> b.bucket("layer-studio-staging")).uploads()).isEmpty();
    }

    @Test
    void publishesTheSameZipToSeveralRegionsWithOneResultEach() throws IOException {
        Path zip = zip("multi.zip", Map.of("python/multi.py", "X = 4\n"));
        List<PublishResult> results = layers.publish(PublishRequest.of(zip, "multi-layer")
                .withRuntimes(List.of("python3.12")), List.of("us-east-1", "eu-west-1", "ap-southeast-2"),
                ProgressListener.NONE);
        assertThat(results).extracting(PublishResult::region)
                .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(PublishResult.Status.PUBLISHED);
            assertThat(r.version().region()).isEqualTo(r.region());
            assertThat(r.version().arn()).contains(":" + r.region() + ":");
        });
        try (AwsSession west = session.inRegion("eu-west-1")) {
            assertThat(new SdkLayerService(west).listVersions("multi-layer")).hasSize(1);
        }
        List<PublishResult> again = layers.publish(PublishRequest.of(zip, "multi-layer"),
                List.of("us-east-1", "eu-west-1"), ProgressListener.NONE);
        assertThat(again).extracting(PublishResult::status)
                .containsOnly(PublishResult.Status.DUPLICATE);
    }

    @Test
    void anInvalidRequestIsRefusedBeforeAnyCall() throws IOException {
        Path zip = zip("bad.zip", Map.of("python/bad.py", "X = 5\n"));
        assertThatThrownBy(() -> layers.publish(PublishRequest.of(zip, "bad layer!"), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> layers.publish(PublishRequest.of(zip, "bad-runtime")
                .withRuntimes(List.of("python2.1")), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("python2.1");
        assertThatThrownBy(() -> layers.publish(PublishRequest.of(dir.resolve("missing.zip"), "missing"),
                ProgressListener.NONE)).isInstanceOf(LayerStudioException.class);
        assertThat(layers.listLayers()).extracting(LayerInfo::name).doesNotContain("bad-runtime", "missing");
    }

    @Test
    void sharesWithAnAccountAnOrganizationAndEveryoneAndRevokes() throws IOException {
        Path zip = zip("shared.zip", Map.of("python/shared.py", "X = 6\n"));
        long v = layers.publish(PublishRequest.of(zip, "shared-layer"), ProgressListener.NONE).version().version();
        assertThat(layers.permissions("shared-layer", v)).isEmpty();

        layers.share("shared-layer", v, ShareTarget.account("111122223333"));
        layers.share("shared-layer", v, ShareTarget.organization("o-abcdefghij"));
        layers.share("shared-layer", v, ShareTarget.everyone());
        layers.share("shared-layer", v, ShareTarget.account("111122223333"));

        List<LayerPermission> grants = layers.permissions("shared-layer", v);
        assertThat(grants).extracting(LayerPermission::target).containsExactlyInAnyOrder(
                ShareTarget.account("111122223333"), ShareTarget.organization("o-abcdefghij"),
                ShareTarget.everyone());
        assertThat(grants).extracting(LayerPermission::action).containsOnly("lambda:GetLayerVersion");

        layers.revoke("shared-layer", v, ShareTarget.everyone().statementId());
        assertThat(layers.permissions("shared-layer", v)).extracting(LayerPermission::target)
                .containsExactlyInAnyOrder(ShareTarget.account("111122223333"),
                        ShareTarget.organization("o-abcdefghij"));
        assertThatThrownBy(() -> layers.revoke("shared-layer", v, "no-such-statement"))
                .isInstanceOf(LayerStudioException.class);
    }

    @Test
    void deletingShowsTheFunctionsThatStillUseTheVersionAndNeedsConfirmation() throws IOException {
        MotoFixtures fixtures = new MotoFixtures(moto, session.lambda());
        Path zip = zip("del.zip", Map.of("python/del.py", "X = 7\n"));
        LayerVersionInfo v1 = layers.publish(PublishRequest.of(zip, "del-layer"), ProgressListener.NONE).version();
        fixtures.createFunction("del-user", "python3.12", List.of(v1.arn()));

        DeletePlan plan = layers.prepareDelete("del-layer", 1);
        assertThat(plan.inUse()).isTrue();
        assertThat(plan.complete()).isTrue();
        assertThat(plan.usedBy()).extracting(u -> u.functionName()).containsExactly("del-user");

        assertThatThrownBy(() -> layers.delete(plan, false)).isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("not confirmed");
        assertThat(layers.listVersions("del-layer")).hasSize(1);

        layers.delete(plan, true);
        assertThat(layers.listVersions("del-layer")).isEmpty();
        assertThat(session.lambda().getFunctionConfiguration(b -> b.functionName("del-user")).layers())
                .extracting(Layer::arn).containsExactly(v1.arn());
    }

    @Test
    void listsEveryLayerWithAllItsVersions() throws IOException {
        for (int i = 0; i < 3; i++) {
            layers.publish(PublishRequest.of(zip("list" + i + ".zip", Map.of("python/l.py", "X = " + i)),
                    "list-layer"), ProgressListener.NONE);
        }
        LayerInfo info = layers.listLayers().stream().filter(l -> l.name().equals("list-layer")).findFirst()
                .orElseThrow();
        assertThat(info.versions()).extracting(LayerVersionInfo::version).containsExactly(3L, 2L, 1L);
        assertThat(info.versions()).allSatisfy(v -> assertThat(v.codeSha256()).isNotBlank());
        assertThat(layers.latestVersion("list-layer")).get().extracting(LayerVersionInfo::version).isEqualTo(3L);
        assertThat(layers.latestVersion("no-such-layer")).isEmpty();
    }

}
