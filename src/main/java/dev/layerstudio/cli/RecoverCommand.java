package dev.layerstudio.cli;

import dev.layerstudio.aws.ApplyJournals;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.JournalRecovery;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ApplyJournal;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.LayerStudioException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recover [--finish|--undo] [--id ID]}: applies that died part-way, listed, finished or undone. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Changes to functions that stopped part-way (the app or the computer died).",
            "Without options, lists them. --finish gives the remaining functions their new layers; --undo gives"
                + " the functions already changed their old layers back. A function changed by someone else"
                + " since is left alone.",
            "What a killed test in Lambda left behind (its probe function, temporary layer and role) is removed."})
public final class RecoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--finish", description = "Apply the remaining functions of each unfinished change.")
    boolean finish;

    @Option(names = "--undo", description = "Restore the previous layers of the functions already changed.")
    boolean undo;

    @Option(names = "--id", paramLabel = "ID", description = "Only this unfinished change (as listed).")
    String id;

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Override
    public Integer call() {
        if (finish && undo) {
            throw new LayerStudioException("Choose one of --finish and --undo.");
        }
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        Map<String, AwsSession> sessions = new LinkedHashMap<>();
        try {
            JournalRecovery recovery = new JournalRecovery(ApplyJournals.inData(AppDirs.current()),
                    region -> service(options, sessions, region));
            List<ApplyJournal> journals = recovery.unfinished().stream()
                    .filter(j -> id == null || j.id().equals(id)).toList();
            if (id != null && journals.isEmpty()) {
                throw new LayerStudioException("There is no unfinished change " + id + ".",
                        "Run 'recover' to list them.", null);
            }
            List<Object> probes = ProbeLeftovers.remove(options, out); // what killed tests in Lambda left
            List<Object> docs = new ArrayList<>();
            boolean allOk = true;
            if (journals.isEmpty()) {
                out.line("No unfinished changes.");
            }
            for (ApplyJournal j : journals) {
                out.line("%s: %s in %s, started %s; %d of %d function(s) done", j.id(), j.description(),
                        j.region(), j.started(), j.doneCount(), j.entries().size());
                for (ApplyJournal.Entry e : j.entries()) {
                    out.line("  %-9s %s", e.done() ? e.outcome().name().toLowerCase(Locale.ROOT) : "not done",
                            e.function());
                    out.line("    before: %s", Views.stack(e.before()));
                    out.line("    after:  %s", Views.stack(e.after()));
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", j.id());
                doc.put("description", j.description());
                doc.put("region", j.region());
                doc.put("started", j.started());
                doc.put("entries", j.entries());
                if (finish || undo) {
                    Map<String, AttachPlan> plans = finish ? recovery.finishPlan(j) : recovery.undoPlan(j);
                    plans.replaceAll((region, p) -> change.apply(p));
                    plans.values().forEach(p -> Views.printPlan(out, p));
                    if (!plans.values().stream().allMatch(p -> change.confirmed(out, p))) {
                        allOk = false;
                        docs.add(doc);
                        continue;
                    }
                    List<ApplyResult> results = recovery.settle(j, plans, ApplyListener.NONE);
                    out.line("Results:");
                    Views.printResults(out, results);
                    allOk &= results.stream().allMatch(ApplyResult::ok);
                    doc.put("results", results.stream().map(Views::result).toList());
                }
                docs.add(doc);
            }
            if (!journals.isEmpty() && !finish && !undo) {
                out.line("Run 'recover --finish' or 'recover --undo' to settle them.");
            }
            out.document(Map.of("unfinished", docs, "probes", probes));
            return allOk ? 0 : FailureHandler.FAILED;
        } finally {
            sessions.values().forEach(AwsSession::close);
        }
    }

    private static FunctionService service(GlobalOptions options, Map<String, AwsSession> sessions, String region) {
        AwsSession session = sessions.computeIfAbsent(region,
                r -> options.connector().connect(options.profile(), r, options.endpoint()));
        return options.functions(session);
    }
}
