package dev.layerstudio.aws;

import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFacts;
import dev.layerstudio.model.UsageReport;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Functions in one region and their layer lists: read them, plan changes, apply plans
 * safely (whole list with RevisionId, waiting for each update), undo.
 *
 * <p>The flow for a wizard or a command: {@code plan...} → show each
 * {@link dev.layerstudio.model.FunctionPlan}'s before/after and flags →
 * {@link #apply(AttachPlan, ApplyListener)} → per-function results →
 * {@link #undoPlan(List)} → apply that to put everything back.
 */
public interface FunctionService {

    String region();

    /** Every function of the region (all pages) with its layers and RevisionId. */
    List<FunctionInfo> listFunctions();

    /** One function, freshly read (name or ARN). */
    FunctionInfo getFunction(String function);

    /**
     * The tags of each function (ListTags per function, a few at a time), by function name.
     * Fails with one sentence when a function's tags cannot be read.
     */
    Map<String, Map<String, String>> tags(Collection<FunctionInfo> functions);

    /** Which functions use a layer (name, layer ARN or version ARN) in the given regions (empty: this one). */
    UsageReport usage(String layer, List<String> regions);

    /** What is known about these layer versions (compatible runtimes, architectures), for plan flags. */
    PlanFacts facts(Collection<String> layerVersionArns);

    /** Attach (or replace the other version of the same layer with) one version on each function. */
    AttachPlan planAttach(LayerVersionRef version, List<String> functions, LayerPosition position);

    /**
     * Every function of the region on {@code layer} (any version, or {@code fromVersion} when above 0)
     * moved to {@code toVersion}, as one plan.
     */
    AttachPlan planUpgrade(String layer, long toVersion, long fromVersion);

    /** A change per function (an edited stack, a removal, a move ...), as one plan. */
    AttachPlan plan(String description, Map<String, PlanChange> changes);

    /** Applies every update of the plan, a few functions at a time, and reports each. */
    List<ApplyResult> apply(AttachPlan plan, ApplyListener listener);

    /** The plan that restores the previous list of every function the results show as updated. */
    default AttachPlan undoPlan(List<ApplyResult> results) {
        return AttachPlanner.undo(results);
    }
}
