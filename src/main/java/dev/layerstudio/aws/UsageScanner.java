package dev.layerstudio.aws;

import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.UsageReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds which functions use a layer. No AWS API answers that, so every function of every
 * chosen region is read (all pages) and its layer list checked; regions are scanned a few
 * at a time.
 */
public final class UsageScanner {

    private static final Logger LOG = LoggerFactory.getLogger(UsageScanner.class);

    private final AwsSession session;
    private final int concurrency;

    public UsageScanner(AwsSession session, int concurrency) {
        this.session = session;
        this.concurrency = Math.max(1, concurrency);
    }

    private record RegionScan(String region, List<LayerUse> uses, int functions, String error) {
    }

    /**
     * @param layer   a layer name (any account), a layer ARN (any version of it) or a layer version ARN
     * @param regions the regions to scan; empty means the session's own
     */
    public UsageReport scan(String layer, List<String> regions) {
        List<String> targets = regions == null || regions.isEmpty() ? List.of(session.region())
                : regions.stream().distinct().toList();
        Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(layer);
        if (ref.isEmpty()) {
            LayerVersionRef.validateName(layer).ifPresent(problem -> {
                throw new LayerStudioException(problem);
            });
        }
        List<RegionScan> scans = Bounded.map(targets, concurrency, "usage", region -> scanRegion(region, layer, ref));
        List<LayerUse> uses = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int functions = 0;
        for (RegionScan s : scans) {
            uses.addAll(s.uses());
            functions += s.functions();
            if (s.error() != null) {
                failed.put(s.region(), s.error());
            }
        }
        return new UsageReport(layer, targets, uses, functions, failed);
    }

    private RegionScan scanRegion(String region, String layer, Optional<LayerVersionRef> ref) {
        try {
            if (region.equals(session.region())) {
                return scan(region, SdkFunctionService.listFunctions(session.lambda(), region), layer, ref);
            }
            try (AwsSession other = session.inRegion(region)) {
                return scan(region, SdkFunctionService.listFunctions(other.lambda(), region), layer, ref);
            }
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (AwsErrors.cancelled(e)) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Usage scan cancelled");
            }
            LOG.warn("Usage scan of {} failed", region, e);
            return new RegionScan(region, List.of(), 0, e.getMessage());
        }
    }

    private static RegionScan scan(String region, List<FunctionInfo> functions, String layer,
                                   Optional<LayerVersionRef> ref) {
        List<LayerUse> uses = new ArrayList<>();
        for (FunctionInfo f : functions) {
            List<String> arns = f.layerArns();
            for (int i = 0; i < arns.size(); i++) {
                Optional<LayerVersionRef> used = LayerVersionRef.tryParse(arns.get(i));
                if (used.isPresent() && matches(used.get(), layer, ref)) {
                    uses.add(new LayerUse(region, f.name(), f.arn(), f.runtime(), used.get(), i + 1, arns.size()));
                }
            }
        }
        return new RegionScan(region, uses, functions.size(), null);
    }

    static boolean matches(LayerVersionRef used, String layer, Optional<LayerVersionRef> ref) {
        if (ref.isEmpty()) {
            return used.name().equals(layer);
        }
        LayerVersionRef wanted = ref.get();
        return used.sameLayer(wanted) && (!wanted.isVersioned() || used.version() == wanted.version());
    }
}
