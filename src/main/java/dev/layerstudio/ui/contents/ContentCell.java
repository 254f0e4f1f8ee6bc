package dev.layerstudio.ui.contents;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One row of the layer tree: an icon telling installed, own and conflicting nodes apart,
 * the name, and the size. Files and folders dragged from the desktop drop into the row's
 * folder; rows dragged inside the tree move there. Editing renames in place.
 */
final class ContentCell extends TreeCell<ContentNode> {

    /** Paths of the layer being dragged inside the tree, one per line. */
    static final DataFormat LAYER_PATHS = new DataFormat("application/x-layer-studio-paths");

    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    /**
     * What a row shows, as a pseudo-class of the cell ({@code :installed}, {@code :user},
     * {@code :conflict}, {@code :folder}): a pseudo-class change only moves the cell's
     * styles to a state already worked out, where a style class change would match every
     * selector against the row again.
     */
    private enum Kind {
        INSTALLED, USER, CONFLICT, FOLDER;

        final PseudoClass pseudoClass = PseudoClass.getPseudoClass(name().toLowerCase(Locale.ROOT));
    }

    private final LayerTreeModel model;
    private final ResourceBundle text;
    // one row of nodes per cell, refilled for each item it shows: a tree of thousands of
    // files scrolls and refreshes without making (and styling) new nodes for every row
    private final FontIcon icon = new FontIcon(Feather.FILE);
    private final Text name = new Text();
    private final Text size = new Text();
    private final Text tagText = new Text();
    private final StackPane tag = new StackPane(tagText);
    private final HBox row = new HBox(6, icon, name, size, tag);
    private TextField editor;
    private TreeItem<ContentNode> shown;

    ContentCell(LayerTreeModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        getStyleClass().add("content-cell");
        icon.getStyleClass().add("node-icon");
        name.getStyleClass().add("node-name");
        size.getStyleClass().add("node-size");
        tag.getStyleClass().add("node-tag");
        tagText.getStyleClass().add("node-tag-text");
        tag.managedProperty().bind(tag.visibleProperty());
        row.setAlignment(Pos.CENTER_LEFT);
        // in the cell from the start, hidden: it is styled with the cell, when the page is
        // made, not in the frame that first shows an installation
        row.setVisible(false);
        setGraphic(row);
        setOnDragDetected(e -> {
            if (getItem() == null || isEditing()) {
                return;
            }
            List<String> paths = getTreeView().getSelectionModel().getSelectedItems().contains(getTreeItem())
                    ? getTreeView().getSelectionModel().getSelectedItems().stream()
                    .map(TreeItem::getValue).map(ContentNode::path).toList()
                    : List.of(getItem().path());
            Dragboard db = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(LAYER_PATHS, String.join("\n", paths));
            db.setContent(content);
            db.setDragView(snapshot(null, null));
            e.consume();
        });
        setOnDragOver(this::dragOver);
        setOnDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
        setOnDragDropped(this::dropped);
    }

    /** The folder a drop on this row goes to: the row itself when it is a folder, else the folder holding it. */
    private String targetFolder() {
        ContentNode n = getItem();
        return n.directory() ? n.path() : n.parent();
    }

    private void dragOver(DragEvent e) {
        if (getItem() == null) {
            return; // the tree below takes it (desktop files to python/)
        }
        Dragboard db = e.getDragboard();
        boolean accepted = false;
        if (db.hasContent(LAYER_PATHS)) {
            String folder = targetFolder();
            accepted = pathsOf(db).stream().allMatch(p -> model.canMoveInto(p, folder));
            if (accepted) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
        } else if (db.hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            accepted = true;
        }
        pseudoClassStateChanged(DROP_TARGET, accepted);
        e.consume();
    }

    private void dropped(DragEvent e) {
        if (getItem() == null) {
            return;
        }
        Dragboard db = e.getDragboard();
        String folder = targetFolder();
        boolean done = false;
        if (db.hasContent(LAYER_PATHS)) {
            done = model.moveInto(pathsOf(db), folder);
        } else if (db.hasFiles()) {
            model.add(db.getFiles().stream().map(File::toPath).toList(), folder);
            if (!folder.isEmpty()) {
                getTreeItem().setExpanded(getItem().directory() || getTreeItem().isExpanded());
            }
            done = true;
        }
        pseudoClassStateChanged(DROP_TARGET, false);
        e.setDropCompleted(done);
        e.consume();
    }

    static List<String> pathsOf(Dragboard db) {
        Object value = db.getContent(LAYER_PATHS);
        return value == null ? List.of() : Arrays.stream(value.toString().split("\n")).filter(s -> !s.isEmpty())
                .toList();
    }

    // ---- showing ----

    @Override
    protected void updateItem(ContentNode node, boolean empty) {
        super.updateItem(node, empty);
        if (empty || node == null) {
            // the row stays in the cell, hidden: a cell emptied and filled again (as the view
            // does when the number of rows changes) then needs no styling of a new row
            shown = null;
            setKind(null);
            setText(null);
            row.setVisible(false);
            // the skin leaves the arrow of the folder shown here before; rows below the last
            // (after slimming or a delete shortened the tree) would show arrows of nothing
            if (getDisclosureNode() != null) {
                getDisclosureNode().setVisible(false);
            }
            setAccessibleText(null);
            setTooltip(null);
            return;
        }
        if (isEditing()) {
            return;
        }
        if (getTreeItem() == shown && row.isVisible()) {
            return; // the view asks again for the row it has just shown (rows are made anew for new content)
        }
        setText(null);
        fill(node);
        row.setVisible(true);
        setGraphic(row);
        setAccessibleText(node.path() + ", " + describe(node));
        // a long name in a narrow tree is cut at the edge: its whole path is one hover away
        dev.layerstudio.ui.common.TextCells.tooltip(this, node.path() + "\n" + describe(node));
    }

    /** Marks the row with one kind (none for an empty row). */
    private void setKind(Kind kind) {
        for (Kind k : Kind.values()) {
            pseudoClassStateChanged(k.pseudoClass, k == kind);
        }
    }

    private static Kind kindOf(ContentNode node) {
        if (node.isConflict()) {
            return Kind.CONFLICT;
        }
        if (node.isUser()) {
            return Kind.USER;
        }
        return node.source() instanceof ContentSource.Installed ? Kind.INSTALLED : Kind.FOLDER;
    }

    private static Feather iconOf(ContentNode node) {
        return switch (kindOf(node)) {
            case CONFLICT -> Feather.ALERT_TRIANGLE;
            case USER -> node.directory() ? Feather.FOLDER_PLUS : Feather.FILE_TEXT;
            case INSTALLED -> node.directory() ? Feather.PACKAGE : Feather.FILE;
            case FOLDER -> Feather.FOLDER;
        };
    }

    private void fill(ContentNode node) {
        shown = getTreeItem();
        setKind(kindOf(node));
        icon.setIconCode(iconOf(node));
        name.setText(node.name());
        size.setText(ByteSizes.human(model.bytesOf(node)));
        String origin = origin(node);
        tagText.setText(origin);
        tag.setVisible(origin != null);
    }

    /** A short badge: "yours", "requests", "2 sources". */
    private String origin(ContentNode node) {
        if (node.isConflict()) {
            return String.format(text.getString("contents.tree.sources"), node.sources().size());
        }
        ContentSource s = node.source();
        if (s instanceof ContentSource.User u && u.file().equals(u.added())) {
            return text.getString("contents.tree.yours");
        }
        if (s instanceof ContentSource.Installed i && i.packageName() != null && node.directory()
                && !i.packageName().equalsIgnoreCase(parentPackage())) {
            return i.packageName();
        }
        return null;
    }

    /** The package of the folder above, so a badge shows only where a package starts. */
    private String parentPackage() {
        TreeItem<ContentNode> parent = getTreeItem() == null ? null : getTreeItem().getParent();
        if (parent == null || parent.getValue() == null) {
            return null;
        }
        return parent.getValue().source() instanceof ContentSource.Installed i ? i.packageName() : null;
    }

    private String describe(ContentNode node) {
        if (node.isConflict()) {
            return text.getString("contents.tree.conflict");
        }
        return node.source() == null ? text.getString("contents.tree.folder") : node.source().describe();
    }

    // ---- renaming in place ----

    @Override
    public void startEdit() {
        if (getItem() == null) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        editor = new TextField(getItem().name());
        editor.getStyleClass().add("rename-field");
        editor.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER) {
                String path = getItem().path();
                String name = editor.getText();
                cancelEdit();
                model.rename(path, name);
                k.consume();
            } else if (k.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                k.consume();
            }
        });
        editor.focusedProperty().addListener((o, was, now) -> {
            if (!now && isEditing()) {
                cancelEdit();
            }
        });
        setText(null);
        setGraphic(editor);
        editor.requestFocus();
        String name = editor.getText();
        int dot = getItem().directory() ? -1 : name.lastIndexOf('.');
        editor.selectRange(0, dot > 0 ? dot : name.length());
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        editor = null;
        if (getItem() != null) {
            fill(getItem());
            setGraphic(row);
        }
    }
}
