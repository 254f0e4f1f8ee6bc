package dev.layerstudio.ui.attach;

import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.LayerVersionInfo;
import java.util.List;

/**
 * What the wizard's last step comes to, shown by Finish: the version attached, and each
 * function's layer list before and after the last apply (or that it was put back by Undo).
 *
 * @param versionArn   the version's ARN
 * @param versionLabel {@code name:version}
 * @param functions    one entry per function the apply reported on
 * @param undone       whether Undo put the updated functions back since
 */
public record FinishSummary(String versionArn, String versionLabel, List<Entry> functions, boolean undone) {

    /**
     * @param function the function's name
     * @param before   its list before the apply
     * @param after    its list now (the new one when updated; else the one it kept)
     * @param outcome  what the apply did
     * @param message  the applier's sentence (why it was left alone, ...)
     */
    public record Entry(String function, List<String> before, List<String> after, ApplyResult.Outcome outcome,
                        String message) {
        public Entry {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    public FinishSummary {
        functions = List.copyOf(functions);
    }

    static FinishSummary of(LayerVersionInfo version, List<ApplyResult> results, boolean undone) {
        List<Entry> entries = results.stream().map(r -> new Entry(r.functionName(), r.before(),
                r.outcome() == ApplyResult.Outcome.UPDATED && !undone ? r.after() : r.before(), r.outcome(),
                r.message() == null ? "" : r.message())).toList();
        return new FinishSummary(version == null ? "" : version.arn(),
                version == null ? "" : version.name() + ":" + version.version(), entries, undone);
    }

    /** How many functions now have the new list. */
    public long updated() {
        return undone ? 0 : functions.stream().filter(e -> e.outcome() == ApplyResult.Outcome.UPDATED).count();
    }
}
