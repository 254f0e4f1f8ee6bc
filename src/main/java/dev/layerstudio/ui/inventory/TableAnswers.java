package dev.layerstudio.ui.inventory;

import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryAnswers;
import dev.layerstudio.model.InventoryFilter;
import dev.layerstudio.model.InventoryTable;
import dev.layerstudio.model.InventoryView;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import java.time.LocalDate;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organization page's table: each question (view, filters) about an inventory is answered
 * off the JavaFX thread, since tens of thousands of functions take longer than a frame. The
 * table shown stays until the newest answer is ready; an answer to a question asked over
 * meanwhile is dropped, as is a failure of one.
 */
final class TableAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(TableAnswers.class);

    private final TaskExecutor executor;
    private final ObjectProperty<InventoryTable> table = new SimpleObjectProperty<>();
    private final StringProperty notes = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private BackgroundTask<InventoryTable> answering;
    private long questions;

    TableAnswers(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Answers {@code view} of {@code inventory} with {@code filter}; deprecation dates as of {@code today}. */
    void ask(InventoryView view, Inventory inventory, InventoryFilter filter, LocalDate today) {
        long question = forgetAsked();
        busy.set(true);
        answering = BackgroundTask.of(p -> InventoryAnswers.answer(view, inventory, filter, today, Map.of()))
                .unlessChanged(() -> questions, dropped -> { })
                .onSuccess(t -> show(t, String.join("\n", t.notes())))
                .onError(Exception.class, e -> {
                    if (!(e instanceof LayerStudioException)) {
                        LOG.warn("Could not answer {} from the inventory", view, e);
                    }
                    if (question == questions) {
                        show(null, UserMessage.sentence(e));
                    }
                })
                .start(executor);
    }

    /** Shows no table, with {@code note} (empty when there is nothing to say), dropping any answer on its way. */
    void clear(String note) {
        forgetAsked();
        show(null, note);
    }

    private long forgetAsked() {
        if (answering != null) {
            answering.cancel();
        }
        return ++questions;
    }

    private void show(InventoryTable t, String note) {
        table.set(t);
        notes.set(note);
        busy.set(false);
    }

    ObjectProperty<InventoryTable> tableProperty() {
        return table;
    }

    StringProperty notesProperty() {
        return notes;
    }

    /** Whether the table shown is about to be replaced by the answer to a newer question. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
