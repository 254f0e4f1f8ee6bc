package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A description proposed for a new version: what changed since the latest one, as
 * {@code requests 2.32.3 → 2.32.4; + numpy 2.2.6; - six 1.16.0}, within Lambda's 256 characters.
 */
public final class ChangeSummary {

    /** Lambda's limit for a layer version's description. */
    public static final int MAX_LENGTH = 256;

    private ChangeSummary() {
    }

    /** The proposal, or an empty string when nothing a person would name changed. */
    public static String of(LayerDiff diff) {
        List<String> parts = new ArrayList<>();
        for (PackageChange p : diff.packages()) {
            String part = switch (p.change()) {
                case ADDED -> "+ " + p.name() + version(p.newVersion());
                case REMOVED -> "- " + p.name() + version(p.oldVersion());
                default -> p.oldVersion() != null && p.newVersion() != null && !p.oldVersion().equals(p.newVersion())
                        ? p.name() + " " + p.oldVersion() + " → " + p.newVersion()
                        : p.name() + " changed";
            };
            parts.add(part);
        }
        if (parts.isEmpty() && !diff.files().isEmpty()) {
            parts.add(diff.files().size() + " file" + (diff.files().size() == 1 ? "" : "s") + " changed");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String next = (out.length() == 0 ? "" : "; ") + parts.get(i);
            String rest = "; and " + (parts.size() - i) + " more";
            if (out.length() + next.length() > MAX_LENGTH
                    || i < parts.size() - 1 && out.length() + next.length() + rest.length() > MAX_LENGTH) {
                out.append(rest);
                break;
            }
            out.append(next);
        }
        return out.toString();
    }

    private static String version(String v) {
        return v == null || v.isBlank() ? "" : " " + v;
    }
}
