package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.aws.ProbeRecovery;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ProbeJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of {@code recover} for tests in Lambda ({@code test-in-lambda}, the window's Test
 * in Lambda) that a killed run left behind: their function, temporary layer and role are
 * deleted at once, since they are the test's own and nothing is to be decided.
 */
final class ProbeLeftovers {

    private ProbeLeftovers() {
    }

    /** Removes what journalled tests of the connected account left, prints a line each; returns one document each. */
    static List<Object> remove(GlobalOptions options, Output out) {
        ProbeJournals journals = ProbeJournals.inData(AppDirs.current());
        List<ProbeJournal> all = journals.unfinished();
        List<Object> docs = new ArrayList<>();
        if (all.isEmpty()) {
            return docs;
        }
        Map<String, AwsSession> sessions = new LinkedHashMap<>();
        try {
            String account = session(options, sessions, all.get(0).region()).whoAmI().accountId();
            ProbeRecovery recovery = new ProbeRecovery(journals, region -> session(options, sessions, region));
            for (ProbeJournal j : all) {
                if (!account.equals(j.account())) {
                    out.line("A test in Lambda of account %s (started %s) left %s; connect to that account and run"
                            + " 'recover' to remove it.", j.account(), j.started(), String.join(", ", j.resources()));
                    continue;
                }
                ProbeRecovery.Outcome o = recovery.settle(j);
                out.line(o.complete() ? "Removed what a test in Lambda started %s left in %s: %s."
                        : "Could not remove all that a test in Lambda started %s left in %s (%s): "
                        + String.join(" ", o.failures()), j.started(), j.region(), String.join(", ", j.resources()));
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", j.id());
                doc.put("region", j.region());
                doc.put("started", j.started());
                doc.put("removed", o.removed());
                doc.put("failures", o.failures());
                docs.add(doc);
            }
        } finally {
            sessions.values().forEach(AwsSession::close);
        }
        return docs;
    }

    private static AwsSession session(GlobalOptions options, Map<String, AwsSession> sessions, String region) {
        return sessions.computeIfAbsent(region,
                r -> options.connector().connect(options.profile(), r, options.endpoint()));
    }
}
