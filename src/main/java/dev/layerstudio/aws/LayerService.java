package dev.layerstudio.aws;

import dev.layerstudio.model.DeletePlan;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.ShareTarget;
import java.util.List;
import java.util.Optional;

/**
 * Layers in one region of one account: list, publish, share, delete. Failures are
 * {@link dev.layerstudio.model.LayerStudioException}s with one plain sentence.
 */
public interface LayerService {

    /** The region this service works in. */
    String region();

    /** Every layer with every version (all pages), each version with size and SHA. */
    List<LayerInfo> listLayers();

    /** Every version of one layer, newest first, with size and SHA; empty when the layer does not exist. */
    List<LayerVersionInfo> listVersions(String layerName);

    /** The newest version of a layer, if it has any. */
    Optional<LayerVersionInfo> latestVersion(String layerName);

    /** One version (name or layer ARN, and number). */
    LayerVersionInfo getVersion(String layerName, long version);

    /**
     * Publishes the zip as a new version in this region: directly up to the direct-upload
     * limit, else through the request's S3 bucket. When the latest version already has the
     * same content and the request is not forced, publishes nothing and says so.
     */
    PublishResult publish(PublishRequest request, ProgressListener progress);

    /** The same zip published in several regions, one result per region (a failure in one does not stop the rest). */
    List<PublishResult> publish(PublishRequest request, List<String> regions, ProgressListener progress);

    /** Who a version is shared with. */
    List<LayerPermission> permissions(String layerName, long version);

    /** Grants the target use of the version; an existing identical grant is kept. */
    LayerPermission share(String layerName, long version, ShareTarget target);

    /** Removes one grant by its statement id. */
    void revoke(String layerName, long version, String statementId);

    /** The version and which functions of its region still use it: show this before deleting. */
    DeletePlan prepareDelete(String layerName, long version);

    /**
     * Deletes the version of a plan from {@link #prepareDelete}, only when {@code confirmed};
     * functions that use it keep working, but it cannot be attached again.
     */
    void delete(DeletePlan plan, boolean confirmed);
}
