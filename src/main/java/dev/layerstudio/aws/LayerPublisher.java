package dev.layerstudio.aws;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionRequest;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Publishes one zip as a new layer version in one region: never a duplicate of the
 * latest version's content unless forced; in the request up to the direct-upload
 * limit, else through S3 (multipart, removed again once Lambda has copied it).
 */
final class LayerPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(LayerPublisher.class);
    /** PublishLayerVersion attempts, as many as the SDK's standard retries make. */
    static final int PUBLISH_ATTEMPTS = 3;

    private final AwsSession session;
    private final long directUploadBytes;
    private final long partSize;
    private final Function<String, Optional<LayerVersionInfo>> latestVersion;

    LayerPublisher(AwsSession session, long directUploadBytes, long partSize,
                   Function<String, Optional<LayerVersionInfo>> latestVersion) {
        this.session = session;
        this.directUploadBytes = directUploadBytes;
        this.partSize = partSize;
        this.latestVersion = latestVersion;
    }

    /** The zip to publish: its size and base64 SHA-256 (Lambda's CodeSha256). */
    record Zip(long size, String sha256) {
    }

    /** Validates the request and reads the zip's size and digest, before any call to AWS. */
    static Zip check(PublishRequest request) {
        request.validated();
        List<String> unknown = request.compatibleRuntimes().stream()
                .filter(r -> software.amazon.awssdk.services.lambda.model.Runtime.fromValue(r)
                        == software.amazon.awssdk.services.lambda.model.Runtime.UNKNOWN_TO_SDK_VERSION)
                .toList();
        if (!unknown.isEmpty()) {
            throw new LayerStudioException("Lambda has no runtime " + String.join(", ", unknown) + ".",
                    "Use identifiers such as python3.12; nothing was published.", null);
        }
        if (!Files.isRegularFile(request.zip())) {
            throw new LayerStudioException("There is no file " + request.zip() + ".", "Build the layer first.", null);
        }
        try {
            long size = Files.size(request.zip());
            if (size == 0) {
                throw new LayerStudioException(request.zip() + " is empty.", "Build the layer again.", null);
            }
            return new Zip(size, ZipDigest.sha256Base64(request.zip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes in this publisher's region, unless the latest version already has this content. */
    PublishResult publish(PublishRequest request, Zip zip, ProgressListener progress) {
        String name = request.layerName();
        progress.message("Checking the latest version of " + name + " in " + session.region());
        Optional<LayerVersionInfo> latest = latestVersion.apply(name);
        if (latest.isPresent() && zip.sha256().equals(latest.get().codeSha256())) {
            if (!request.force()) {
                return new PublishResult(session.region(), PublishResult.Status.DUPLICATE, latest.get(), null, zip.sha256(),
                        zip.size(), "Version " + latest.get().version() + " of " + name + " in " + session.region()
                        + " already has exactly this content; nothing was published.");
            }
            progress.message("The latest version has the same content; publishing anyway (forced)");
        }
        long before = latest.map(LayerVersionInfo::version).orElse(0L);
        PublishLayerVersionRequest.Builder b = PublishLayerVersionRequest.builder().layerName(name);
        if (!request.description().isEmpty()) {
            b.description(request.description());
        }
        if (!request.license().isEmpty()) {
            b.licenseInfo(request.license());
        }
        if (!request.compatibleRuntimes().isEmpty()) {
            b.compatibleRuntimesWithStrings(request.compatibleRuntimes());
        }
        if (!request.compatibleArchitectures().isEmpty()) {
            b.compatibleArchitecturesWithStrings(request.compatibleArchitectures());
        }
        if (zip.size() <= directUploadBytes) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(request.zip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.message("Uploading " + megabytes(zip.size()) + " to Lambda in " + session.region());
            progress.progress(0, zip.size());
            b.content(c -> c.zipFile(SdkBytes.fromByteArrayUnsafe(bytes)));
            LayerVersionInfo published = send(b.build(), name, before, zip.sha256());
            progress.progress(zip.size(), zip.size());
            return published(published, "direct", zip);
        }
        String bucket = request.bucketFor(session.region());
        if (bucket == null) {
            throw new LayerStudioException("The zip is " + megabytes(zip.size()) + ", more than the "
                    + megabytes(directUploadBytes) + " Lambda accepts in the request.",
                    "Name an S3 bucket in " + session.region() + " to upload it through (--s3-bucket).", null);
        }
        S3Uploader uploader = new S3Uploader(session.s3(), session.region(), partSize);
        progress.message("Checking bucket " + bucket);
        if (uploader.ensureBucket(bucket, request.createBucket())) {
            progress.message("Created bucket " + bucket + " in " + session.region());
        }
        String key = "layer-studio/" + name + "/" + ZipDigest.hex(zip.sha256()) + ".zip";
        progress.message("Uploading " + megabytes(zip.size()) + " to s3://" + bucket + "/" + key);
        uploader.upload(bucket, key, request.zip(), progress);
        try {
            progress.message("Publishing " + name + " from S3");
            b.content(c -> c.s3Bucket(bucket).s3Key(key));
            return published(send(b.build(), name, before, zip.sha256()), "s3", zip);
        } finally {
            uploader.delete(bucket, key);
        }
    }

    /**
     * Sends PublishLayerVersion, which is not safe to repeat blindly: every call that gets
     * through makes a new version. So the SDK does not retry it; after a failure whose answer
     * may have been lost (a broken connection, a timeout, a server error, throttling) the
     * versions newer than {@code before} are read, and one with this content is taken as ours;
     * only when there is none is the call sent again. The failure that ends it says whether a
     * version was made.
     */
    private LayerVersionInfo send(PublishLayerVersionRequest request, String name, long before, String sha256) {
        String action = "publish layer " + name + " in " + session.region();
        for (int attempt = 1; ; attempt++) {
            try {
                return LambdaMapping.version(session.lambdaSingleAttempt().publishLayerVersion(request));
            } catch (RuntimeException e) {
                if (AwsErrors.cancelled(e)) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Publishing cancelled");
                }
                if (!mayBeRetried(e)) {
                    throw AwsErrors.translate(e, action);
                }
                LOG.warn("Publishing {} in {} failed (attempt {}): {}", name, session.region(), attempt, e.toString());
                Optional<LayerVersionInfo> ours;
                try {
                    ours = publishedSince(name, before, sha256);
                } catch (RuntimeException check) {
                    LOG.warn("Could not check whether {} was published after all", name, check);
                    throw new LayerStudioException(AwsErrors.translate(e, action).getMessage()
                            + " Whether a new version was made is not known: reading the versions afterwards failed"
                            + " too.", "List the versions of " + name + " before publishing again.", e);
                }
                if (ours.isPresent()) {
                    LOG.info("The answer to publishing {} was lost, but version {} has its content",
                            name, ours.get().version());
                    return ours.get();
                }
                if (attempt >= PUBLISH_ATTEMPTS) {
                    RuntimeException plain = AwsErrors.translate(e, action);
                    throw new LayerStudioException(plain.getMessage() + " No version was published (checked after "
                            + attempt + " attempts).", plain instanceof LayerStudioException l ? l.hint() : null, e);
                }
                pause(e, attempt);
            }
        }
    }

    /** Failures after which the call may or may not have been done, and may be tried again. */
    static boolean mayBeRetried(RuntimeException e) {
        if (AwsErrors.findLayerStudioException(e) != null) {
            return false;
        }
        if (e instanceof AwsServiceException ase) {
            return ase.statusCode() >= 500 || ase.statusCode() == 429 || ase.isThrottlingException();
        }
        return e instanceof SdkClientException;
    }

    /** The newest version above {@code before} with this content, if any. */
    private Optional<LayerVersionInfo> publishedSince(String name, long before, String sha256) {
        List<Long> newer;
        try {
            newer = session.lambda().listLayerVersionsPaginator(b -> b.layerName(name).maxItems(50))
                    .layerVersions().stream().map(LayerVersionsListItem::version).filter(v -> v > before)
                    .sorted(Comparator.reverseOrder()).toList();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        for (long v : newer) {
            LayerVersionInfo info = LambdaMapping.version(session.lambda().getLayerVersion(b -> b.layerName(name)
                    .versionNumber(v)));
            if (sha256.equals(info.codeSha256())) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    /** Backs off before the next attempt, longer when throttled; an interrupt cancels. */
    private static void pause(RuntimeException e, int attempt) {
        boolean throttled = e instanceof AwsServiceException ase && (ase.statusCode() == 429 || ase.isThrottlingException());
        long ceiling = (throttled ? 1000L : 200L) << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Publishing cancelled");
        }
    }

    private PublishResult published(LayerVersionInfo version, String upload, Zip zip) {
        String message = "Published " + version.name() + " version " + version.version() + " in " + session.region() + ".";
        if (version.codeSha256() != null && !version.codeSha256().equals(zip.sha256())) {
            LOG.warn("Lambda reports CodeSha256 {} for {}, the zip has {}", version.codeSha256(), version.arn(),
                    zip.sha256());
            message += " Lambda reports other content than the zip's; check the published version.";
        }
        return new PublishResult(session.region(), PublishResult.Status.PUBLISHED, version, upload, zip.sha256(), zip.size(),
                message);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
