package dev.layerstudio.build;

import java.util.ArrayList;
import java.util.List;

/**
 * What one input file asks to install, in the shape pip and uv both read: requirement
 * lines, each with its environment marker and hashes where the file has them.
 *
 * @param file      the file's name, for the summary ("poetry.lock")
 * @param pinned    whether every requirement is an exact version (a lock) rather than a range
 * @param groups    the groups read ("main", "dev" ...)
 */
record InputRead(String file, boolean pinned, List<Item> items, List<String> groups) {

    /**
     * One requirement: {@code six==1.17.0}, or as declared ({@code requests>=2,<3}).
     *
     * @param marker an environment marker without the leading {@code ;}, or null
     * @param hashes {@code sha256:...} values; empty when the file has none
     */
    record Item(String requirement, String marker, List<String> hashes) {

        Item {
            hashes = List.copyOf(hashes);
        }

        /** The line of a requirements file: {@code six==1.17.0 ; python_version >= "3" --hash=sha256:...}. */
        String line() {
            StringBuilder b = new StringBuilder(requirement);
            if (marker != null && !marker.isBlank()) {
                b.append(" ; ").append(marker);
            }
            for (String h : hashes) {
                b.append(" --hash=").append(h);
            }
            return b.toString();
        }
    }

    InputRead {
        items = List.copyOf(items);
        groups = List.copyOf(groups);
    }

    /** The requirements file pip or uv is given for this input. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("# " + summary());
        for (Item i : items) {
            out.add(i.line());
        }
        return out;
    }

    /** "poetry.lock: 23 packages pinned, group main" or "pyproject.toml: 3 requirements, groups main, extra". */
    String summary() {
        int n = items.size();
        String what = pinned ? n + (n == 1 ? " package pinned" : " packages pinned")
                : n + (n == 1 ? " requirement" : " requirements");
        boolean hashed = !items.isEmpty() && items.stream().allMatch(i -> !i.hashes().isEmpty());
        return file + ": " + what + (hashed ? " with hashes" : "") + ", group" + (groups.size() == 1 ? " " : "s ")
                + String.join(", ", groups);
    }
}
