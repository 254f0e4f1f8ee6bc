package dev.layerstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * New columns reach a real table one per frame, in order, with every row from the first
 * frame; a newer set replaces one still arriving; new rows under the same columns keep the
 * columns (and so the cells in view).
 */
@ExtendWith(ApplicationExtension.class)
class ColumnsInStepsTest {

    private TableView<List<String>> table;
    private ColumnsInSteps<List<String>> steps;
    /** How many columns each change of the table's columns added. */
    private final List<Integer> added = new ArrayList<>();

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        steps = new ColumnsInSteps<>(table);
        table.getColumns().addListener((ListChangeListener<TableColumn<List<String>, ?>>) c -> {
            while (c.next()) {
                added.add(c.getAddedSize());
            }
        });
        stage.setScene(new Scene(table, 900, 400));
        stage.show();
    }

    @Test
    void columnsArriveAFewPerFrame_inOrder_withEveryRowAtOnce(FxRobot robot) throws Exception {
        List<TableColumn<List<String>, ?>> columns = columns("a", 7);
        List<List<String>> rows = rows(7, 5_000);
        List<Integer> columnsRightAfter = new ArrayList<>();
        robot.interact(() -> {
            steps.show(columns, rows);
            columnsRightAfter.add(table.getColumns().size());
            assertThat(table.getItems()).hasSize(5_000);
            assertThat(steps.complete()).isFalse();
        });
        assertThat(columnsRightAfter).containsExactly(ColumnsInSteps.STEP);

        waitFor(10, TimeUnit.SECONDS, steps::complete);
        assertThat(table.getColumns()).containsExactlyElementsOf(columns);
        assertThat(steps.columns()).containsExactlyElementsOf(columns);
        assertThat(added).hasSizeGreaterThan(1).allMatch(n -> n <= ColumnsInSteps.STEP);
    }

    @Test
    void aNewerSetReplacesOneStillArriving(FxRobot robot) throws Exception {
        List<TableColumn<List<String>, ?>> first = columns("a", 9);
        List<TableColumn<List<String>, ?>> second = columns("b", 5);
        robot.interact(() -> {
            steps.show(first, rows(9, 100));
            steps.show(second, rows(5, 40));
        });
        waitFor(10, TimeUnit.SECONDS, steps::complete);
        Thread.sleep(200); // a stepper still holding the first set would add its columns in these frames
        robot.interact(() -> {
            assertThat(table.getColumns()).containsExactlyElementsOf(second);
            assertThat(table.getItems()).hasSize(40);
        });
    }

    @Test
    void rowsUnderTheSameColumnsKeepTheColumns(FxRobot robot) throws Exception {
        List<TableColumn<List<String>, ?>> columns = columns("a", 3);
        robot.interact(() -> steps.show(columns, rows(3, 100)));
        waitFor(10, TimeUnit.SECONDS, steps::complete);
        added.clear();
        List<List<String>> fewer = rows(3, 10);
        robot.interact(() -> steps.rows(fewer));
        robot.interact(() -> {
            assertThat(table.getItems()).containsExactlyElementsOf(fewer);
            assertThat(table.getColumns()).containsExactlyElementsOf(columns);
            assertThat(added).isEmpty();
        });
    }

    private static List<TableColumn<List<String>, ?>> columns(String prefix, int n) {
        List<TableColumn<List<String>, ?>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = i;
            TableColumn<List<String>, String> c = new TableColumn<>(prefix + i);
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(at)));
            out.add(c);
        }
        return out;
    }

    private static List<List<String>> rows(int columns, int n) {
        return IntStream.range(0, n).mapToObj(r -> IntStream.range(0, columns)
                .mapToObj(c -> r + "/" + c).toList()).toList();
    }
}
