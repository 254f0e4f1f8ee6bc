package dev.layerstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A table cell's whole text is a hover away exactly when the column cuts it, and follows the column's width. */
@ExtendWith(ApplicationExtension.class)
class TextCellsTest {

    private static final String LONG = "arn:aws:lambda:eu-west-1:123456789012:layer:common-utils:17";
    private static final String SHORT = "v1";

    private TableColumn<String, String> column;

    @Start
    void start(Stage stage) {
        TableView<String> table = new TableView<>(FXCollections.observableArrayList(LONG, SHORT));
        column = new TableColumn<>("Value");
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()));
        column.setCellFactory(TextCells.forTable());
        column.setPrefWidth(100); // not 80, the default, which the table replaces with the content's width
        table.getColumns().add(column);
        stage.setScene(new Scene(table, 600, 200));
        stage.show();
    }

    @Test
    void onlyACutCellHasATooltip_andItFollowsTheColumnsWidth(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tip(robot, LONG)).isEqualTo(LONG);
        assertThat(tip(robot, SHORT)).isNull();

        robot.interact(() -> column.setPrefWidth(560));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tip(robot, LONG)).isNull();
        assertThat(tip(robot, SHORT)).isNull();
    }

    /** The tooltip text of the cell that shows {@code value}, null when it has none. */
    @SuppressWarnings("rawtypes")
    private static String tip(FxRobot robot, String value) throws ExecutionException, InterruptedException {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<TableCell> cells = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> value.equals(c.getText())).toList();
            assertThat(cells).hasSize(1);
            Tooltip t = cells.get(0).getTooltip();
            return t == null ? null : t.getText();
        }).get();
    }
}
