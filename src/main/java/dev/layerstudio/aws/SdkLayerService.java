package dev.layerstudio.aws;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.LayersListItem;
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

    private LayerPublisher publisher() {
        return new LayerPublisher(session, options.directUploadBytes(), options.partSize(), this::latestVersion);
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
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                if (AwsErrors.cancelled(e)) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Listing cancelled");
                }
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
        LayerPublisher.Zip zip = LayerPublisher.check(request);
        return publisher().publish(request, zip, progress);
    }

    @Override
    public List<PublishResult> publish(PublishRequest request, List<String> regions, ProgressListener progress) {
        LayerPublisher.Zip zip = LayerPublisher.check(request);
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
                    results.add(publisher().publish(request, zip, regional));
                } else {
                    try (AwsSession other = session.inRegion(target)) {
                        results.add(new SdkLayerService(other, options).publisher().publish(request, zip, regional));
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
        return LayerPolicies.parse(policy);
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
            List<LayerPermission> parsed = statement == null ? List.of() : LayerPolicies.parse(statement);
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
                    "See its grants with 'share --layer " + layerName + " --layer-version " + version
                            + "' (no grant options), or Permissions on the Layer step.", e);
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

}
