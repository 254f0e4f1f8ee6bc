package dev.layerstudio.ui.common;

import java.util.Locale;

/** Human-readable numbers for the UI. */
public final class Formats {

    private Formats() {
    }

    /**
     * 1536 → "1.5 KB". Units of 1024, as Lambda counts its limits: 262,144,000 bytes
     * is the "250 MB" of the documentation.
     */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "—";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
