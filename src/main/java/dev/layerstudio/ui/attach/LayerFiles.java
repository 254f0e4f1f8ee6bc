package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of every layer in a plan that can be read, for the hidden-file warnings: the new
 * version's from Inspect's report, the others through their download location (the local
 * sandbox serves its own; a plain moto serves none: those stay unknown and get no warning).
 * Remembered by version ARN for the page's lifetime.
 */
final class LayerFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LayerFiles.class);

    private final Inspector inspector;
    private final LayerContentLocator locator;
    private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

    LayerFiles(Inspector inspector, LayerContentLocator locator) {
        this.inspector = inspector;
        this.locator = locator;
    }

    /** Reads what is not known yet (on a worker thread) and returns everything known. */
    Map<String, Set<String>> of(AwsSession session, AttachPlan plan, InspectionReport own, LayerVersionInfo version) {
        if (own != null && version != null) {
            known.putIfAbsent(version.arn(), files(own));
        }
        for (FunctionPlan fp : plan.functions()) {
            for (String arn : fp.after()) {
                if (known.containsKey(arn)) {
                    continue;
                }
                try {
                    LayerContentLocation where = locator.locate(session, arn);
                    InspectionReport r = inspector.inspect(LayerSource.Remote.at(where), InspectOptions.defaults(),
                            ProgressListener.NONE);
                    known.put(arn, files(r));
                } catch (RuntimeException e) {
                    LOG.info("Files of {} unknown: {}", arn, e.getMessage());
                }
            }
        }
        return Map.copyOf(known);
    }

    /** Everything known so far. */
    Map<String, Set<String>> known() {
        return known;
    }

    private static Set<String> files(InspectionReport r) {
        return r.entries().stream().filter(e -> e.kind() != EntryKind.DIRECTORY).map(ZipEntryInfo::path)
                .collect(Collectors.toUnmodifiableSet());
    }
}
