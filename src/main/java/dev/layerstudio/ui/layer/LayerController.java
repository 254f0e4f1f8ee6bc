package dev.layerstudio.ui.layer;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.LayerUse;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.RuntimeRanges;
import dev.layerstudio.ui.common.ConfirmDialog;
import dev.layerstudio.ui.common.CopyAction;
import dev.layerstudio.ui.common.TextCells;
import dev.layerstudio.ui.shell.StepController;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the Layer view to its view model. */
public final class LayerController implements StepController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.systemDefault());

    private final LayerViewModel vm;
    private final LayerActions actions;
    private PermissionsDialog permissionsDialog;
    private LayerPageActions page;
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    @FXML private TextField searchField;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private TreeTableView<LayerRow> layerTable;
    @FXML private TreeTableColumn<LayerRow, LayerRow> nameColumn;
    @FXML private TreeTableColumn<LayerRow, String> latestColumn;
    @FXML private TreeTableColumn<LayerRow, String> runtimesColumn;
    @FXML private TreeTableColumn<LayerRow, String> archColumn;
    @FXML private TreeTableColumn<LayerRow, String> sizeColumn;
    @FXML private TreeTableColumn<LayerRow, String> dateColumn;
    @FXML private Label placeholderLabel;
    @FXML private Label statusLabel;
    @FXML private FontIcon choiceIcon;
    @FXML private Label choiceTitle;
    @FXML private Label choiceDetail;
    @FXML private TextField newNameField;
    @FXML private Label nameError;
    @FXML private VBox versionCard;
    @FXML private Label versionTitle;
    @FXML private TextField versionArn;
    @FXML private Label versionDescription;
    @FXML private Label versionRuntimes;
    @FXML private Label versionLicense;
    @FXML private TextField versionSha;
    @FXML private Button copyArnButton;
    @FXML private Button copyShaButton;
    @FXML private Label usageStatus;
    @FXML private ListView<LayerUse> usageList;
    @FXML private Label tableTitle;
    @FXML private CheckBox allRegionsToggle;
    @FXML private TreeTableView<LayerRow> allRegionsTable;
    @FXML private TreeTableColumn<LayerRow, String> allNameColumn;
    @FXML private TreeTableColumn<LayerRow, String> allRegionColumn;
    @FXML private TreeTableColumn<LayerRow, String> allLatestColumn;
    @FXML private TreeTableColumn<LayerRow, String> allRuntimesColumn;
    @FXML private TreeTableColumn<LayerRow, String> allArchColumn;
    @FXML private TreeTableColumn<LayerRow, String> allSizeColumn;
    @FXML private Label allRegionsPlaceholder;
    @FXML private Label allRegionsStatus;
    @FXML private Label actionStatus;
    @FXML private Button inspectButton;
    @FXML private Button permissionsButton;
    @FXML private Button deleteButton;
    @FXML private ResourceBundle resources;

    public LayerController(LayerViewModel vm, LayerActions actions) {
        this.vm = vm;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        refreshButton.disableProperty().bind(vm.loadingProperty()
                .or(vm.state().sessionProperty().isNull()));
        placeholderLabel.textProperty().bind(vm.placeholderProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        statusLabel.managedProperty().bind(statusLabel.textProperty().isNotEmpty());
        setUpTable();

        newNameField.textProperty().bindBidirectional(vm.newNameProperty());
        nameError.textProperty().bind(vm.nameErrorProperty());
        nameError.managedProperty().bind(nameError.textProperty().isNotEmpty());
        newNameField.focusedProperty().addListener((o, a, focused) -> {
            if (focused && !newNameField.getText().isBlank()) {
                vm.useNewName();
            }
        });
        choiceTitle.textProperty().bind(vm.choiceTitleProperty());
        choiceDetail.textProperty().bind(vm.choiceDetailProperty());
        vm.state().layerProperty().addListener((o, a, choice) -> showChoiceIcon());
        showChoiceIcon();

        vm.modeProperty().addListener((o, a, mode) -> {
            if (mode == LayerViewModel.Mode.NEW) {
                layerTable.getSelectionModel().clearSelection();
            }
        });
        vm.selectedProperty().addListener((o, a, row) -> {
            showVersion(row);
            if (row != null) {
                reselect(layerTable.getRoot()); // a layer chosen by typing its name is the table's row too
            }
        });
        showVersion(null);
        CopyAction.install(copyArnButton, versionArn::getText, resources.getString("common.copy.arn"), resources);
        CopyAction.install(copyShaButton, versionSha::getText, resources.getString("common.copy.sha"), resources);
        for (Label l : List.of(versionTitle, versionDescription, versionRuntimes, versionLicense, choiceTitle,
                choiceDetail, usageStatus)) {
            TextCells.tooltipFollowsText(l);
        }
        usageStatus.textProperty().bind(vm.usageStatusProperty());
        usageList.setItems(vm.usage());
        usageList.setCellFactory(l -> new UsageCell());
        usageList.setPlaceholder(new Label(""));
        setUpActions();
    }

    // ---- console parity: every region, row menus, version actions ----

    private void setUpActions() {
        page = new LayerPageActions(vm, actions, resources, LayerController::copy, v -> showPermissions());
        LayerRowMenu.attach(layerTable, resources, page);
        LayerRowMenu.attach(allRegionsTable, resources, page);
        layerTable.setAccessibleHelp(resources.getString("layer.menu.help"));
        allRegionsTable.setAccessibleHelp(resources.getString("layer.menu.help"));

        AllRegionsViewModel all = actions.allRegions();
        allRegionsToggle.selectedProperty().bindBidirectional(all.onProperty());
        all.searchProperty().bind(vm.searchProperty());
        AllRegionsTable.bind(allRegionsTable, all, resources, List.of(allNameColumn, allRegionColumn,
                allLatestColumn, allRuntimesColumn, allArchColumn, allSizeColumn));
        allRegionsPlaceholder.textProperty().bind(all.statusProperty());
        allRegionsTable.visibleProperty().bind(all.onProperty());
        allRegionsTable.managedProperty().bind(all.onProperty());
        layerTable.visibleProperty().bind(all.onProperty().not());
        layerTable.managedProperty().bind(all.onProperty().not());
        allRegionsStatus.textProperty().bind(all.statusProperty());
        // the empty table's placeholder says it while there are no rows; under the rows, this line does
        allRegionsStatus.visibleProperty().bind(all.onProperty().and(all.statusProperty().isNotEmpty())
                .and(javafx.beans.binding.Bindings.isNotEmpty(all.layers())));
        allRegionsStatus.managedProperty().bind(allRegionsStatus.visibleProperty());
        all.failedProperty().addListener((o, was, now) -> allRegionsStatus.pseudoClassStateChanged(ERROR, now));
        tableTitle.textProperty().bind(javafx.beans.binding.Bindings.when(all.onProperty())
                .then(resources.getString("layer.table.allRegions")).otherwise(resources.getString("layer.table")));
        all.onProperty().addListener((o, was, on) -> tableTitle.setLabelFor(on ? allRegionsTable : layerTable));
        loadingIndicator.visibleProperty().bind(vm.loadingProperty().or(all.loadingProperty())
                .or(actions.versions().busyProperty()));
        allRegionsTable.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && page.whyNotUse(item.getValue()) == null) {
                vm.select(item.getValue());
            }
        });
        allRegionsTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                all.reload();
            }
        });

        VersionActionsViewModel versions = actions.versions();
        actionStatus.textProperty().bind(versions.statusProperty());
        actionStatus.managedProperty().bind(actionStatus.textProperty().isNotEmpty());
        versions.failedProperty().addListener((o, was, now) -> actionStatus.pseudoClassStateChanged(ERROR, now));
        versions.confirmationProperty().addListener((o, was, question) -> {
            if (question != null) {
                versions.confirmationProperty().set(null);
                ConfirmDialog.ask(layerTable.getScene().getWindow(), question, resources.getString("common.cancel"));
            }
        });
        BooleanBinding noVersion = vm.selectedProperty().isNull();
        inspectButton.disableProperty().bind(noVersion);
        permissionsButton.disableProperty().bind(noVersion);
        deleteButton.disableProperty().bind(noVersion.or(versions.busyProperty()));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** One dialog, made when first needed, shown again for each version. */
    private void showPermissions() {
        if (permissionsDialog == null) {
            permissionsDialog = new PermissionsDialog(layerTable.getScene().getWindow(), actions.permissions(),
                    resources);
        }
        permissionsDialog.show();
    }

    private LayerRow shownRow() {
        return vm.selectedProperty().get();
    }

    @FXML
    private void inspectVersion() {
        page.inspect(shownRow());
    }

    @FXML
    private void openPermissions() {
        page.permissions(shownRow());
    }

    @FXML
    private void deleteVersion() {
        page.delete(shownRow());
    }

    private void setUpTable() {
        layerTable.rootProperty().bind(Bindings.createObjectBinding(() -> LayerTreeItems.of(vm.shownProperty().get()),
                vm.shownProperty()));
        layerTable.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextCells.headerTooltips(layerTable);
        // a cell may be asked for its value while the root is being replaced: no tree item then
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null
                : c.getValue().getValue()));
        nameColumn.setCellFactory(c -> new NameCell());
        latestColumn.setCellValueFactory(text(r -> r instanceof LayerRow.Layer && r.version() != null
                ? String.valueOf(r.version().version()) : ""));
        runtimesColumn.setCellValueFactory(text(r -> r.version() == null ? ""
                : RuntimeRanges.compact(r.version().compatibleRuntimes())));
        archColumn.setCellValueFactory(text(r -> r.version() == null ? ""
                : list(r.version().compatibleArchitectures())));
        sizeColumn.setCellValueFactory(text(r -> r.version() == null || r.version().codeSize() < 0 ? ""
                : ByteSizes.human(r.version().codeSize())));
        dateColumn.setCellValueFactory(text(r -> r.version() == null || r.version().createdDate() == null ? ""
                : DATE.format(r.version().createdDate())));
        for (TreeTableColumn<LayerRow, String> c : List.of(latestColumn, runtimesColumn, archColumn, sizeColumn,
                dateColumn)) {
            c.setCellFactory(TextCells.withTooltip());
        }
        layerTable.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() != null && !item.getValue().equals(vm.selectedProperty().get())) {
                vm.select(item.getValue());
            }
        });
        layerTable.rootProperty().addListener((o, a, root) -> reselect(root));
        layerTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                vm.reload();
            }
        });
    }

    private Callback text(Function<LayerRow, String> f) {
        return c -> new ReadOnlyStringWrapper(c.getValue() == null || c.getValue().getValue() == null ? ""
                : f.apply(c.getValue().getValue()));
    }

    private interface Callback extends javafx.util.Callback<TreeTableColumn.CellDataFeatures<LayerRow, String>,
            javafx.beans.value.ObservableValue<String>> {
    }

    private String list(List<String> values) {
        return values.isEmpty() ? resources.getString("layer.any") : String.join(", ", values);
    }

    /** Keeps the chosen row chosen when the table is rebuilt (search, reload). */
    private void reselect(TreeItem<LayerRow> root) {
        LayerRow wanted = vm.selectedProperty().get();
        if (root == null || wanted == null
                || vm.modeProperty().get() != LayerViewModel.Mode.EXISTING && !vm.showsPublished()) {
            return;
        }
        for (TreeItem<LayerRow> layer : root.getChildren()) {
            if (layer.getValue().equals(wanted)) {
                layerTable.getSelectionModel().select(layer);
                return;
            }
            for (TreeItem<LayerRow> version : layer.getChildren()) {
                if (version.getValue().equals(wanted)) {
                    layer.setExpanded(true);
                    layerTable.getSelectionModel().select(version);
                    return;
                }
            }
        }
    }

    private void showChoiceIcon() {
        var choice = vm.state().layerProperty().get();
        choiceIcon.setIconCode(choice == null ? Feather.CIRCLE : choice.isNew() ? Feather.PLUS_CIRCLE : Feather.LAYERS);
        choiceIcon.getStyleClass().removeAll("chosen");
        if (choice != null) {
            choiceIcon.getStyleClass().add("chosen");
        }
    }

    private void showVersion(LayerRow row) {
        LayerVersionInfo v = row == null ? null : row.version();
        versionCard.setVisible(v != null);
        versionCard.setManaged(v != null);
        if (v == null) {
            return;
        }
        versionTitle.setText(String.format(resources.getString("layer.version.title"), v.name(), v.version()));
        versionArn.setText(v.arn());
        TextCells.tooltip(versionArn, v.arn());
        versionDescription.setText(v.description().isEmpty() ? "—" : v.description());
        versionRuntimes.setText(list(v.compatibleRuntimes()) + " · " + list(v.compatibleArchitectures()));
        versionLicense.setText(v.license().isEmpty() ? "—" : v.license());
        versionSha.setText(v.codeSha256() == null ? "—" : v.codeSha256());
        TextCells.tooltip(versionSha, v.codeSha256());
        copyShaButton.setDisable(v.codeSha256() == null);
    }

    @FXML
    private void refresh() {
        vm.reload();
        actions.allRegions().reload(); // every region too, when shown
    }

    @FXML
    private void useNewName() {
        vm.useNewName();
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return vm.validProperty();
    }

    @Override
    public void onShow() {
        if (vm.layers().isEmpty() && vm.state().sessionProperty().get() != null && !vm.loadingProperty().get()) {
            vm.reload();
        } else {
            vm.refreshUsage(); // functions may have been attached since
        }
    }

    /** The layer's name with a layers icon, or "Version N" with a tag. */
    private final class NameCell extends TreeTableCell<LayerRow, LayerRow> {
        @Override
        protected void updateItem(LayerRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("layer-name", "version-name");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                TextCells.tooltip(this, null);
                return;
            }
            if (row instanceof LayerRow.Layer l) {
                setText(l.layer().name());
                setGraphic(new FontIcon(Feather.LAYERS));
                getStyleClass().add("layer-name");
            } else {
                setText(String.format(resources.getString("layer.versionRow"), row.version().version()));
                setGraphic(new FontIcon(Feather.TAG));
                getStyleClass().add("version-name");
            }
            TextCells.tooltip(this, getText());
        }
    }

    private final class UsageCell extends ListCell<LayerUse> {
        @Override
        protected void updateItem(LayerUse use, boolean empty) {
            super.updateItem(use, empty);
            if (empty || use == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(use.functionName());
            name.getStyleClass().add("target-name");
            Label detail = new Label(String.format(resources.getString("layer.usage.position"),
                    use.runtime() == null ? "—" : use.runtime(), use.position(), use.layerCount()));
            detail.getStyleClass().add("target-detail");
            FontIcon icon = new FontIcon(Feather.ZAP);
            javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(8, icon, new VBox(1, name, detail));
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
