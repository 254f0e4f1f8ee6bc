package dev.layerstudio.aws;

import dev.layerstudio.model.ProbeJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Removes what tests in Lambda left behind (the app was killed mid-test, or a delete
 * failed), from their {@link ProbeJournals journals}: each journal's function, temporary
 * layer and created role are deleted in its region, and the journal is removed once
 * nothing of it is left. Only journals of the connected account are touched; there is
 * nothing to decide, since every name belongs to the test alone.
 */
public final class ProbeRecovery {

    /**
     * One journal settled.
     *
     * @param removed  what was deleted (or found already gone)
     * @param failures what could not be deleted, each a sentence; the journal stays for next time
     */
    public record Outcome(ProbeJournal journal, List<String> removed, List<String> failures) {
        public boolean complete() {
            return failures.isEmpty();
        }
    }

    private final ProbeJournals journals;
    private final Function<String, AwsSession> sessionsByRegion;

    /** @param sessionsByRegion a session of the journal's account in a region (called once per journal) */
    public ProbeRecovery(ProbeJournals journals, Function<String, AwsSession> sessionsByRegion) {
        this.journals = journals;
        this.sessionsByRegion = sessionsByRegion;
    }

    /** Journals of tests in {@code account} whose resources may still exist, oldest first. */
    public List<ProbeJournal> unfinished(String account) {
        return journals.unfinished().stream().filter(j -> account == null || account.equals(j.account())).toList();
    }

    /** Deletes what one journal names and removes the journal when nothing is left. */
    public Outcome settle(ProbeJournal journal) {
        ProbeCleanup.Result r = ProbeCleanup.run(sessionsByRegion.apply(journal.region()), journal);
        if (r.complete()) {
            journals.remove(journal.id());
        }
        return new Outcome(journal, r.removed(), r.failures());
    }

    /** {@link #settle} for every unfinished journal of {@code account}. */
    public List<Outcome> settleAll(String account) {
        List<Outcome> out = new ArrayList<>();
        for (ProbeJournal j : unfinished(account)) {
            out.add(settle(j));
        }
        return out;
    }
}
