package dev.layerstudio.ui.layer;

import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The menu of a layer or version row: Copy ARN, Inspect, Use for the next version,
 * Permissions, Delete. Opened by a right click (which chooses the row first), the context-menu
 * key or Shift+F10; the same actions have keys on the table (Ctrl+C, Ctrl+I, Ctrl+P, Delete).
 * On a layer row the version actions are its latest version's, and say so.
 */
final class LayerRowMenu {

    /** What the items do; the page forwards each to its view models. */
    interface Actions {
        void copyArn(LayerRow row);

        void inspect(LayerRow row);

        /** Null when the row can be used for the next version; else why not, in words. */
        String whyNotUse(LayerRow row);

        void use(LayerRow row);

        void permissions(LayerRow row);

        void delete(LayerRow row);
    }

    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination INSPECT = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PERMISSIONS = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
    private static final KeyCombination SHIFT_F10 = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);

    private final TreeTableView<LayerRow> table;
    private final ResourceBundle text;
    private final Actions actions;
    private final ContextMenu menu = new ContextMenu();

    private LayerRowMenu(TreeTableView<LayerRow> table, ResourceBundle text, Actions actions) {
        this.table = table;
        this.text = text;
        this.actions = actions;
    }

    /** Gives the table its row menu and keys. */
    static ContextMenu attach(TreeTableView<LayerRow> table, ResourceBundle text, Actions actions) {
        LayerRowMenu m = new LayerRowMenu(table, text, actions);
        m.menu.getStyleClass().add("layer-row-menu");
        table.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, m::requested);
        table.addEventHandler(KeyEvent.KEY_PRESSED, m::key);
        return m.menu;
    }

    private void requested(ContextMenuEvent e) {
        if (e.isKeyboardTrigger() && menu.isShowing()) {
            e.consume(); // the key press already opened it
            return;
        }
        if (!e.isKeyboardTrigger()) {
            TreeTableRow<?> row = rowAt(e.getTarget() instanceof Node n ? n : e.getPickResult().getIntersectedNode());
            if (row == null || row.isEmpty()) {
                e.consume();
                return;
            }
            table.getSelectionModel().select(row.getIndex());
        }
        if (fill(selected())) {
            menu.show(table, e.getScreenX(), e.getScreenY());
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        LayerRow row = selected();
        if (row == null) {
            return;
        }
        if (e.getCode() == KeyCode.CONTEXT_MENU || SHIFT_F10.match(e)) {
            if (!menu.isShowing()) {
                showAtRow(row);
            }
        } else if (COPY.match(e)) {
            actions.copyArn(row);
        } else if (INSPECT.match(e) && row.version() != null) {
            actions.inspect(row);
        } else if (PERMISSIONS.match(e) && row.version() != null) {
            actions.permissions(row);
        } else if (DELETE.match(e) && row.version() != null) {
            actions.delete(row);
        } else {
            return;
        }
        e.consume();
    }

    /** Shows the menu under the chosen row (keyboard: no pointer to place it at). */
    void showAtRow(LayerRow row) {
        if (!fill(row)) {
            return;
        }
        int index = table.getSelectionModel().getSelectedIndex();
        Node anchor = table.lookupAll(".tree-table-row-cell").stream()
                .filter(n -> n instanceof TreeTableRow<?> r && r.getIndex() == index && r.isVisible())
                .findFirst().orElse(table);
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b == null) {
            return;
        }
        menu.show(anchor, b.getMinX() + 24, b.getMaxY());
        menu.requestFocus();
    }

    private LayerRow selected() {
        TreeItem<LayerRow> item = table.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** The items for this row; false when there is no row. */
    private boolean fill(LayerRow row) {
        menu.getItems().clear();
        if (row == null) {
            return false;
        }
        boolean hasVersion = row.version() != null;
        boolean isLayer = row instanceof LayerRow.Layer;
        long n = hasVersion ? row.version().version() : 0;
        MenuItem copy = item("menuCopyArn", isLayer && hasVersion ? String.format(text.getString("layer.menu.copyLatest"),
                n) : text.getString("layer.menu.copyArn"), Feather.COPY, COPY, () -> actions.copyArn(row));
        MenuItem inspect = item("menuInspect", String.format(text.getString("layer.menu.inspect"), n), Feather.SEARCH,
                INSPECT, () -> actions.inspect(row));
        String whyNot = actions.whyNotUse(row);
        MenuItem use = item("menuUse", String.format(text.getString("layer.menu.use"), row.layer().name()),
                Feather.LAYERS, null, () -> actions.use(row));
        use.setDisable(whyNot != null);
        MenuItem permissions = item("menuPermissions", String.format(text.getString("layer.menu.permissions"), n),
                Feather.USERS, PERMISSIONS, () -> actions.permissions(row));
        MenuItem delete = item("menuDelete", String.format(text.getString("layer.menu.delete"), n), Feather.TRASH_2,
                DELETE, () -> actions.delete(row));
        delete.getStyleClass().add("danger");
        if (hasVersion) {
            menu.getItems().setAll(copy, inspect, use, new SeparatorMenuItem(), permissions, delete);
        } else {
            menu.getItems().setAll(copy, use); // a layer without versions: nothing to inspect, share or delete
        }
        if (whyNot != null) {
            MenuItem why = new MenuItem(whyNot);
            why.setId("menuUseWhyNot");
            why.setDisable(true);
            menu.getItems().add(menu.getItems().indexOf(use) + 1, why);
        }
        return true;
    }

    /**
     * A menu item; its shortcut is shown as its accelerator text only. The menu is shown by hand,
     * never set as the table's context menu, so these are not scene-wide shortcuts: the table's
     * key handler above is what acts on them, and only while the table has the focus.
     */
    private static MenuItem item(String id, String label, Feather icon, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(label, new FontIcon(icon));
        item.setId(id);
        item.setMnemonicParsing(false);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static TreeTableRow<?> rowAt(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TreeTableRow<?> r) {
                return r;
            }
        }
        return null;
    }
}
