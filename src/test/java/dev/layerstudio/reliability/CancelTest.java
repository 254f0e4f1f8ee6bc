package dev.layerstudio.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.build.BuildEnvironment;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.ApplyResult.Outcome;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.RangeServer;
import dev.layerstudio.testing.SampleLayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Cancel (interrupt the worker, as the window's Cancel button and Ctrl+C do) in the middle
 * of a zip, an S3 upload, a usage scan and a bulk apply: the worker stops with a
 * {@link CancellationException}, nothing temporary is left, and moto, read directly, holds
 * no change beyond what the result lists.
 */
@ExtendWith(MotoExtension.class)
class CancelTest {

    private static final long PART = 5L * 1024 * 1024;

    private static MotoServer moto;
    private static AwsSession direct;
    private static MotoFixtures fixtures;
    private static MotoFront front;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        direct = server.session();
        fixtures = new MotoFixtures(server, direct.lambda());
        front = new MotoFront(server);
    }

    @AfterEach
    void clear() {
        front.wireMock().getStubMappings().stream().filter(m -> Integer.valueOf(1).equals(m.getPriority()))
                .toList().forEach(front.wireMock()::removeStub);
    }

    @AfterAll
    static void stop() {
        front.close();
        direct.close();
    }

    private static AwsSession throughFront() {
        return AwsSession.builder().credentials(MotoServer.credentials()).region(MotoServer.REGION)
                .endpoint(front.endpoint())
                .profile("default", () -> ProfileFile.builder().content(InputStream.nullInputStream())
                        .type(ProfileFile.Type.CONFIGURATION).build())
                .build();
    }

    /** Runs {@code work} on its own thread; {@link Worker#cancel()} interrupts it and waits for it to end. */
    private static final class Worker {
        private final AtomicReference<Object> result = new AtomicReference<>();
        private final AtomicReference<Throwable> thrown = new AtomicReference<>();
        private final AtomicBoolean stillInterrupted = new AtomicBoolean();
        private final Thread thread;

        Worker(String name, java.util.concurrent.Callable<?> work) {
            thread = new Thread(() -> {
                try {
                    result.set(work.call());
                } catch (Throwable t) {
                    thrown.set(t);
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }, name);
            thread.start();
        }

        void cancel() throws InterruptedException {
            thread.interrupt();
            join();
        }

        void join() throws InterruptedException {
            thread.join(60_000);
            assertThat(thread.isAlive()).as("the worker ended").isFalse();
        }
    }

    @Test
    void anS3UploadCancelledMidWayLeavesNoUploadNoObjectAndNoVersion() throws Exception {
        Path zip = dir.resolve("big.zip");
        byte[] noise = new byte[(int) (2 * PART + 1024)];
        new Random(3).nextBytes(noise);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(0);
            z.putNextEntry(new ZipEntry("python/blob.bin"));
            z.write(noise);
            z.closeEntry();
        }
        String bucket = "cancel-upload";
        direct.s3().createBucket(b -> b.bucket(bucket));
        // the second part is slow, so the cancel comes while it is on the way
        front.wireMock().stubFor(put(urlPathMatching("/" + bucket + "/.+")).withQueryParam("partNumber", equalTo("2"))
                .atPriority(1).willReturn(aResponse().proxiedFrom(moto.endpoint().toString()).withFixedDelay(1500)));
        CountDownLatch firstPart = new CountDownLatch(1);
        try (AwsSession session = throughFront()) {
            SdkLayerService layers = new SdkLayerService(session, new SdkLayerService.Options(1024, PART, 4));
            Worker worker = new Worker("publish-to-cancel", () -> layers.publish(PublishRequest.of(zip, "cancelled")
                    .withS3Bucket(bucket, false), new ProgressListener() {
                        @Override
                        public void progress(long done, long total) {
                            if (done > 0 && done < total) {
                                firstPart.countDown();
                            }
                        }
                    }));
            assertThat(firstPart.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            worker.cancel();
            assertThat(worker.thrown.get()).isInstanceOf(CancellationException.class);
            assertThat(worker.stillInterrupted.get()).as("the interrupt is kept for the caller").isTrue();
        }
        assertThat(direct.s3().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        assertThat(direct.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        assertThat(catchNotFound(() -> direct.lambda().listLayerVersions(b -> b.layerName("cancelled"))
                .layerVersions().size())).isZero();
        assertThat(zip).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(zip);
        }
    }

    private static int catchNotFound(java.util.function.IntSupplier count) {
        try {
            return count.getAsInt();
        } catch (ResourceNotFoundException e) {
            return 0;
        }
    }

    @Test
    void aUsageScanCancelledWhileAwsIsSlowThrowsCancellation() throws Exception {
        fixtures.createFunction("scan-target", "python3.12", List.of());
        front.wireMock().stubFor(get(urlPathMatching("/2015-03-31/functions/?")).atPriority(1)
                .willReturn(aResponse().proxiedFrom(moto.endpoint().toString()).withFixedDelay(1500)));
        try (AwsSession session = throughFront()) {
            SdkFunctionService functions = new SdkFunctionService(session, PlanApplier.Options.defaults(),
                    new ApplyJournals(dir.resolve("journal")));
            for (List<String> regions : List.of(List.of("us-east-1"), List.of("us-east-1", "eu-west-1", "us-west-2"))) {
                int before = countReceived();
                Worker worker = new Worker("scan-to-cancel", () -> functions.usage("some-layer", regions));
                while (countReceived() == before && worker.thread.isAlive()) {
                    Thread.sleep(10);
                }
                Thread.sleep(200);
                worker.cancel();
                assertThat(worker.result.get()).as("no report from a cancelled scan (%s)", regions).isNull();
                assertThat(worker.thrown.get()).as("scan of %s", regions).isInstanceOf(CancellationException.class);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    private static int countReceived() {
        return front.wireMock().countRequestsMatching(
                com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.allRequests().build()).getCount();
    }

    @Test
    void aBulkApplyCancelledBetweenFunctionsChangesExactlyTheFunctionsItReports() throws Exception {
        String keep = fixtures.publishLayer("cancel-keep", Map.of("python/k.py", "k = 1\n"), "python3.12")
                .layerVersionArn();
        String v1 = fixtures.publishLayer("cancel-lib", Map.of("python/l.py", "l = 1\n"), "python3.12")
                .layerVersionArn();
        String v2 = fixtures.publishLayer("cancel-lib", Map.of("python/l.py", "l = 2\n"), "python3.12")
                .layerVersionArn();
        for (int i = 1; i <= 6; i++) {
            fixtures.createFunction("cancel-" + i, "python3.12", List.of(keep, v1));
        }
        front.wireMock().stubFor(put(urlPathMatching("/2015-03-31/functions/cancel-\\d/configuration/?"))
                .atPriority(1).willReturn(aResponse().proxiedFrom(moto.endpoint().toString()).withFixedDelay(400)));
        ApplyJournals journals = new ApplyJournals(dir.resolve("journal"));
        PlanApplier.Options options = PlanApplier.Options.defaults().withConcurrency(1)
                .withPolling(Duration.ofMillis(20), 100);
        AttachPlan plan = new SdkFunctionService(direct, options, journals).planUpgrade("cancel-lib", 2, 0);
        assertThat(plan.updates()).hasSize(6);

        CountDownLatch twoDone = new CountDownLatch(2);
        List<ApplyResult> reported = new ArrayList<>();
        AtomicInteger journalled = new AtomicInteger(-1);
        try (AwsSession session = throughFront()) {
            SdkFunctionService functions = new SdkFunctionService(session, options, journals);
            Worker worker = new Worker("apply-to-cancel", () -> functions.apply(plan, new ApplyListener() {
                @Override
                public synchronized void finished(ApplyResult result) {
                    reported.add(result);
                    if (result.outcome() == Outcome.UPDATED) {
                        journalled.set((int) journals.unfinished().get(0).doneCount());
                        twoDone.countDown();
                    }
                }
            }));
            assertThat(twoDone.await(60, TimeUnit.SECONDS)).isTrue();
            worker.cancel();
            assertThat(worker.thrown.get()).isNull();
            @SuppressWarnings("unchecked")
            List<ApplyResult> results = (List<ApplyResult>) worker.result.get();
            assertThat(results).hasSize(6);
            assertThat(results).extracting(ApplyResult::outcome).contains(Outcome.CANCELLED)
                    .containsOnly(Outcome.UPDATED, Outcome.CANCELLED);
            assertThat(results.stream().filter(r -> r.outcome() == Outcome.UPDATED).count())
                    .as("the two done before the cancel, and at most the one on its way").isBetween(2L, 3L);
            for (ApplyResult r : results) {
                List<String> now = direct.lambda().getFunctionConfiguration(b -> b.functionName(r.functionName()))
                        .layers().stream().map(Layer::arn).toList();
                assertThat(now).as(r.functionName() + " " + r.outcome())
                        .isEqualTo(r.outcome() == Outcome.UPDATED ? List.of(keep, v2) : List.of(keep, v1));
                if (r.outcome() == Outcome.CANCELLED) {
                    assertThat(r.message()).contains("keeps its layers");
                }
            }
            assertThat(reported).hasSize(6);
            assertThat(journalled.get()).as("the journal counted each update as it came").isGreaterThanOrEqualTo(1);
            assertThat(journals.unfinished()).as("every result known: the journal is closed").isEmpty();
            assertThat(worker.stillInterrupted.get()).isTrue();
        }
    }

    @Test
    void anInspectionCancelledWhileDownloadingLeavesNoTemporaryFile() throws Exception {
        Path zip = dir.resolve("remote.zip");
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(9).nextBytes(noise);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(0);
            z.putNextEntry(new ZipEntry("python/blob.bin"));
            z.write(noise);
            z.closeEntry();
        }
        Path cache = dir.resolve("cache");
        try (RangeServer server = new RangeServer()) {
            server.honourRange(false); // so the whole file is downloaded into a temporary file
            URI url = server.serve("remote.zip", zip);
            CountDownLatch slowed = server.slowAfter(1024 * 1024);
            Inspector inspector = new Inspector(cache);
            Worker worker = new Worker("inspect-to-cancel", () -> inspector.inspect(new LayerSource.Remote(url,
                    "remote layer", null, -1), InspectOptions.defaults(), ProgressListener.NONE));
            while (!slowed.await(20, TimeUnit.MILLISECONDS)) {
                assertThat(worker.thread.isAlive()).as("still inspecting (%s)", worker.thrown.get()).isTrue();
            }
            Thread.sleep(100);
            worker.cancel();
            assertThat(worker.thrown.get()).as("result %s, requests %d, served %d, interrupted %s", worker.result.get(),
                    server.requests(), server.bytesServed(), worker.stillInterrupted.get())
                    .isInstanceOf(CancellationException.class);
        }
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temporary download left").isEmpty();
        }
    }

    @Test
    void aZipCancelledWhileWritingLeavesNoPartialFileAndNoWorkFolder() throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        DefaultLayerBuilder builder = new DefaultLayerBuilder(BuildEnvironment.system().withWorkRoot(work)
                .withThreads(2));
        LayerContent content = SampleLayer.build(dir.resolve("sample"), builder, null);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path target = out.resolve("layer.zip");
        AtomicReference<Thread> zipping = new AtomicReference<>();
        Worker worker = new Worker("zip-to-cancel", () -> {
            zipping.set(Thread.currentThread());
            return builder.zip(content, target, new ProgressListener() {
                @Override
                public void progress(long done, long total) {
                    if (done > 0 && done < total) {
                        zipping.get().interrupt();
                    }
                }
            });
        });
        worker.join();
        assertThat(worker.thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(out).isEmptyDirectory();
        assertThat(work).isEmptyDirectory();
    }
}
