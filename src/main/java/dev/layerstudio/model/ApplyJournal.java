package dev.layerstudio.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plan being applied, kept on disk from before the first update is sent until the last
 * function's result is known. If the app or the machine dies in between, the journal is
 * what is left: which functions were to change from which list to which, and which were
 * done. A later start finishes or undoes it (see {@code JournalRecovery}).
 *
 * @param id          unique name of this apply
 * @param description what the plan did, for people
 * @param region      the region the plan was made in
 * @param started     when the apply began
 * @param updated     when the journal was last written
 * @param entries     one per function the plan would update, in plan order
 */
public record ApplyJournal(String id, String description, String region, Instant started, Instant updated,
                           List<Entry> entries) {

    /**
     * One function of the plan.
     *
     * @param function   function name
     * @param arn        function ARN, when known
     * @param region     the function's region (null: the journal's)
     * @param revisionId the RevisionId the update was planned at
     * @param before     its list before the update
     * @param after      the list the update sets
     * @param outcome    null while its result is not known; then what happened
     * @param message    the result's sentence, or null
     */
    public record Entry(String function, String arn, String region, String revisionId, List<String> before,
                        List<String> after, ApplyResult.Outcome outcome, String message) {

        public Entry {
            Objects.requireNonNull(function, "function");
            before = before == null ? List.of() : List.copyOf(before);
            after = after == null ? List.of() : List.copyOf(after);
        }

        public static Entry pending(FunctionPlan plan) {
            FunctionInfo f = plan.function();
            return new Entry(f.name(), f.arn(), f.region(), f.revisionId(), plan.before(), plan.after(), null, null);
        }

        /** Whether the result of this function is known. */
        public boolean done() {
            return outcome != null;
        }

        /** The entry once its result is known; a re-planned update keeps the lists it really used. */
        public Entry with(ApplyResult result) {
            boolean updated = result.outcome() == ApplyResult.Outcome.UPDATED;
            return new Entry(function, arn, region, revisionId, updated ? result.before() : before,
                    updated ? result.after() : after, result.outcome(), result.message());
        }

        /** Whether this entry names the same function as {@code result}. */
        public boolean matches(ApplyResult result) {
            return function.equals(result.functionName())
                    && Objects.equals(region, result.region());
        }
    }

    public ApplyJournal {
        Objects.requireNonNull(id, "id");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** A journal for a plan about to be applied: every function it would update, none done. */
    public static ApplyJournal start(String id, String region, AttachPlan plan, Instant now) {
        return new ApplyJournal(id, plan.description(), region, now, now,
                plan.updates().stream().map(Entry::pending).toList());
    }

    /** The journal with one function's result recorded. */
    public ApplyJournal with(ApplyResult result, Instant now) {
        List<Entry> list = new ArrayList<>(entries);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).matches(result)) {
                list.set(i, list.get(i).with(result));
                return new ApplyJournal(id, description, region, started, now, list);
            }
        }
        return this;
    }

    public long doneCount() {
        return entries.stream().filter(Entry::done).count();
    }

    /** Whether every function's result is known. */
    public boolean complete() {
        return doneCount() == entries.size();
    }
}
