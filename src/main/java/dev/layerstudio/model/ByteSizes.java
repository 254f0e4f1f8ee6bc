package dev.layerstudio.model;

/**
 * Byte counts as people read them: 1536 → "1.5 KB". Units of 1024, as Lambda counts its
 * limits (262,144,000 bytes is the "250 MB" of the documentation).
 */
public final class ByteSizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 0) {
            return "-" + human(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // as "%.0f" / "%.1f" would round (half up), without a Formatter: tree rows and the
        // treemap call this for every entry they show, on the JavaFX thread
        if (value >= 100) {
            return Math.round(value) + " " + UNITS[unit];
        }
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + tenths % 10 + " " + UNITS[unit];
    }

    /** A change in size with its sign: "+1.5 KB", "-200 B", "±0 B". */
    public static String delta(long bytes) {
        return bytes == 0 ? "±0 B" : bytes > 0 ? "+" + human(bytes) : human(bytes);
    }
}
