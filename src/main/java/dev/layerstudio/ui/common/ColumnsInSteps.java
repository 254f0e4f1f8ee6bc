package dev.layerstudio.ui.common;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Gives a table of thousands of rows new columns without freezing the window. The table draws
 * only the rows in view, but always a screenful of them (rows past the last item are drawn
 * empty), and a new column needs a cell, with its skin and styles, in each: a dozen columns at
 * once held the JavaFX thread for 285-660 ms in one layout pass on a 2-core machine (120-420 ms
 * for a view switch on warm code), most of it the cells' CSS. So the rows come at once and the columns one per frame. Each step costs a
 * little more than the one before (a row styles all its cells again when its columns change),
 * so this does more work in all, in frames short enough to keep the window moving; rows under
 * the same columns (a filter, a refresh) only change the text of the cells there are.
 */
public final class ColumnsInSteps<S> {

    /** Columns added per frame: a screenful of cells. */
    static final int STEP = 1;

    private final TableView<S> table;
    private final Stepper stepper = new Stepper();
    private List<TableColumn<S, ?>> all = List.of();
    private List<TableColumn<S, ?>> pending = List.of();
    private volatile boolean adding;
    /** Whether the stepper has yet to see the frame that lays out the first columns. */
    private boolean skip;

    public ColumnsInSteps(TableView<S> table) {
        this.table = table;
    }

    /** Shows {@code rows} under {@code columns}, which replace the table's columns, the first of them now. */
    public void show(List<? extends TableColumn<S, ?>> columns, List<S> rows) {
        all = List.copyOf(columns);
        int now = Math.min(STEP, all.size());
        table.getColumns().setAll(all.subList(0, now));
        table.getItems().setAll(rows);
        pending = all.subList(now, all.size());
        adding = !pending.isEmpty();
        skip = true;
        if (adding) {
            stepper.start();
        } else {
            stepper.stop();
        }
    }

    /** Shows {@code rows} under the columns there are (or are being added). */
    public void rows(List<S> rows) {
        table.getItems().setAll(rows);
    }

    /** Every column given to {@link #show}, including those still to be added. */
    public List<TableColumn<S, ?>> columns() {
        return all;
    }

    /** Whether every column given to {@link #show} is in the table (tests and benchmarks wait for it). */
    public boolean complete() {
        return !adding;
    }

    private void step() {
        if (skip) { // the frame that lays out the columns given now
            skip = false;
            return;
        }
        int next = Math.min(STEP, pending.size());
        table.getColumns().addAll(pending.subList(0, next));
        pending = pending.subList(next, pending.size());
        if (pending.isEmpty()) {
            adding = false;
            stepper.stop();
        }
    }

    /** One step per frame: an animation timer runs once in each pulse, before its layout. */
    private final class Stepper extends AnimationTimer {
        @Override
        public void handle(long now) {
            step();
        }
    }
}
