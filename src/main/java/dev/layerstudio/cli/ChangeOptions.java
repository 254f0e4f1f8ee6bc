package dev.layerstudio.cli;

import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanFacts;
import dev.layerstudio.model.PlanFlag;
import java.io.Console;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options every command that changes functions shares: which incompatible functions to
 * change anyway, and the one confirmation that warnings need. The defaults are the window's:
 * incompatible functions are left alone, warnings are asked about.
 */
final class ChangeOptions {

    @Option(names = "--allow-incompatible", split = ",", paramLabel = "FUNCTION|all",
            description = "Change these functions although the layer cannot run on them (native code for another"
                    + " processor or Python, or declared for another architecture); 'all' for every one."
                    + " Lambda's own limits (5 layers, 250 MB) are never overridden.")
    List<String> allowIncompatible = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Apply although some functions have warnings (asked"
            + " otherwise when a terminal is attached; without one, nothing with a warning is applied).")
    boolean yes;

    /** The plan with the user's choice of incompatible functions to change anyway. */
    AttachPlan apply(AttachPlan plan) {
        if (allowIncompatible.isEmpty()) {
            return plan;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : allowIncompatible) {
            String n = name.trim();
            names.add(n.equalsIgnoreCase("all") ? PlanFacts.ALL : n);
        }
        return AttachPlanner.allowIncompatible(plan, names);
    }

    /**
     * Whether the plan may be applied: it has nothing to confirm, or --yes was given, or the
     * person at the terminal said yes. Says why not otherwise.
     */
    boolean confirmed(Output out, AttachPlan plan) {
        List<FunctionPlan> toConfirm = plan.toConfirm();
        if (toConfirm.isEmpty() || yes) {
            return true;
        }
        Console console = System.console();
        String who = toConfirm.size() == 1 ? toConfirm.get(0).functionName()
                : toConfirm.size() + " functions";
        if (console != null && !out.json()) {
            String answer = console.readLine("Apply to %s despite the warnings above? [y/N] ", who);
            if (answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                return true;
            }
            out.line("Nothing was changed.");
            return false;
        }
        out.line("Nothing was changed: %s %s warnings to confirm (%s). Run again with --yes to apply.", who,
                toConfirm.size() == 1 ? "has" : "have", String.join("; ", toConfirm.stream()
                        .flatMap(p -> p.toConfirm().stream()).map(PlanFlag::kind).distinct()
                        .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()));
        return false;
    }
}
