package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of runtime ids written short for a narrow column: three or more runtimes that follow
 * each other in the runtime table become one range ("python3.9–3.14"), the rest stay as they
 * are ("nodejs22.x, python3.12"), in the table's order. Ids the table does not know come last.
 */
public final class RuntimeRanges {

    private static final int SHORTEST_RANGE = 3;

    private RuntimeRanges() {
    }

    public static String compact(Collection<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        List<String> parts = new ArrayList<>();
        List<String> languages = Runtime.all().stream().map(Runtime::language).distinct().toList();
        for (String language : languages) {
            List<Runtime> family = Runtime.all().stream().filter(r -> r.language().equals(language)).toList();
            List<Runtime> run = new ArrayList<>();
            for (Runtime r : family) {
                if (wanted.remove(r.id())) {
                    run.add(r);
                } else {
                    flush(run, parts);
                }
            }
            flush(run, parts);
        }
        parts.addAll(wanted); // not in the table
        return String.join(", ", parts);
    }

    private static void flush(List<Runtime> run, List<String> parts) {
        if (run.size() >= SHORTEST_RANGE) {
            Runtime first = run.get(0);
            Runtime last = run.get(run.size() - 1);
            parts.add(first.id() + "–" + last.id().substring(commonPrefix(first.id(), last.id())));
        } else {
            run.forEach(r -> parts.add(r.id()));
        }
        run.clear();
    }

    /** The letters of the language's name both ids start with ("python3.9" and "python3.14": "python"). */
    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n) && !Character.isDigit(a.charAt(n))) {
            n++;
        }
        return n;
    }
}
