package dev.layerstudio.model;

import java.util.Locale;

/**
 * Where a layer goes in a function's list. Lambda merges the list in order and the layer
 * merged <em>last</em> wins where two hold the same path, so {@link #LAST} means "takes
 * precedence" and {@link #FIRST} means "can be overridden by every other layer".
 *
 * @param kind  first, last, a 1-based place, or keep (stay where the replaced version was; new layers go last)
 * @param index the 1-based place for {@link Kind#AT}
 */
public record LayerPosition(Kind kind, int index) {

    public enum Kind {
        FIRST, LAST, AT, KEEP
    }

    public static final LayerPosition FIRST = new LayerPosition(Kind.FIRST, 0);
    public static final LayerPosition LAST = new LayerPosition(Kind.LAST, 0);
    public static final LayerPosition KEEP = new LayerPosition(Kind.KEEP, 0);

    public LayerPosition {
        if (kind == Kind.AT && index < 1) {
            throw new LayerStudioException("A layer position counts from 1; " + index + " is not one.");
        }
    }

    /** The 1-based place {@code n}. */
    public static LayerPosition at(int n) {
        return new LayerPosition(Kind.AT, n);
    }

    /** Reads {@code first}, {@code last}, {@code keep} or a number from 1. */
    public static LayerPosition parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "first":
                return FIRST;
            case "last":
                return LAST;
            case "keep":
                return KEEP;
            default:
                try {
                    return at(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new LayerStudioException("'" + text + "' is not a layer position. Use first, last or a"
                            + " number from 1.");
                }
        }
    }

    /**
     * The 0-based index to insert at in a list of {@code size} entries (the list without the layer).
     *
     * @param previous where the layer was before (0-based), or -1 when it is new
     */
    public int resolve(int size, int previous) {
        return switch (kind) {
            case FIRST -> 0;
            case LAST -> size;
            case AT -> Math.min(index - 1, size);
            case KEEP -> previous >= 0 ? Math.min(previous, size) : size;
        };
    }

    @Override
    public String toString() {
        return kind == Kind.AT ? String.valueOf(index) : kind.name().toLowerCase(Locale.ROOT);
    }
}
