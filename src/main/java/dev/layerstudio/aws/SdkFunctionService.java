package dev.layerstudio.aws;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.ContentFactsReader;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFacts;
import dev.layerstudio.model.UsageReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** {@link FunctionService} on the AWS SDK, for the region of one {@link AwsSession}. */
public final class SdkFunctionService implements FunctionService {

    /** ListFunctions answers at most 50 per page. */
    static final int PAGE_SIZE = 50;

    private static final Logger LOG = LoggerFactory.getLogger(SdkFunctionService.class);

    private final AwsSession session;
    private final PlanApplier.Options options;
    private final ApplyJournals journals;
    private final ContentFactsReader contents;

    /** For reading functions and usage; plans made by it are judged on declared metadata alone. */
    public SdkFunctionService(AwsSession session) {
        this(session, PlanApplier.Options.defaults());
    }

    /** Journals applies in the app's data folder ({@link ApplyJournals#inData}). */
    public SdkFunctionService(AwsSession session, PlanApplier.Options options) {
        this(session, options, ApplyJournals.inData(AppDirs.current()));
    }

    public SdkFunctionService(AwsSession session, PlanApplier.Options options, ApplyJournals journals) {
        this(session, options, journals, null);
    }

    /**
     * A service whose plans are judged on what each layer version holds, read through
     * {@code contents} (a version whose content cannot be read is judged on its metadata, with a
     * warning that says so).
     */
    public SdkFunctionService(AwsSession session, PlanApplier.Options options, ApplyJournals journals,
                              ContentFactsReader contents) {
        this.session = session;
        this.options = options;
        this.journals = journals;
        this.contents = contents;
    }

    @Override
    public String region() {
        return session.region();
    }

    @Override
    public List<FunctionInfo> listFunctions() {
        return listFunctions(session.lambda(), region());
    }

    static List<FunctionInfo> listFunctions(LambdaClient lambda, String region) {
        List<FunctionInfo> out = new ArrayList<>();
        try {
            for (FunctionConfiguration f : lambda.listFunctionsPaginator(b -> b.maxItems(PAGE_SIZE)).functions()) {
                out.add(LambdaMapping.function(f));
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "list the functions in " + region);
        }
        return out;
    }

    @Override
    public FunctionInfo getFunction(String function) {
        try {
            return LambdaMapping.function(session.lambda().getFunctionConfiguration(b -> b.functionName(function)));
        } catch (ResourceNotFoundException e) {
            throw new LayerStudioException("There is no function " + function + " in " + region() + ".",
                    "Check the name and the region.", e);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "read function " + function);
        }
    }

    @Override
    public Map<String, Map<String, String>> tags(Collection<FunctionInfo> functions) {
        List<FunctionInfo> list = List.copyOf(functions);
        List<Map<String, String>> tags = Bounded.map(list, options.concurrency(), "tags", f -> {
            String resource = f.arn() != null ? f.arn() : getFunction(f.name()).arn();
            try {
                return session.lambda().listTags(b -> b.resource(resource)).tags();
            } catch (RuntimeException e) {
                throw AwsErrors.translate(e, "read the tags of " + f.name());
            }
        });
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            out.put(list.get(i).name(), Map.copyOf(tags.get(i)));
        }
        return out;
    }

    @Override
    public UsageReport usage(String layer, List<String> regions) {
        return new UsageScanner(session, options.concurrency()).scan(layer, regions);
    }

    @Override
    public PlanFacts facts(Collection<String> layerVersionArns) {
        List<LayerVersionInfo> known = Bounded.map(List.copyOf(new LinkedHashSet<>(layerVersionArns)),
                options.concurrency(), "layer-version", this::lookUp).stream().flatMap(Optional::stream).toList();
        return withContents(PlanFacts.of(known), known);
    }

    /** {@code facts} with what each version's content holds, read a few at a time. */
    private PlanFacts withContents(PlanFacts facts, List<LayerVersionInfo> versions) {
        if (contents == null) {
            return facts;
        }
        LayerContentLocator locator = new LayerContentLocator();
        List<Object> read = Bounded.map(versions, options.concurrency(), "layer-content", v -> {
            try {
                return contents.read(locator.locate(session, v));
            } catch (LayerStudioException e) {
                LOG.info("Could not read the content of {}: {}", v.arn(), e.getMessage());
                return e.getMessage();
            }
        });
        PlanFacts out = facts;
        for (int i = 0; i < versions.size(); i++) {
            String arn = versions.get(i).arn();
            out = read.get(i) instanceof ContentFacts c ? out.withContent(arn, c)
                    : out.withUnreadContent(arn, (String) read.get(i));
        }
        return out;
    }

    /** A version's description, or empty when it cannot be read (another account's, no permission). */
    private Optional<LayerVersionInfo> lookUp(String arn) {
        Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(arn);
        if (ref.isEmpty() || !ref.get().isVersioned() || !ref.get().region().equals(region())) {
            return Optional.empty();
        }
        try {
            return Optional.of(LambdaMapping.version(session.lambda().getLayerVersion(b -> b
                    .layerName(ref.get().layerArn()).versionNumber(ref.get().version()))));
        } catch (RuntimeException e) {
            LOG.info("Could not read {}: {}", arn, e.getMessage());
            return Optional.empty();
        }
    }

    private LayerVersionInfo require(LayerVersionRef ref) {
        try {
            return LambdaMapping.version(session.lambda().getLayerVersion(b -> b.layerName(ref.layerArn())
                    .versionNumber(ref.version())));
        } catch (ResourceNotFoundException e) {
            throw new LayerStudioException("Layer version " + ref.arn() + " does not exist.",
                    "List the versions with 'layers'.", e);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "read layer version " + ref.arn());
        }
    }

    @Override
    public AttachPlan planAttach(LayerVersionRef version, List<String> functions, LayerPosition position) {
        if (!version.region().equals(region())) {
            throw new LayerStudioException(version.arn() + " is in " + version.region() + "; functions in "
                    + region() + " can only use layers of " + region() + ".", "Publish the layer in " + region()
                    + " too, or choose that region.", null);
        }
        LayerVersionInfo info = require(version);
        PlanFacts facts = withContents(PlanFacts.of(List.of(info)), List.of(info));
        PlanChange change = new PlanChange.Attach(version, position);
        List<FunctionInfo> infos = functions.stream().distinct().map(this::getFunction).toList();
        return AttachPlanner.plan(change.describe(), infos, change, facts);
    }

    @Override
    public AttachPlan planUpgrade(String layer, long toVersion, long fromVersion) {
        String lookup = LayerVersionRef.tryParse(layer).map(LayerVersionRef::layerArn).orElse(layer);
        LayerVersionInfo target;
        try {
            target = LambdaMapping.version(session.lambda().getLayerVersion(b -> b.layerName(lookup)
                    .versionNumber(toVersion)));
        } catch (ResourceNotFoundException e) {
            throw new LayerStudioException("Layer " + layer + " has no version " + toVersion + " in " + region() + ".",
                    "List the versions with 'layers'.", e);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "read version " + toVersion + " of layer " + layer);
        }
        return AttachPlanner.upgrade(listFunctions(), target.ref(), fromVersion,
                withContents(PlanFacts.of(List.of(target)), List.of(target)));
    }

    @Override
    public AttachPlan plan(String description, Map<String, PlanChange> changes) {
        Set<String> arns = new LinkedHashSet<>();
        for (PlanChange c : changes.values()) {
            if (c instanceof PlanChange.Attach a) {
                arns.add(a.version().arn());
            } else if (c instanceof PlanChange.Upgrade u) {
                arns.add(u.to().arn());
            } else if (c instanceof PlanChange.SetLayers s) {
                arns.addAll(s.layers());
            }
        }
        PlanFacts facts = facts(arns);
        List<FunctionPlan> entries = new ArrayList<>();
        changes.forEach((function, change) -> entries.add(AttachPlanner.planFor(getFunction(function), change, facts)));
        return new AttachPlan(description, entries, facts);
    }

    /**
     * The undo plan, checked against each function as it is now: a function whose list was
     * changed again since the update is shown as such and will be left alone.
     */
    @Override
    public AttachPlan undoPlan(List<ApplyResult> results) {
        AttachPlan stored = AttachPlanner.undo(results);
        List<FunctionPlan> entries = new ArrayList<>();
        for (FunctionPlan entry : stored.functions()) {
            FunctionInfo now;
            try {
                String where = entry.function().region();
                now = where == null || where.equals(region()) ? getFunction(entry.functionName()) : entry.function();
            } catch (RuntimeException e) {
                LOG.info("Could not read {} again for undo: {}", entry.functionName(), e.getMessage());
                now = entry.function();
            }
            entries.add(AttachPlanner.recompute(entry, now, stored.facts()));
        }
        return new AttachPlan(stored.description(), entries, stored.facts());
    }

    /**
     * Writes the plan's journal before the first update, records each function's result in it as
     * it comes, and removes it once every result is known; a journal left behind means the apply
     * died part-way ({@link JournalRecovery}).
     */
    @Override
    public List<ApplyResult> apply(AttachPlan plan, ApplyListener listener) {
        if (plan.updates().isEmpty()) {
            return applyPlan(plan, listener);
        }
        ApplyJournals.Open journal = journals.open(region(), plan);
        List<ApplyResult> results = applyPlan(plan, new ApplyListener() {
            @Override
            public void started(FunctionPlan p) {
                listener.started(p);
            }

            @Override
            public void message(FunctionPlan p, String message) {
                listener.message(p, message);
            }

            @Override
            public void finished(ApplyResult result) {
                journal.record(result);
                listener.finished(result);
            }
        });
        journal.close();
        return results;
    }

    private List<ApplyResult> applyPlan(AttachPlan plan, ApplyListener listener) {
        Map<String, AwsSession> others = new ConcurrentHashMap<>();
        try {
            PlanApplier applier = new PlanApplier(region -> {
                if (region == null || region.equals(region())) {
                    return session.lambda();
                }
                return others.computeIfAbsent(region, session::inRegion).lambda();
            }, options);
            return applier.apply(plan, listener);
        } finally {
            others.values().forEach(AwsSession::close);
        }
    }
}
