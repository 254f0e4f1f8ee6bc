package dev.layerstudio.ui.publish;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A value to choose, with whether it is chosen. */
public final class PublishChoice {
    private final String id;
    private final String note;
    private final BooleanProperty selected = new SimpleBooleanProperty();

    PublishChoice(String id, boolean on) {
        this(id, null, on);
    }

    PublishChoice(String id, String note, boolean on) {
        this.id = id;
        this.note = note;
        selected.set(on);
    }

    public String id() {
        return id;
    }

    /** A sentence to mark the choice with (a deprecated runtime), or null. */
    public String note() {
        return note;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    @Override
    public String toString() {
        return id;
    }
}
