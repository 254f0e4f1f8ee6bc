package dev.layerstudio.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Table cells whose text may be cut by the column's width: the whole value is always one
 * hover away, in a tooltip, and is the cell's accessible text.
 */
public final class TextCells {

    private TextCells() {
    }

    /** A text cell for a tree table column that shows the full value in a tooltip. */
    public static <S> Callback<TreeTableColumn<S, String>, TreeTableCell<S, String>> withTooltip() {
        return column -> new TreeTableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean blank = empty || text == null || text.isEmpty();
                setText(blank ? null : text);
                setTooltip(blank ? null : tip);
                tip.setText(blank ? "" : text);
                setAccessibleText(blank ? null : text);
            }
        };
    }

    /**
     * The same for a plain table column, for tables of thousands of rows: the tooltip (a popup
     * window with a scene of its own) is made only for a cell whose text the column cuts, once
     * layout has cut it, not for every cell in view.
     */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> forTable() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean blank = empty || text == null || text.isEmpty();
                setText(blank ? null : text);
                setAccessibleText(blank ? null : text);
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                tooltip(this, cut(this) ? getText() : null);
            }
        };
    }

    /** Whether layout shows less of the labeled's text than it holds (cut, with an ellipsis). */
    private static boolean cut(javafx.scene.control.Labeled labeled) {
        String whole = labeled.getText();
        if (whole == null || whole.isEmpty()) {
            return false;
        }
        for (Node n : labeled.getChildrenUnmodifiable()) {
            if (n instanceof Text shown) {
                return !whole.equals(shown.getText());
            }
        }
        return false;
    }

    /**
     * A label whose text may be cut (a name, a path, a sentence in a narrow column) keeps its
     * whole text in a tooltip, now and whenever the text changes.
     */
    public static void tooltipFollowsText(javafx.scene.control.Labeled label) {
        tooltip(label, label.getText());
        label.textProperty().addListener((o, was, now) -> tooltip(label, now));
    }

    /** Puts the whole value of a cell whose text may be cut into its tooltip. */
    public static void tooltip(javafx.scene.control.Control cell, String text) {
        if (text == null || text.isEmpty()) {
            cell.setTooltip(null);
        } else if (cell.getTooltip() == null) {
            cell.setTooltip(new Tooltip(text));
        } else {
            cell.getTooltip().setText(text);
        }
    }

    /** Marks a column header (or a group of headers) that already has its tooltip. */
    private static final String HEADER_TIP = "layerstudio.headerTooltip";
    /** Marks a group of headers whose changes are already followed. */
    private static final String HEADER_GROUP = "layerstudio.headerGroup";

    /**
     * Every column header of a table or tree table keeps its whole title in a tooltip: a narrow
     * column or a larger font cuts "Architectures" to "Arch…", and hovering the header reads it.
     * The headers are made by the table's skin (and made again when columns change), so the
     * tooltips follow the skin's header row rather than the columns.
     */
    public static void headerTooltips(Control table) {
        Runnable tip = () -> {
            Node row = table.lookup(".column-header-background");
            if (row instanceof TableHeaderRow headers) {
                tipHeaders(headers.getRootHeader());
            }
        };
        tip.run();
        table.skinProperty().addListener((o, was, now) -> tip.run());
    }

    private static void tipHeaders(NestedTableColumnHeader group) {
        if (group.getProperties().putIfAbsent(HEADER_GROUP, Boolean.TRUE) == null) {
            group.getColumnHeaders().addListener((ListChangeListener<TableColumnHeader>) c ->
                    group.getColumnHeaders().forEach(TextCells::tipHeader));
        }
        group.getColumnHeaders().forEach(TextCells::tipHeader);
    }

    private static void tipHeader(TableColumnHeader header) {
        if (header instanceof NestedTableColumnHeader group) {
            tipHeaders(group);
        }
        if (header.getTableColumn() == null || header.getProperties().putIfAbsent(HEADER_TIP, Boolean.TRUE) != null) {
            return;
        }
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(header.getTableColumn().textProperty());
        Tooltip.install(header, tip);
    }
}
