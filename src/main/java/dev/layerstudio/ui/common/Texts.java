package dev.layerstudio.ui.common;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Messages of the bundle written in {@link MessageFormat}: those that count things say
 * "1 file" and "3 files" through a choice ({@code {0,choice,1#file|1<files}}), so plurals live
 * in the bundle, not in code. (Most keys are {@code String.format} patterns read with
 * {@code getString}; only keys read here are MessageFormat patterns.)
 */
public final class Texts {

    private final ResourceBundle bundle;

    public Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The message {@code key} with {@code args} put in. */
    public String text(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), java.util.Locale.ROOT).format(args);
    }
}
