package dev.layerstudio.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.ApplyResult.Outcome;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.testing.Faults;
import dev.layerstudio.testing.Faults.Kind;
import dev.layerstudio.testing.Faults.Service;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Every fault kind on every operation, against moto behind a WireMock front: the first two
 * calls fail (the retries must get through) or every call fails (a clear error naming the
 * operation). Either way moto, read directly and not through the front, must show exactly
 * what the outcome says: no version, object or multipart upload nobody knows of, every
 * function on its old list or on the new one as its result says.
 */
@ExtendWith(MotoExtension.class)
class FaultInjectionTest {

    /** The client gives up on an attempt after this long; a TIMEOUT fault answers later still. */
    private static final Duration ATTEMPT = Duration.ofMillis(1500);
    private static final long LATE = 3500;
    private static final long PART = 5L * 1024 * 1024;

    enum Operation {
        LIST_LAYERS, LIST_FUNCTIONS, PUBLISH_DIRECT, S3_UPLOAD_PART, S3_COMPLETE_UPLOAD, PUBLISH_FROM_S3,
        UPDATE_FUNCTION
    }

    enum Mode {
        /** The first two calls fail, then they go through (the SDK and the app try three times). */
        FIRST_TWO_CALLS,
        /** Every call fails. */
        EVERY_CALL
    }

    private static final AtomicInteger CASES = new AtomicInteger();

    private static MotoServer moto;
    private static AwsSession direct;
    private static MotoFixtures fixtures;
    private static MotoFront front;
    private static Faults faults;
    private static Path smallZip;
    private static Path bigZip;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Operation op : Operation.values()) {
            for (Kind kind : Kind.values()) {
                for (Mode mode : Mode.values()) {
                    all.add(Arguments.of(op, kind, mode));
                }
            }
        }
        return all.stream();
    }

    @BeforeAll
    static void start(MotoServer server) throws IOException {
        moto = server;
        direct = server.session();
        fixtures = new MotoFixtures(server, direct.lambda());
        front = new MotoFront(server);
        faults = new Faults(front, server.endpoint(), LATE);
        smallZip = shared.resolve("small.zip");
        byte[] small = new byte[8 * 1024];
        new Random(5).nextBytes(small);
        try (OutputStream out = Files.newOutputStream(smallZip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("python/faults.bin"));
            z.write(small);
            z.closeEntry();
        }
        bigZip = shared.resolve("big.zip");
        byte[] noise = new byte[(int) (PART + PART / 10)];
        new Random(7).nextBytes(noise);
        try (OutputStream out = Files.newOutputStream(bigZip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(0);
            z.putNextEntry(new ZipEntry("python/blob.bin"));
            z.write(noise);
            z.closeEntry();
        }
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @AfterAll
    static void stop() {
        front.close();
        direct.close();
    }

    /** A session through the front, with short timeouts so that a TIMEOUT fault ends an attempt quickly. */
    private static AwsSession faulty() {
        return AwsSession.builder().credentials(MotoServer.credentials()).region(MotoServer.REGION)
                .endpoint(front.endpoint())
                .profile("default", () -> ProfileFile.builder().content(InputStream.nullInputStream())
                        .type(ProfileFile.Type.CONFIGURATION).build())
                .timeouts(new AwsSession.Timeouts(Duration.ofSeconds(2), ATTEMPT, ATTEMPT, Duration.ofSeconds(40)))
                .build();
    }

    @ParameterizedTest(name = "{1} on {0}, {2}")
    @MethodSource("cases")
    void everyFaultEndsInAStateMotoConfirms(Operation op, Kind kind, Mode mode) throws IOException {
        String id = "fault" + CASES.incrementAndGet();
        int times = mode == Mode.FIRST_TWO_CALLS ? 2 : -1;
        try (AwsSession session = faulty()) {
            switch (op) {
                case LIST_LAYERS -> listLayers(session, id, kind, times);
                case LIST_FUNCTIONS -> listFunctions(session, id, kind, times);
                case PUBLISH_DIRECT, S3_UPLOAD_PART, S3_COMPLETE_UPLOAD, PUBLISH_FROM_S3 ->
                        publish(session, id, kind, times, op);
                case UPDATE_FUNCTION -> update(session, id, kind, times);
                default -> throw new IllegalStateException();
            }
        }
        if (kind == Kind.TIMEOUT && (op == Operation.PUBLISH_DIRECT || op == Operation.PUBLISH_FROM_S3)) {
            // the late answer is not waited for: the version it made is found and no second one sent
            assertThat(faults.served()).as("faults answered").isEqualTo(1);
        } else if (times > 0) {
            assertThat(faults.served()).as("faults answered").isEqualTo(times);
        } else {
            assertThat(faults.served()).as("faults answered").isGreaterThanOrEqualTo(3);
        }
    }

    private void inject(Supplier<MappingBuilder> request, Kind kind, Service service, int times) {
        faults.inject(request, kind, service, times);
    }

    private void listLayers(AwsSession session, String id, Kind kind, int times) {
        fixtures.publishLayer(id, Map.of("python/" + id + ".py", "x = 1\n"), "python3.12");
        inject(() -> get(urlPathEqualTo("/2018-10-31/layers")), kind, Service.LAMBDA, times);
        SdkLayerService layers = new SdkLayerService(session);
        if (times > 0) {
            assertThat(layers.listLayers()).extracting(LayerInfo::name).contains(id);
        } else {
            assertPlainError(catchThrowable(layers::listLayers), "list the layers in us-east-1", kind);
        }
    }

    private void listFunctions(AwsSession session, String id, Kind kind, int times) {
        fixtures.createFunction(id, "python3.12", List.of());
        inject(() -> get(urlPathMatching("/2015-03-31/functions/?")), kind, Service.LAMBDA, times);
        SdkFunctionService functions = new SdkFunctionService(session, PlanApplier.Options.defaults(),
                new ApplyJournals(dir.resolve("journal")));
        if (times > 0) {
            assertThat(functions.listFunctions()).extracting(FunctionInfo::name).contains(id);
        } else {
            assertPlainError(catchThrowable(functions::listFunctions), "list the functions in us-east-1", kind);
        }
    }

    private void publish(AwsSession session, String id, Kind kind, int times, Operation op) {
        boolean viaS3 = op != Operation.PUBLISH_DIRECT;
        boolean faultParts = op == Operation.S3_UPLOAD_PART;
        boolean inS3 = faultParts || op == Operation.S3_COMPLETE_UPLOAD;
        String bucket = id + "-staging";
        PublishRequest request = PublishRequest.of(faultParts ? bigZip : smallZip, id);
        SdkLayerService.Options options = SdkLayerService.Options.defaults();
        if (viaS3) {
            direct.s3().createBucket(b -> b.bucket(bucket));
            request = request.withS3Bucket(bucket, false);
            options = options.withDirectUploadBytes(1024);
        }
        if (faultParts) {
            inject(() -> put(urlPathMatching("/" + bucket + "/.+")).withQueryParam("partNumber", matching("\\d+")),
                    kind, Service.S3, times);
        } else if (inS3) {
            inject(() -> post(urlPathMatching("/" + bucket + "/.+")).withQueryParam("uploadId", matching(".+")),
                    kind, Service.S3, times);
        } else {
            inject(() -> post(urlPathEqualTo("/2018-10-31/layers/" + id + "/versions")), kind, Service.LAMBDA,
                    times);
        }
        SdkLayerService layers = new SdkLayerService(session, new SdkLayerService.Options(
                options.directUploadBytes(), PART, options.concurrency()));
        PublishResult result = null;
        RuntimeException failure = null;
        try {
            result = layers.publish(request, ProgressListener.NONE);
        } catch (RuntimeException e) {
            failure = e;
        }
        List<Long> versions = versionsInMoto(id);
        if (result != null) {
            assertThat(result.status()).isEqualTo(PublishResult.Status.PUBLISHED);
            assertThat(result.upload()).isEqualTo(viaS3 ? "s3" : "direct");
            assertThat(versions).as("exactly the version the result names").containsExactly(result.version().version());
            long number = result.version().version();
            assertThat(direct.lambda().getLayerVersion(b -> b.layerName(id).versionNumber(number))
                    .content().codeSha256()).isEqualTo(result.codeSha256());
        } else {
            String action = inS3 ? "upload the zip to bucket '" + bucket + "'" : "publish layer " + id
                    + " in us-east-1";
            assertPlainError(failure, action, kind);
            assertThat(versions).as("no version when the publish failed").isEmpty();
            if (!inS3) {
                assertThat(failure.getMessage()).endsWith("No version was published (checked after 3 attempts).");
            }
        }
        if (times > 0 || kind == Kind.TIMEOUT && !inS3) {
            assertThat(result).as("recovered: %s", failure).isNotNull();
        }
        if (viaS3) {
            assertThat(direct.s3().listMultipartUploads(b -> b.bucket(bucket)).uploads())
                    .as("no multipart upload left behind").isEmpty();
            assertThat(direct.s3().listObjectsV2(b -> b.bucket(bucket)).contents())
                    .as("no staged object left behind").isEmpty();
        }
    }

    private List<Long> versionsInMoto(String layer) {
        try {
            return direct.lambda().listLayerVersionsPaginator(b -> b.layerName(layer)).layerVersions().stream()
                    .map(LayerVersionsListItem::version).toList();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    private void update(AwsSession session, String id, Kind kind, int times) {
        String keep = fixtures.publishLayer(id + "-keep", Map.of("python/k.py", "k = 1\n"), "python3.12")
                .layerVersionArn();
        String lib = id + "-lib";
        String v1 = fixtures.publishLayer(lib, Map.of("python/l.py", "l = 1\n"), "python3.12").layerVersionArn();
        String v2 = fixtures.publishLayer(lib, Map.of("python/l.py", "l = 2\n"), "python3.12").layerVersionArn();
        for (int i = 1; i <= 3; i++) {
            fixtures.createFunction(id + "-" + i, "python3.12", List.of(keep, v1));
        }
        ApplyJournals journals = new ApplyJournals(dir.resolve("journal"));
        // one function at a time: WireMock's scenario states are not atomic, so concurrent calls could both
        // take the "first call" fault and the count of injected faults would not be exact
        PlanApplier.Options options = PlanApplier.Options.defaults().withConcurrency(1)
                .withPolling(Duration.ofMillis(20), 100);
        AttachPlan plan = new SdkFunctionService(direct, options, journals).planUpgrade(lib, 2, 0);
        assertThat(plan.updates()).hasSize(3);

        inject(() -> put(urlPathMatching("/2015-03-31/functions/" + id + "-\\d/configuration/?")), kind,
                Service.LAMBDA, times);
        List<ApplyResult> results = new SdkFunctionService(session, options, journals).apply(plan, ApplyListener.NONE);

        assertThat(results).hasSize(3);
        for (ApplyResult r : results) {
            List<String> now = direct.lambda().getFunctionConfiguration(b -> b.functionName(r.functionName()))
                    .layers().stream().map(Layer::arn).toList();
            assertThat(now).as("%s is where its result (%s: %s) says", r.functionName(), r.outcome(), r.message())
                    .isEqualTo(r.outcome() == Outcome.UPDATED || r.outcome() == Outcome.UNCHANGED ? r.after()
                            : r.before());
            if (times > 0 || kind == Kind.TIMEOUT) {
                assertThat(r.ok()).as("%s recovered: %s", r.functionName(), r.message()).isTrue();
                assertThat(now).containsExactly(keep, v2);
            } else {
                assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
                assertPlainMessage(r.message(), "update " + r.functionName(), kind);
                assertThat(r.message()).endsWith(r.functionName() + " keeps its layers.");
            }
        }
        assertThat(journals.unfinished()).as("the journal is closed once every result is known").isEmpty();
    }

    private static void assertPlainError(Throwable failure, String action, Kind kind) {
        assertThat(failure).isInstanceOf(LayerStudioException.class);
        assertPlainMessage(failure.getMessage(), action, kind);
    }

    private static void assertPlainMessage(String message, String action, Kind kind) {
        assertThat(message).startsWith("Could not " + action + ": ")
                .doesNotContain("Exception", "\tat ", "software.amazon", "null", "Unable to execute");
        String expected = switch (kind) {
            case CONNECTION_RESET, EMPTY_RESPONSE -> "the connection broke off";
            case TIMEOUT -> "AWS did not answer in time";
            case SERVER_ERROR_500 -> "server error (500"; // then the service's own message, when it gave one
            case UNAVAILABLE_503 -> "server error (503";
            case THROTTLING -> "AWS is throttling requests";
        };
        assertThat(message).contains(expected);
    }
}
