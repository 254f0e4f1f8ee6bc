package dev.layerstudio.model;

import java.util.Locale;

/**
 * Byte counts as people read them: 1536 → "1.5 KB". Units of 1024, as Lambda counts its
 * limits (262,144,000 bytes is the "250 MB" of the documentation).
 */
public final class ByteSizes {

    private ByteSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 0) {
            return "-" + human(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    /** A change in size with its sign: "+1.5 KB", "-200 B", "±0 B". */
    public static String delta(long bytes) {
        return bytes == 0 ? "±0 B" : bytes > 0 ? "+" + human(bytes) : human(bytes);
    }
}
