package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an upgrade plan into waves. Pure: the functions' tags are passed in.
 *
 * <p>Each function goes into the first wave whose selector matches it. Functions no selector
 * matches form a last wave, {@link Wave#REST}: a staged upgrade still reaches every function
 * the plain upgrade would, and stopping after any wave leaves the rest where they are. A
 * selector that chooses no function to change makes no wave; it is listed in
 * {@link RolloutPlan#emptySelectors()} so a typo is seen rather than silently skipped.
 */
public final class Waves {

    private Waves() {
    }

    /**
     * @param plan      the upgrade of every function on the layer ({@link AttachPlanner#upgrade})
     * @param selectors the waves in order
     * @param tags      function name to its tags; a function missing here has none
     */
    public static RolloutPlan split(LayerVersionRef target, long fromVersion, AttachPlan plan,
                                    List<WaveSelector> selectors, Map<String, Map<String, String>> tags) {
        Set<String> taken = new HashSet<>();
        List<Wave> waves = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (WaveSelector selector : selectors) {
            List<FunctionPlan> chosen = new ArrayList<>();
            for (FunctionPlan entry : plan.functions()) {
                String name = entry.functionName();
                if (!taken.contains(name) && selector.matches(name, tags.getOrDefault(name, Map.of()))) {
                    chosen.add(entry);
                }
            }
            if (worthAWave(chosen)) {
                chosen.forEach(e -> taken.add(e.functionName()));
                waves.add(wave(waves.size() + 1, selector.describe(), plan, chosen));
            } else {
                empty.add(selector.describe());
            }
        }
        List<FunctionPlan> rest = plan.functions().stream().filter(e -> !taken.contains(e.functionName())).toList();
        if (worthAWave(rest)) {
            waves.add(wave(waves.size() + 1, Wave.REST, plan, rest));
        }
        return new RolloutPlan(target, selectors.stream().map(WaveSelector::describe).toList(), fromVersion, waves,
                empty);
    }

    /** The entries of a fresh plan that belong to a recorded wave, and the recorded names it no longer has. */
    public static Wave recorded(int number, String label, List<String> functions, AttachPlan fresh) {
        List<FunctionPlan> chosen = fresh.functions().stream().filter(e -> functions.contains(e.functionName()))
                .toList();
        Set<String> found = new HashSet<>();
        chosen.forEach(e -> found.add(e.functionName()));
        List<String> gone = functions.stream().filter(n -> !found.contains(n)).toList();
        return new Wave(number, label, new AttachPlan(describe(fresh, label), chosen, fresh.facts()), gone);
    }

    private static boolean worthAWave(List<FunctionPlan> entries) {
        return entries.stream().anyMatch(e -> e.changed() || e.blocked());
    }

    private static Wave wave(int number, String label, AttachPlan plan, List<FunctionPlan> entries) {
        return new Wave(number, label, new AttachPlan(describe(plan, label), entries, plan.facts()), List.of());
    }

    private static String describe(AttachPlan plan, String label) {
        return plan.description() + " (" + label + ")";
    }
}
