package dev.layerstudio.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * A page's status line, which belongs to the action that wrote it. An action {@link #begin()}s
 * (what an older action said goes, here and on the lines {@link #link linked} to this one) and
 * says how it ended through its {@link Action}; a late answer of an action a newer one has
 * replaced is dropped. The line clears itself when the context it spoke about changes
 * ({@link #clearedBy}), so it never describes something that is no longer so.
 */
public final class StatusLine {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final List<StatusLine> linked = new ArrayList<>();
    private Action current;

    /** One action's hold on the line. */
    public final class Action {

        private Action() {
        }

        /** Whether no newer action (or a change of context) has taken the line since. */
        public boolean isCurrent() {
            return current == this;
        }

        /** The action's outcome, in a sentence (dropped when the action is no longer current). */
        public void say(String sentence) {
            if (isCurrent()) {
                set(sentence, false);
            }
        }

        /** Why the action failed, in a sentence (dropped when the action is no longer current). */
        public void fail(String sentence) {
            if (isCurrent()) {
                set(sentence, true);
            }
        }

        /** Why the action failed, in the user's words ({@link UserMessage#sentence}). */
        public void fail(Throwable e) {
            fail(UserMessage.sentence(e));
        }
    }

    /** A new action takes the line: older words go, here and on the linked lines. */
    public Action begin() {
        return begin("");
    }

    /** A new action takes the line and says what it is doing ("Reading requirements.txt…"). */
    public Action begin(String whileRunning) {
        for (StatusLine other : linked) {
            other.set("", false);
        }
        current = new Action();
        set(whileRunning == null ? "" : whileRunning, false);
        return current;
    }

    /** An action done at once, with its outcome. */
    public void show(String sentence) {
        begin().say(sentence);
    }

    /** An action refused at once, with why. */
    public void showError(String sentence) {
        begin().fail(sentence);
    }

    /** Nothing to say any more: the line is empty and no running action may write to it. */
    public void clear() {
        current = null;
        set("", false);
    }

    /** The line clears whenever one of these changes (the runtime it spoke of, the chosen layer…). */
    public StatusLine clearedBy(ObservableValue<?>... contexts) {
        for (ObservableValue<?> c : contexts) {
            c.addListener((o, was, now) -> clear());
        }
        return this;
    }

    /** Lines of one page that speak of the same things: an action begun on one empties the others. */
    public static void link(StatusLine... lines) {
        for (StatusLine a : lines) {
            for (StatusLine b : lines) {
                if (a != b && !a.linked.contains(b)) {
                    a.linked.add(b);
                }
            }
        }
    }

    private void set(String sentence, boolean error) {
        failed.set(error);
        text.set(sentence);
    }

    /** What the line says now ("" when nothing). */
    public String get() {
        return text.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Whether what the line says is a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
