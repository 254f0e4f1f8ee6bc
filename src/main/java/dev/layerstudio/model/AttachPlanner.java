package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes attach plans: pure functions from a function's current configuration and a
 * change to the complete new layer list, with flags. Every layer the change does not name
 * stays, in its order, because Lambda replaces the whole list on update.
 */
public final class AttachPlanner {

    private AttachPlanner() {
    }

    /** One plan entry per function, all with the same change. */
    public static AttachPlan plan(String description, Collection<FunctionInfo> functions, PlanChange change,
                                  PlanFacts facts) {
        return new AttachPlan(description, functions.stream().map(f -> planFor(f, change, facts)).toList(), facts);
    }

    /**
     * Every function that is on {@code to}'s layer (on {@code fromVersion}, or any other
     * version when it is 0) moved to {@code to}, in place. Functions not on the layer are
     * left out of the plan.
     */
    public static AttachPlan upgrade(Collection<FunctionInfo> functions, LayerVersionRef to, long fromVersion,
                                     PlanFacts facts) {
        PlanChange change = new PlanChange.Upgrade(to, fromVersion);
        List<FunctionPlan> entries = functions.stream()
                .filter(f -> f.layerArns().stream().map(LayerVersionRef::tryParse).flatMap(Optional::stream)
                        .anyMatch(r -> r.sameLayer(to) && (fromVersion <= 0 || r.version() == fromVersion)))
                .map(f -> planFor(f, change, facts))
                .toList();
        return new AttachPlan(change.describe(), entries, facts);
    }

    /** The plan for one function. */
    public static FunctionPlan planFor(FunctionInfo function, PlanChange change, PlanFacts facts) {
        List<String> before = function.layerArns();
        List<PlanFlag> flags = new ArrayList<>();
        List<String> after;
        if (change instanceof PlanChange.SetLayers set && set.expectedBefore() != null
                && !set.expectedBefore().equals(before)) {
            after = before;
            flags.add(PlanFlag.error(PlanFlag.Kind.CHANGED_SINCE, function.name()
                    + "'s layers were changed by someone else since; they are left as they are now.", null));
        } else {
            after = apply(before, change);
        }
        if (!before.equals(after)) {
            flags.addAll(check(function, before, after, facts));
        }
        if (facts.allowsIncompatible(function)) {
            flags.replaceAll(PlanFlag::override);
        }
        return new FunctionPlan(function, change, before, after, flags, unzippedTotal(function, after, facts));
    }

    /**
     * The same plan with the user's choice of functions to change although they are
     * incompatible (names or ARNs; {@link PlanFacts#ALL} for every one). Only
     * {@link PlanFlag.Severity#INCOMPATIBLE} flags give way; limits Lambda enforces never do.
     */
    public static AttachPlan allowIncompatible(AttachPlan plan, Set<String> functions) {
        PlanFacts facts = plan.facts().withAllowIncompatible(functions);
        return new AttachPlan(plan.description(), plan.functions().stream()
                .map(p -> planFor(p.function(), p.change(), facts)).toList(), facts);
    }

    /** The same change recomputed against a fresh read of the function (after a 412). */
    public static FunctionPlan recompute(FunctionPlan previous, FunctionInfo fresh, PlanFacts facts) {
        return planFor(fresh, previous.change(), facts);
    }

    /**
     * The plan that puts back every function that the results show as updated: each gets its
     * previous list again, but only if its list is still the one the update set.
     */
    public static AttachPlan undo(Collection<ApplyResult> results) {
        List<FunctionPlan> entries = new ArrayList<>();
        for (ApplyResult r : results) {
            if (r.outcome() != ApplyResult.Outcome.UPDATED || r.current() == null) {
                continue;
            }
            PlanChange restore = new PlanChange.SetLayers(r.after(), r.before());
            entries.add(planFor(r.current(), restore, PlanFacts.none()));
        }
        return new AttachPlan("undo", entries, PlanFacts.none());
    }

    /** The new list: {@code before} with the change made and nothing else touched. */
    public static List<String> apply(List<String> before, PlanChange change) {
        if (change instanceof PlanChange.Attach a) {
            return place(before, a.version(), a.version().arn(), a.position());
        }
        if (change instanceof PlanChange.Move m) {
            int at = indexOfLayer(before, m.layer());
            if (at < 0) {
                return before;
            }
            return place(before, m.layer(), before.get(at), m.position());
        }
        if (change instanceof PlanChange.Detach d) {
            return before.stream().filter(arn -> !matches(arn, d.layer())).toList();
        }
        if (change instanceof PlanChange.Upgrade u) {
            List<String> out = new ArrayList<>(before.size());
            for (String arn : before) {
                Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(arn);
                boolean hit = ref.isPresent() && ref.get().sameLayer(u.to())
                        && (u.fromVersion() <= 0 || ref.get().version() == u.fromVersion());
                out.add(hit ? u.to().arn() : arn);
            }
            return dedupe(out);
        }
        if (change instanceof PlanChange.SetLayers s) {
            return s.layers();
        }
        throw new IllegalArgumentException("Unknown change " + change);
    }

    private static List<String> place(List<String> before, LayerVersionRef layer, String entry,
                                      LayerPosition position) {
        int previous = indexOfLayer(before, layer);
        List<String> rest = new ArrayList<>();
        for (String arn : before) {
            if (!sameLayer(arn, layer)) {
                rest.add(arn);
            }
        }
        int at = position.resolve(rest.size(), previous);
        rest.add(at, entry);
        return List.copyOf(rest);
    }

    private static List<String> dedupe(List<String> list) {
        Set<String> seen = new HashSet<>();
        return list.stream().filter(seen::add).toList();
    }

    private static int indexOfLayer(List<String> list, LayerVersionRef layer) {
        for (int i = 0; i < list.size(); i++) {
            if (sameLayer(list.get(i), layer)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameLayer(String arn, LayerVersionRef layer) {
        return LayerVersionRef.tryParse(arn).map(r -> r.sameLayer(layer)).orElse(arn.equals(layer.arn()));
    }

    private static boolean matches(String arn, LayerVersionRef layer) {
        if (!layer.isVersioned()) {
            return sameLayer(arn, layer);
        }
        return arn.equals(layer.arn());
    }

    private static List<PlanFlag> check(FunctionInfo function, List<String> before, List<String> after,
                                        PlanFacts facts) {
        List<PlanFlag> flags = new ArrayList<>();
        Limits limits = facts.limits();
        if (function.isImage() && !after.isEmpty()) {
            flags.add(PlanFlag.error(PlanFlag.Kind.IMAGE_FUNCTION, function.name()
                    + " is a container image; such functions cannot use layers.", null));
        }
        Optional<Runtime> runtime = function.runtime() == null ? Optional.empty() : Runtime.fromId(function.runtime());
        if (runtime.isPresent() && runtime.get().support(facts.today()) == Runtime.Support.UPDATE_BLOCKED) {
            flags.add(PlanFlag.error(PlanFlag.Kind.RUNTIME_UPDATE_BLOCKED, runtime.get().supportNote(facts.today())
                    .orElse(function.runtime() + " is past its block-update date.") + " Lambda refuses to update "
                    + function.name() + "; move it to a newer runtime first.", null));
        } else if (runtime.isPresent() && runtime.get().isDeprecated(facts.today())) {
            flags.add(PlanFlag.notice(PlanFlag.Kind.RUNTIME_DEPRECATED, runtime.get().supportNote(facts.today())
                    .orElse(function.runtime() + " is deprecated."), null));
        }
        if (after.size() > limits.maxLayersPerFunction()) {
            flags.add(PlanFlag.error(PlanFlag.Kind.TOO_MANY_LAYERS, function.name() + " would have " + after.size()
                    + " layers; a function may have at most " + limits.maxLayersPerFunction() + ".", null));
        }
        Set<String> layersSeen = new HashSet<>();
        for (String arn : after) {
            Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(arn);
            boolean isNew = !before.contains(arn);
            if (ref.isEmpty() || !ref.get().isVersioned()) {
                if (isNew) {
                    flags.add(PlanFlag.error(PlanFlag.Kind.NOT_VERSIONED, "'" + arn
                            + "' is not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION).",
                            arn));
                }
                continue;
            }
            LayerVersionRef r = ref.get();
            if (!layersSeen.add(r.layerArn())) {
                flags.add(PlanFlag.error(PlanFlag.Kind.DUPLICATE_LAYER, function.name()
                        + " would have two versions of layer " + r.name() + ".", arn));
            }
            if (!isNew) {
                continue;
            }
            if (function.region() != null && !function.region().equals(r.region())) {
                flags.add(PlanFlag.error(PlanFlag.Kind.OTHER_REGION, r.name() + ":" + r.version() + " is in "
                        + r.region() + " but " + function.name() + " runs in " + function.region()
                        + "; a function can only use layers of its own region.", arn));
            }
            flags.addAll(CompatibilityVerdict.newLayer(function, r, facts));
        }
        long known = knownUnzipped(function, after, facts);
        if (known > limits.unzippedTotalBytes()) {
            boolean all = unzippedTotal(function, after, facts) != null;
            flags.add(PlanFlag.error(PlanFlag.Kind.UNZIPPED_TOO_LARGE, function.name() + "'s code and layers come to "
                    + (all ? "" : "at least ") + megabytes(known) + " unzipped; the limit is "
                    + megabytes(limits.unzippedTotalBytes()) + ".", null));
        }
        return flags;
    }

    private static Long unzippedTotal(FunctionInfo function, List<String> after, PlanFacts facts) {
        Long code = codeBytes(function, facts);
        if (code == null) {
            return null;
        }
        long total = code;
        for (String arn : after) {
            Long bytes = facts.layerUnzippedBytes().get(arn);
            if (bytes == null) {
                return null;
            }
            total += bytes;
        }
        return total;
    }

    /** What is known for sure: a code zip's size is a floor for its unzipped size. */
    private static long knownUnzipped(FunctionInfo function, List<String> after, PlanFacts facts) {
        Long code = codeBytes(function, facts);
        long total = code == null ? Math.max(0, function.codeSize()) : code;
        for (String arn : after) {
            total += facts.layerUnzippedBytes().getOrDefault(arn, 0L);
        }
        return total;
    }

    private static Long codeBytes(FunctionInfo function, PlanFacts facts) {
        Long bytes = function.arn() == null ? null : facts.functionCodeUnzippedBytes().get(function.arn());
        return bytes != null ? bytes : facts.functionCodeUnzippedBytes().get(function.name());
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
