package dev.layerstudio.ui.common;

import java.util.List;

/**
 * A question a view model needs answered before it changes something: its page shows it (see
 * {@link ConfirmDialog}) and runs {@code onYes} only when the user confirms.
 *
 * @param title  the dialog's title
 * @param header one sentence: what will happen
 * @param lines  what to look at first
 * @param notes  what will be left as it is, and why
 * @param yes    the confirming button's text
 * @param onYes  what to do once confirmed (on the JavaFX thread)
 */
public record Confirmation(String title, String header, List<String> lines, List<String> notes, String yes,
                           Runnable onYes) {

    public Confirmation {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }
}
