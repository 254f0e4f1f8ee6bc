package dev.layerstudio.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Sentences with counts ("1 function", "3 functions"): the bundle's text is a
 * {@link MessageFormat} pattern whose counts choose their words, e.g.
 * {@code {0,choice,0#no layers|1#1 layer|1<{0,number,integer} layers}}.
 */
public final class Plurals {

    private Plurals() {
    }

    /** The bundle's pattern {@code key} with {@code args} put in. */
    public static String format(ResourceBundle text, String key, Object... args) {
        return new MessageFormat(text.getString(key), Locale.ENGLISH).format(args);
    }
}
