package dev.layerstudio.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.DeletePlan;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.Limits;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.RegionLayers;
import dev.layerstudio.model.ShareTarget;
import dev.layerstudio.model.UsageReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.LayersListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionRequest;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** {@link LayerService} on the AWS SDK, for the region of one {@link AwsSession}. */
public final class SdkLayerService implements LayerService {

    /**
     * Tunables.
     *
     * @param directUploadBytes largest zip sent inside the request (above: through S3)
     * @param partSize          S3 multipart part size
     * @param concurrency       how many version details or regions are read at once
     */
    public record Options(long directUploadBytes, long partSize, int concurrency) {
        public static Options defaults() {
            return new Options(Limits.DIRECT_UPLOAD_ZIP_BYTES, S3Uploader.DEFAULT_PART_SIZE, 4);
        }

        public Options withDirectUploadBytes(long bytes) {
            return new Options(bytes, partSize, concurrency);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SdkLayerService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String GET_LAYER_VERSION = "lambda:GetLayerVersion";

    private final AwsSession session;
    private final Options options;

    public SdkLayerService(AwsSession session) {
        this(session, Options.defaults());
    }

    public SdkLayerService(AwsSession session, Options options) {
        this.session = session;
        this.options = options;
    }

    private LambdaClient lambda() {
        return session.lambda();
    }

    @Override
    public String region() {
        return session.region();
    }

    @Override
    public List<LayerInfo> listLayers() {
        List<LayersListItem> layers = new ArrayList<>();
        try {
            lambda().listLayersPaginator(b -> b.maxItems(50)).layers().forEach(layers::add);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "list the layers in " + region());
        }
        return layers.stream()
                .sorted(Comparator.comparing(LayersListItem::layerName, String.CASE_INSENSITIVE_ORDER))
                .map(l -> new LayerInfo(l.layerName(), l.layerArn(), region(), listVersions(l.layerName())))
                .toList();
    }

    /**
     * The layers of several regions, a few regions at a time; a region that cannot be read
     * is reported in its entry rather than failing the rest.
     */
    public static List<RegionLayers> listLayers(AwsSession session, List<String> regions, Options options) {
        return Bounded.map(regions, options.concurrency(), "layers", region -> {
            try {
                if (region.equals(session.region())) {
                    return new RegionLayers(region, new SdkLayerService(session, options).listLayers(), null);
                }
                try (AwsSession other = session.inRegion(region)) {
                    return new RegionLayers(region, new SdkLayerService(other, options).listLayers(), null);
                }
            } catch (RuntimeException e) {
                LOG.warn("Listing the layers of {} failed", region, e);
                return new RegionLayers(region, List.of(), e.getMessage());
            }
        });
    }

    @Override
    public List<LayerVersionInfo> listVersions(String layerName) {
        List<LayerVersionsListItem> items = new ArrayList<>();
        try {
            lambda().listLayerVersionsPaginator(b -> b.layerName(layerName).maxItems(50)).layerVersions()
                    .forEach(items::add);
        } catch (ResourceNotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "list the versions of layer " + layerName);
        }
        List<LayerVersionInfo> versions = Bounded.map(items, options.concurrency(), "layer-details", item -> {
            LayerVersionInfo listed = LambdaMapping.version(item);
            try {
                return LambdaMapping.version(lambda().getLayerVersion(b -> b.layerName(layerName)
                        .versionNumber(item.version())));
            } catch (ResourceNotFoundException gone) {
                return listed;
            } catch (RuntimeException e) {
                LOG.warn("Could not read details of {}", item.layerVersionArn(), e);
                return listed;
            }
        });
        return versions.stream().sorted(Comparator.comparingLong(LayerVersionInfo::version).reversed()).toList();
    }

    @Override
    public Optional<LayerVersionInfo> latestVersion(String layerName) {
        long newest;
        try {
            newest = lambda().listLayerVersionsPaginator(b -> b.layerName(layerName).maxItems(50)).layerVersions()
                    .stream().mapToLong(LayerVersionsListItem::version).max().orElse(0);
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "read the versions of layer " + layerName);
        }
        return newest == 0 ? Optional.empty() : Optional.of(getVersion(layerName, newest));
    }

    @Override
    public LayerVersionInfo getVersion(String layerName, long version) {
        try {
            return LambdaMapping.version(lambda().getLayerVersion(b -> b.layerName(layerName).versionNumber(version)));
        } catch (ResourceNotFoundException e) {
            throw new LayerStudioException("Layer " + layerName + " has no version " + version + " in " + region()
                    + ".", "List the versions with 'layers'.", e);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "read version " + version + " of layer " + layerName);
        }
    }

    @Override
    public PublishResult publish(PublishRequest request, ProgressListener progress) {
        Zip zip = check(request);
        return publish(request, zip, progress);
    }

    @Override
    public List<PublishResult> publish(PublishRequest request, List<String> regions, ProgressListener progress) {
        Zip zip = check(request);
        List<String> targets = regions == null || regions.isEmpty() ? List.of(region())
                : regions.stream().distinct().toList();
        List<PublishResult> results = new ArrayList<>();
        for (String target : targets) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Publishing cancelled");
            }
            ProgressListener regional = prefixed(progress, target, targets.size() > 1);
            try {
                if (target.equals(region())) {
                    results.add(publish(request, zip, regional));
                } else {
                    try (AwsSession other = session.inRegion(target)) {
                        results.add(new SdkLayerService(other, options).publish(request, zip, regional));
                    }
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("Publishing to {} failed", target, e);
                results.add(new PublishResult(target, PublishResult.Status.FAILED, null, null, zip.sha256(),
                        zip.size(), e.getMessage()));
            }
        }
        return results;
    }

    private record Zip(long size, String sha256) {
    }

    private Zip check(PublishRequest request) {
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

    private PublishResult publish(PublishRequest request, Zip zip, ProgressListener progress) {
        String name = request.layerName();
        progress.message("Checking the latest version of " + name + " in " + region());
        Optional<LayerVersionInfo> latest = latestVersion(name);
        if (latest.isPresent() && zip.sha256().equals(latest.get().codeSha256())) {
            if (!request.force()) {
                return new PublishResult(region(), PublishResult.Status.DUPLICATE, latest.get(), null, zip.sha256(),
                        zip.size(), "Version " + latest.get().version() + " of " + name + " in " + region()
                        + " already has exactly this content; nothing was published.");
            }
            progress.message("The latest version has the same content; publishing anyway (forced)");
        }
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
        if (zip.size() <= options.directUploadBytes()) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(request.zip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.message("Uploading " + megabytes(zip.size()) + " to Lambda in " + region());
            progress.progress(0, zip.size());
            b.content(c -> c.zipFile(SdkBytes.fromByteArrayUnsafe(bytes)));
            LayerVersionInfo published = send(b.build(), name);
            progress.progress(zip.size(), zip.size());
            return published(published, "direct", zip);
        }
        String bucket = request.bucketFor(region());
        if (bucket == null) {
            throw new LayerStudioException("The zip is " + megabytes(zip.size()) + ", more than the "
                    + megabytes(options.directUploadBytes()) + " Lambda accepts in the request.",
                    "Name an S3 bucket in " + region() + " to upload it through (--s3-bucket).", null);
        }
        S3Uploader uploader = new S3Uploader(session.s3(), region(), options.partSize());
        progress.message("Checking bucket " + bucket);
        if (uploader.ensureBucket(bucket, request.createBucket())) {
            progress.message("Created bucket " + bucket + " in " + region());
        }
        String key = "layer-studio/" + name + "/" + ZipDigest.hex(zip.sha256()) + ".zip";
        progress.message("Uploading " + megabytes(zip.size()) + " to s3://" + bucket + "/" + key);
        uploader.upload(bucket, key, request.zip(), progress);
        try {
            progress.message("Publishing " + name + " from S3");
            b.content(c -> c.s3Bucket(bucket).s3Key(key));
            return published(send(b.build(), name), "s3", zip);
        } finally {
            uploader.delete(bucket, key);
        }
    }

    private LayerVersionInfo send(PublishLayerVersionRequest request, String name) {
        try {
            return LambdaMapping.version(lambda().publishLayerVersion(request));
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "publish layer " + name + " in " + region());
        }
    }

    private PublishResult published(LayerVersionInfo version, String upload, Zip zip) {
        String message = "Published " + version.name() + " version " + version.version() + " in " + region() + ".";
        if (version.codeSha256() != null && !version.codeSha256().equals(zip.sha256())) {
            LOG.warn("Lambda reports CodeSha256 {} for {}, the zip has {}", version.codeSha256(), version.arn(),
                    zip.sha256());
            message += " Lambda reports other content than the zip's; check the published version.";
        }
        return new PublishResult(region(), PublishResult.Status.PUBLISHED, version, upload, zip.sha256(), zip.size(),
                message);
    }

    @Override
    public List<LayerPermission> permissions(String layerName, long version) {
        String policy;
        try {
            policy = lambda().getLayerVersionPolicy(b -> b.layerName(layerName).versionNumber(version)).policy();
        } catch (ResourceNotFoundException e) {
            getVersion(layerName, version);
            return List.of();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "read who may use " + layerName + ":" + version);
        }
        return parseStatements(policy);
    }

    @Override
    public LayerPermission share(String layerName, long version, ShareTarget target) {
        Optional<LayerPermission> existing = permissions(layerName, version).stream()
                .filter(p -> p.statementId().equals(target.statementId())).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            String statement = lambda().addLayerVersionPermission(b -> b.layerName(layerName).versionNumber(version)
                    .statementId(target.statementId()).action(GET_LAYER_VERSION).principal(target.principal())
                    .organizationId(target.organizationId())).statement();
            List<LayerPermission> parsed = statement == null ? List.of() : parseStatements(statement);
            return parsed.isEmpty() ? new LayerPermission(target.statementId(), target, GET_LAYER_VERSION)
                    : parsed.get(0);
        } catch (ResourceConflictException e) {
            return permissions(layerName, version).stream()
                    .filter(p -> p.statementId().equals(target.statementId())).findFirst()
                    .orElseThrow(() -> AwsErrors.translate(e, "share " + layerName + ":" + version));
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "share " + layerName + ":" + version + " with " + target.describe());
        }
    }

    @Override
    public void revoke(String layerName, long version, String statementId) {
        try {
            lambda().removeLayerVersionPermission(b -> b.layerName(layerName).versionNumber(version)
                    .statementId(statementId));
        } catch (ResourceNotFoundException e) {
            throw new LayerStudioException(layerName + ":" + version + " has no grant '" + statementId + "'.",
                    "List the grants with 'share --list'.", e);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "revoke '" + statementId + "' on " + layerName + ":" + version);
        }
    }

    @Override
    public DeletePlan prepareDelete(String layerName, long version) {
        LayerVersionInfo info = getVersion(layerName, version);
        UsageReport usage = new UsageScanner(session, options.concurrency()).scan(info.arn(), List.of(region()));
        if (!usage.complete()) {
            LOG.warn("Usage scan incomplete: {}", usage.failedRegions());
        }
        return new DeletePlan(info, usage.usesOf(info.ref()), usage.complete());
    }

    @Override
    public void delete(DeletePlan plan, boolean confirmed) {
        LayerVersionRef ref = plan.version().ref();
        if (!confirmed) {
            throw new LayerStudioException(ref.name() + ":" + ref.version() + " was not deleted: the deletion was not"
                    + " confirmed.", plan.inUse() ? plan.usedBy().size() + " function(s) still use it." : null, null);
        }
        if (!ref.region().equals(region())) {
            throw new LayerStudioException(ref.arn() + " is not in " + region() + ".");
        }
        try {
            lambda().deleteLayerVersion(b -> b.layerName(ref.name()).versionNumber(ref.version()));
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "delete " + ref.name() + ":" + ref.version());
        }
    }

    /** Statements of a layer version policy (or one statement), in the AWS shape and in moto's. */
    private static List<LayerPermission> parseStatements(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            LOG.warn("Unreadable layer policy: {}", json, e);
            return List.of();
        }
        JsonNode statements = root.has("Statement") ? root.get("Statement") : root;
        List<LayerPermission> out = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(s -> out.add(statement(s)));
        } else if (statements.isObject()) {
            out.add(statement(statements));
        }
        return out;
    }

    private static LayerPermission statement(JsonNode s) {
        String sid = s.path("Sid").asText("");
        JsonNode actionNode = s.path("Action");
        String action = actionNode.isArray() ? actionNode.path(0).asText("") : actionNode.asText("");
        String principal = principal(s.path("Principal"));
        String org = s.path("Condition").path("StringEquals").path("aws:PrincipalOrgID").asText(null);
        if (org == null && s.hasNonNull("OrganizationId")) {
            org = s.get("OrganizationId").asText();
        }
        ShareTarget target = null;
        try {
            if ("*".equals(principal)) {
                target = org != null ? ShareTarget.organization(org) : ShareTarget.everyone();
            } else if (principal != null) {
                target = ShareTarget.account(principal);
            }
        } catch (LayerStudioException unusual) {
            target = null;
        }
        return new LayerPermission(sid, target, action);
    }

    /** {@code "*"}, {@code "123456789012"}, {@code {"AWS": "arn:aws:iam::123456789012:root"}}. */
    private static String principal(JsonNode p) {
        if (p.isTextual()) {
            return accountOf(p.asText());
        }
        JsonNode aws = p.path("AWS");
        if (aws.isArray()) {
            aws = aws.path(0);
        }
        return aws.isTextual() ? accountOf(aws.asText()) : null;
    }

    private static String accountOf(String principal) {
        if (principal.startsWith("arn:")) {
            String[] parts = principal.split(":");
            return parts.length > 4 ? parts[4] : principal;
        }
        return principal;
    }

    private static ProgressListener prefixed(ProgressListener progress, String region, boolean prefix) {
        if (!prefix) {
            return progress;
        }
        return new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                progress.progress(done, total);
            }

            @Override
            public void message(String message) {
                progress.message("[" + region + "] " + message);
            }

            @Override
            public void log(String line) {
                progress.log("[" + region + "] " + line);
            }
        };
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
