package dev.layerstudio.aws;

import dev.layerstudio.model.ApplyJournal;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settles applies that died part-way, from their journals ({@link ApplyJournals}).
 *
 * <p>Each function is read again and judged by its list as it is now, not by the journal's
 * marks alone (an update may have been sent just before the end): on the planned new list it
 * is done; on the old list it is not; on any other list someone else changed it, and it is
 * left alone. Then either
 * <ul>
 *   <li>{@link #finishPlan finish}: the functions not done get their new list, or</li>
 *   <li>{@link #undoPlan undo}: the functions done get their old list back,</li>
 * </ul>
 * each update guarded by the RevisionId just read and the list it expects, through the same
 * {@link FunctionService#apply} (itself journalled). The old journal is removed once that
 * apply has returned.
 *
 * <p>For the window: at start, {@link #unfinished()}; for each journal show its description,
 * {@code doneCount()} of {@code entries().size()} and offer Finish / Undo / Later; then
 * {@link #finishPlan} or {@link #undoPlan} to show the plan, {@link #settle} to apply it.
 */
public final class JournalRecovery {

    private final ApplyJournals journals;
    private final Function<String, FunctionService> servicesByRegion;

    /**
     * @param servicesByRegion the function service of a region (called once per region a journal names)
     */
    public JournalRecovery(ApplyJournals journals, Function<String, FunctionService> servicesByRegion) {
        this.journals = journals;
        this.servicesByRegion = servicesByRegion;
    }

    /** Journals of applies that did not finish, oldest first. */
    public List<ApplyJournal> unfinished() {
        return journals.unfinished();
    }

    /** The plan that gives every function of the journal not yet on its new list that list. */
    public Map<String, AttachPlan> finishPlan(ApplyJournal journal) {
        return plans(journal, "finish " + journal.description(), true);
    }

    /** The plan that gives every function of the journal already on its new list its old list back. */
    public Map<String, AttachPlan> undoPlan(ApplyJournal journal) {
        return plans(journal, "undo " + journal.description(), false);
    }

    /**
     * Applies the plans ({@link #finishPlan} or {@link #undoPlan}), region by region, and
     * removes the journal when every result is known.
     */
    public List<ApplyResult> settle(ApplyJournal journal, Map<String, AttachPlan> plans, ApplyListener listener) {
        List<ApplyResult> results = new ArrayList<>();
        plans.forEach((region, plan) -> results.addAll(servicesByRegion.apply(region).apply(plan, listener)));
        if (!Thread.currentThread().isInterrupted()) {
            journals.remove(journal.id());
        }
        return results;
    }

    /** Removes a journal without changing anything (the user settled it by hand). */
    public void discard(ApplyJournal journal) {
        journals.remove(journal.id());
    }

    /**
     * Finishing gives functions layer versions they do not run yet, so those plans are judged by
     * the compatibility verdict like any attach (facts read once per region); undoing puts back
     * lists the functions ran before, and is checked only against Lambda's own limits.
     */
    private Map<String, AttachPlan> plans(ApplyJournal journal, String description, boolean forward) {
        Map<String, List<ApplyJournal.Entry>> entriesByRegion = new LinkedHashMap<>();
        for (ApplyJournal.Entry e : journal.entries()) {
            String region = e.region() != null ? e.region() : journal.region();
            entriesByRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(e);
        }
        Map<String, AttachPlan> out = new LinkedHashMap<>();
        entriesByRegion.forEach((region, entries) -> {
            FunctionService service = servicesByRegion.apply(region);
            PlanFacts facts = forward ? service.facts(entries.stream().flatMap(e -> e.after().stream())
                    .collect(Collectors.toCollection(LinkedHashSet::new))) : PlanFacts.none();
            List<FunctionPlan> plans = new ArrayList<>();
            for (ApplyJournal.Entry e : entries) {
                FunctionInfo now = service.getFunction(e.function());
                List<String> current = now.layerArns();
                PlanChange change;
                if (forward) {
                    // already on the new list: nothing to send; else only from the old list
                    change = new PlanChange.SetLayers(current.equals(e.after()) ? e.after() : e.before(), e.after());
                } else {
                    change = new PlanChange.SetLayers(current.equals(e.before()) ? e.before() : e.after(),
                            e.before());
                }
                plans.add(AttachPlanner.planFor(now, change, facts));
            }
            out.put(region, new AttachPlan(description, plans, facts));
        });
        return out;
    }
}
