package dev.layerstudio.ui.contents;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.ui.common.TabOut;
import dev.layerstudio.ui.shell.StepController;
import java.io.File;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the Contents view to its view model; turns keys, menus and drops on the tree into edits. */
public final class ContentsController implements StepController {

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final ContentsViewModel vm;
    private final LayerTreeModel tree;
    private PageChoosers choosers;

    @FXML private ComboBox<Runtime> runtimeBox;
    @FXML private ComboBox<Architecture> archBox;
    @FXML private TextArea requirementsArea;
    @FXML private Label problemLabel;
    @FXML private Button installButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private Label runtimeNoteLabel;
    @FXML private Button savePinsButton;
    @FXML private Label staleLabel;
    @FXML private ListView<String> logList;
    @FXML private Label summaryLabel;
    @FXML private Button undoButton;
    @FXML private Button addFilesButton;
    @FXML private Button addFolderButton;
    @FXML private HBox conflictBanner;
    @FXML private Label conflictLabel;
    @FXML private TreeView<ContentNode> contentTree;
    @FXML private VBox dropHint;
    @FXML private Label treeStatus;
    @FXML private ResourceBundle resources;

    public ContentsController(ContentsViewModel vm) {
        this.vm = vm;
        this.tree = vm.tree();
    }

    @FXML
    private void initialize() {
        choosers = new PageChoosers(resources);
        runtimeBox.getItems().setAll(vm.runtimeChoices());
        runtimeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Runtime r) {
                return r == null ? "" : vm.runtimeLabel(r);
            }

            @Override
            public Runtime fromString(String s) {
                return Runtime.parse(s.split("\\s")[0]);
            }
        });
        runtimeNoteLabel.textProperty().bind(vm.runtimeNoteProperty());
        runtimeNoteLabel.managedProperty().bind(runtimeNoteLabel.textProperty().isNotEmpty());
        runtimeNoteLabel.visibleProperty().bind(runtimeNoteLabel.textProperty().isNotEmpty());
        runtimeBox.valueProperty().bindBidirectional(vm.runtimeProperty());
        archBox.getItems().setAll(Architecture.values());
        archBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Architecture a) {
                return a == null ? "" : a.id();
            }

            @Override
            public Architecture fromString(String s) {
                return Architecture.parse(s);
            }
        });
        archBox.valueProperty().bindBidirectional(vm.architectureProperty());
        setUpInstall();
        setUpTree();
    }

    private void setUpInstall() {
        requirementsArea.textProperty().bindBidirectional(vm.requirementsProperty());
        TabOut.of(requirementsArea);
        // the editor takes pip requirements or npm packages, by the runtime's language
        requirementsArea.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> resources.getString(vm.isNode() ? "contents.requirements.prompt.node"
                        : "contents.requirements.prompt"), vm.runtimeProperty()));
        problemLabel.textProperty().bind(vm.problemTextProperty());
        problemLabel.managedProperty().bind(problemLabel.textProperty().isNotEmpty());
        vm.problemTextProperty().addListener((o, a, now) -> requirementsArea.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("danger"), !now.isEmpty()));
        installButton.disableProperty().bind(vm.canInstallProperty().not());
        cancelButton.disableProperty().bind(vm.installingProperty().not());
        savePinsButton.disableProperty().bind(vm.canSavePinsProperty().not());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.installingProperty());
        progressLabel.textProperty().bind(vm.progressMessageProperty());
        progressLabel.managedProperty().bind(vm.installingProperty());
        progressLabel.visibleProperty().bind(vm.installingProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        statusLabel.managedProperty().bind(statusLabel.textProperty().isNotEmpty());
        vm.failedProperty().addListener((o, a, failed) -> statusLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), failed));
        staleLabel.textProperty().bind(vm.staleWarningProperty());
        staleLabel.managedProperty().bind(staleLabel.textProperty().isNotEmpty());
        staleLabel.visibleProperty().bind(staleLabel.textProperty().isNotEmpty());
        logList.setItems(vm.log());
        logList.setCellFactory(l -> new LogCell());
        logList.setPlaceholder(new Label(resources.getString("contents.log.empty")));
        vm.log().addListener((ListChangeListener<String>) c -> {
            if (!vm.log().isEmpty()) {
                logList.scrollTo(vm.log().size() - 1);
            }
        });
    }

    private void setUpTree() {
        contentTree.setRoot(tree.root());
        contentTree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        contentTree.setCellFactory(t -> new ContentCell(tree, resources));
        contentTree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F2) {
                rename();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                delete();
            } else if (UNDO.match(e)) {
                tree.undo();
            } else {
                return;
            }
            e.consume();
        });
        // Files dropped on the tree but not on a row go to python/<name> (nodejs/node_modules/<name> for Node.js).
        contentTree.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !e.getDragboard().hasContent(ContentCell.LAYER_PATHS)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        contentTree.setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                tree.add(e.getDragboard().getFiles().stream().map(File::toPath).toList(), null);
            }
            e.setDropCompleted(files);
            e.consume();
        });
        ContextMenu menu = new ContextMenu();
        // A context menu without items does not open, so fill it before the tree asks it to.
        contentTree.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> fillMenu(menu));
        contentTree.setContextMenu(menu);
        dropHint.visibleProperty().bind(tree.emptyProperty());
        summaryLabel.textProperty().bind(tree.summaryProperty());
        dev.layerstudio.ui.common.TextCells.tooltipFollowsText(summaryLabel);
        undoButton.disableProperty().bind(tree.canUndoProperty().not());
        addFilesButton.disableProperty().bind(tree.addingProperty());
        addFolderButton.disableProperty().bind(tree.addingProperty());
        treeStatus.textProperty().bind(tree.statusProperty());
        treeStatus.managedProperty().bind(treeStatus.textProperty().isNotEmpty());
        tree.conflicts().addListener((ListChangeListener<ContentNode>) c -> showConflicts());
        showConflicts();
    }

    private void showConflicts() {
        int n = tree.conflicts().size();
        conflictBanner.setVisible(n > 0);
        conflictBanner.setManaged(n > 0);
        conflictLabel.setText(n == 0 ? "" : String.format(resources.getString(n == 1
                ? "contents.conflict.one" : "contents.conflict.many"), n, tree.conflicts().get(0).path()));
    }

    private List<ContentNode> selected() {
        return contentTree.getSelectionModel().getSelectedItems().stream()
                .filter(i -> i != null && i.getValue() != null).map(TreeItem::getValue).toList();
    }

    private void fillMenu(ContextMenu menu) {
        menu.getItems().clear();
        List<ContentNode> nodes = selected();
        MenuItem rename = item("contents.menu.rename", this::rename);
        rename.setAccelerator(new KeyCodeCombination(KeyCode.F2));
        rename.setDisable(nodes.size() != 1);
        MenuItem delete = item("contents.menu.delete", this::delete);
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setDisable(nodes.isEmpty());
        MenuItem folder = item("contents.menu.newFolder", this::newFolder);
        MenuItem undo = item("contents.menu.undo", tree::undo);
        undo.setAccelerator(UNDO);
        undo.setDisable(!tree.canUndoProperty().get());
        menu.getItems().addAll(rename, delete, folder, new SeparatorMenuItem(), undo);
        if (nodes.size() == 1 && nodes.get(0).isConflict()) {
            ContentNode n = nodes.get(0);
            menu.getItems().add(new SeparatorMenuItem());
            for (ContentSource s : n.sources()) {
                MenuItem use = new MenuItem(String.format(resources.getString("contents.menu.use"), s.describe()));
                use.setOnAction(e -> tree.resolve(n.path(), s));
                menu.getItems().add(use);
            }
        }
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem(resources.getString(key));
        m.setOnAction(e -> action.run());
        return m;
    }

    private void rename() {
        TreeItem<ContentNode> item = contentTree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null) {
            contentTree.edit(item);
        }
    }

    private void delete() {
        List<String> paths = selected().stream().map(ContentNode::path).toList();
        if (paths.isEmpty()) {
            return;
        }
        String neighbour = neighbour(contentTree.getSelectionModel().getSelectedItems());
        if (tree.remove(paths) && neighbour != null) {
            select(neighbour);
        }
    }

    /**
     * Where the selection goes once the selected rows are gone: the next row beside the last
     * one removed, else the one before it, else the folder that held it.
     */
    private static String neighbour(List<TreeItem<ContentNode>> removed) {
        TreeItem<ContentNode> last = removed.isEmpty() ? null : removed.get(removed.size() - 1);
        if (last == null || last.getParent() == null) {
            return null;
        }
        List<TreeItem<ContentNode>> siblings = last.getParent().getChildren();
        int at = siblings.indexOf(last);
        for (int i = at + 1; i < siblings.size(); i++) {
            if (!removed.contains(siblings.get(i))) {
                return siblings.get(i).getValue().path();
            }
        }
        for (int i = at - 1; i >= 0; i--) {
            if (!removed.contains(siblings.get(i))) {
                return siblings.get(i).getValue().path();
            }
        }
        ContentNode parent = last.getParent().getValue();
        return parent == null ? null : parent.path();
    }

    /**
     * The folder new things go into: the selected folder, the folder of the selected file, or
     * python/ (nodejs/node_modules/ for a Node.js runtime).
     */
    private String selectedFolder() {
        List<ContentNode> nodes = selected();
        if (nodes.isEmpty()) {
            return vm.isNode() ? "nodejs/node_modules" : "python";
        }
        ContentNode n = nodes.get(0);
        return n.directory() ? n.path() : n.parent();
    }

    @FXML
    private void newFolder() {
        String made = tree.createFolder(selectedFolder());
        if (made != null) {
            select(made);
            rename();
        }
    }

    /** Selects the row of a path, opening the folders above it. */
    private void select(String path) {
        TreeItem<ContentNode> item = contentTree.getRoot();
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length && item != null; i++) {
            String wanted = String.join("/", java.util.Arrays.copyOf(parts, i + 1));
            item.setExpanded(true);
            item = item.getChildren().stream().filter(c -> c.getValue().path().equals(wanted)).findFirst()
                    .orElse(null);
        }
        if (item != null) {
            contentTree.getSelectionModel().clearSelection();
            contentTree.getSelectionModel().select(item);
            contentTree.scrollTo(Math.max(0, contentTree.getRow(item) - 3));
        }
    }

    @FXML
    private void showConflict() {
        if (!tree.conflicts().isEmpty()) {
            select(tree.conflicts().get(0).path());
            contentTree.requestFocus();
        }
    }

    @FXML
    private void keepMine() {
        tree.resolveAll(true);
    }

    @FXML
    private void keepInstalled() {
        tree.resolveAll(false);
    }

    @FXML
    private void undo() {
        tree.undo();
    }

    @FXML
    private void addFiles() {
        List<File> files = choosers.files(contentTree.getScene().getWindow());
        if (!files.isEmpty()) {
            tree.add(files.stream().map(File::toPath).toList(), selected().isEmpty() ? null : selectedFolder());
        }
    }

    @FXML
    private void addFolder() {
        File dir = choosers.folder(contentTree.getScene().getWindow());
        if (dir != null) {
            tree.add(List.of(dir.toPath()), selected().isEmpty() ? null : selectedFolder());
        }
    }

    @FXML
    private void savePins() {
        File file = choosers.pinsFile(requirementsArea.getScene().getWindow());
        if (file != null) {
            vm.savePins(file.toPath());
        }
    }

    @FXML
    private void loadRequirements() {
        File file = choosers.requirementsFile(requirementsArea.getScene().getWindow());
        if (file != null) {
            vm.loadRequirements(file.toPath());
        }
    }

    @FXML
    private void install() {
        vm.install();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return vm.validProperty();
    }

    /** A line of the installer's output, wrapped to the log's width (long commands and paths stay readable). */
    private static final class LogCell extends ListCell<String> {
        LogCell() {
            getStyleClass().add("log-line");
            setWrapText(true);
            setPrefWidth(0); // the list's width decides where lines wrap, not the longest line
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }
    }
}
