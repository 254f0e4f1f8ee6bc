package dev.layerstudio.aws;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Puts a layer zip into S3 for {@code PublishLayerVersion} when it is too large to send in
 * the request: checks (and, only when the user agreed, creates) the bucket, then uploads in
 * parts with progress, aborting the upload if anything fails or the thread is interrupted.
 */
public final class S3Uploader {

    /** 8 MiB parts; S3 wants at least 5 MiB for every part but the last. */
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(S3Uploader.class);

    private final S3Client s3;
    private final String region;
    private final long partSize;

    public S3Uploader(S3Client s3, String region, long partSize) {
        this.s3 = s3;
        this.region = region;
        this.partSize = Math.max(MIN_PART_SIZE, partSize);
    }

    /**
     * Makes sure the bucket exists in this uploader's region.
     *
     * @param create whether the user agreed to create it when it is missing
     * @return true when the bucket was created now
     */
    public boolean ensureBucket(String bucket, boolean create) {
        try {
            HeadBucketResponse head = s3.headBucket(b -> b.bucket(bucket));
            String where = head.bucketRegion();
            if (where != null && !where.isBlank() && !where.equals(region)) {
                throw new LayerStudioException("Bucket '" + bucket + "' is in " + where + ", but a layer in " + region
                        + " must be uploaded from a bucket in " + region + ".",
                        "Name a bucket in " + region + " (use {region} in the bucket name for several regions).",
                        null);
            }
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                if (!create) {
                    throw new LayerStudioException("Bucket '" + bucket + "' does not exist in " + region + ".",
                            "Create it, or allow Layer Studio to create it (--create-bucket).", e);
                }
                createBucket(bucket);
                return true;
            }
            if (e.statusCode() == 403) {
                throw new LayerStudioException("Bucket '" + bucket + "' exists but these credentials may not use it.",
                        "Choose a bucket of your own, or ask for s3:PutObject on it.", e);
            }
            throw AwsErrors.translate(e, "check bucket '" + bucket + "'");
        } catch (LayerStudioException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "check bucket '" + bucket + "'");
        }
    }

    private void createBucket(String bucket) {
        try {
            if ("us-east-1".equals(region)) {
                s3.createBucket(b -> b.bucket(bucket));
            } else {
                s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(
                        c -> c.locationConstraint(BucketLocationConstraint.fromValue(region))));
            }
            LOG.info("Created bucket {} in {}", bucket, region);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create bucket '" + bucket + "'");
        }
    }

    /** Uploads the file in parts, reporting bytes sent. */
    public void upload(String bucket, String key, Path file, ProgressListener progress) {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long part = Math.max(partSize, size > 10_000L * partSize ? size / 9_999 + 1 : partSize);
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("application/zip"))
                    .uploadId();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "start the upload to bucket '" + bucket + "'");
        }
        boolean done = false;
        boolean completing = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            long sent = 0;
            int number = 1;
            progress.progress(0, size);
            do {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Upload cancelled");
                }
                int length = (int) Math.min(part, size - sent);
                ByteBuffer buffer = ByteBuffer.allocate(length);
                while (buffer.hasRemaining() && channel.read(buffer, sent + buffer.position()) > 0) {
                    // keep reading
                }
                buffer.flip();
                int n = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n)
                        .contentLength((long) length), RequestBody.fromByteBuffer(buffer)).eTag();
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
                sent += length;
                number++;
                progress.progress(sent, size);
            } while (sent < size);
            completing = true;
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            done = true;
        } catch (ClosedByInterruptException e) {
            throw new CancellationException("Upload cancelled");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LayerStudioException | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (AwsErrors.cancelled(e)) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Upload cancelled");
            }
            throw AwsErrors.translate(e, "upload the zip to bucket '" + bucket + "'");
        } finally {
            if (!done) {
                abort(bucket, key, uploadId);
                if (completing) {
                    // The answer to CompleteMultipartUpload may have been lost after S3 made the object.
                    delete(bucket, key);
                }
            }
        }
    }

    /** Removes the staged object; failures are only logged. */
    public void delete(String bucket, String key) {
        cleanUp(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)), "delete s3://" + bucket + "/" + key);
    }

    private void abort(String bucket, String key, String uploadId) {
        cleanUp(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)),
                "abort upload " + uploadId + " of s3://" + bucket + "/" + key);
    }

    /**
     * Runs a clean-up call even when the thread was interrupted (a cancel): the SDK refuses to
     * start a call on an interrupted thread, which would leave the upload or object behind.
     * The interrupt is kept for the caller. Failures are only logged.
     */
    private static void cleanUp(Runnable call, String what) {
        boolean interrupted = Thread.interrupted();
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not {}", what, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
