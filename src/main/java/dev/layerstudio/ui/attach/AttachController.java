package dev.layerstudio.ui.attach;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.ui.common.ConfirmDialog;
import dev.layerstudio.ui.common.TextCells;
import dev.layerstudio.ui.export.ExportDialog;
import dev.layerstudio.ui.export.ExportViewModel;
import dev.layerstudio.ui.shell.StepController;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.VBox;

/**
 * Binds the Attach page: the function table and filters, one stack card per chosen function,
 * apply and undo; or, with Staged rollout on, the {@link RolloutPane}; and the Export dialog.
 */
public final class AttachController implements StepController {

    private final AttachStep step;
    private final AttachViewModel vm;
    private final RolloutViewModel rollout;
    private final ExportViewModel export;
    private ExportDialog.SaveChooser saveChooser;
    private RolloutPane rolloutPane;

    @FXML private Label subtitle;
    @FXML private TextField searchField;
    @FXML private CheckBox compatibleBox;
    @FXML private CheckBox usesLayerBox;
    @FXML private TableView<AttachViewModel.Row> functionTable;
    @FXML private TableColumn<AttachViewModel.Row, Boolean> chosenColumn;
    @FXML private TableColumn<AttachViewModel.Row, String> nameColumn;
    @FXML private TableColumn<AttachViewModel.Row, String> runtimeColumn;
    @FXML private TableColumn<AttachViewModel.Row, String> archColumn;
    @FXML private TableColumn<AttachViewModel.Row, String> layersColumn;
    @FXML private TableColumn<AttachViewModel.Row, Long> sizeColumn;
    @FXML private Label planCount;
    @FXML private VBox planBox;
    @FXML private Button applyButton;
    @FXML private Button undoButton;
    @FXML private Button reloadButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Label applyHint;
    @FXML private CheckBox stagedBox;
    @FXML private Button exportButton;
    @FXML private VBox attachPlanPane;
    @FXML private VBox rolloutHolder;
    @FXML private VBox summaryHolder;
    @FXML private ResourceBundle resources;

    public AttachController(AttachViewModel vm) {
        this(vm, vm.newRollout(), vm.newExport());
    }

    public AttachController(AttachViewModel vm, RolloutViewModel rollout, ExportViewModel export) {
        this(new AttachStep(vm, rollout, export, vm.text()));
    }

    public AttachController(AttachStep step) {
        this.step = step;
        this.vm = step.attach();
        this.rollout = step.rollout();
        this.export = step.export();
    }

    /** Where Save… in the Export dialog writes (tests give a file instead of the platform's dialog). */
    public void saveChooser(ExportDialog.SaveChooser chooser) {
        this.saveChooser = chooser;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        compatibleBox.selectedProperty().bindBidirectional(vm.compatibleOnlyProperty());
        usesLayerBox.selectedProperty().bindBidirectional(vm.usesLayerOnlyProperty());
        usesLayerBox.setTooltip(new javafx.scene.control.Tooltip(resources.getString("attach.usesLayer.tip")));
        TextCells.tooltipFollowsText(subtitle);
        SortedList<AttachViewModel.Row> sorted = new SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(functionTable.comparatorProperty());
        functionTable.setItems(sorted);
        functionTable.setPlaceholder(new Label(resources.getString("attach.noFunctions")));
        functionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextCells.headerTooltips(functionTable);
        chosenColumn.setCellValueFactory(c -> c.getValue().chosenProperty());
        chosenColumn.setCellFactory(c -> new CheckBoxTableCell<>() {
            @Override
            public void updateItem(Boolean chosen, boolean empty) {
                super.updateItem(chosen, empty);
                // a screen reader says which function the box picks, not only "checked"
                AttachViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (getGraphic() instanceof CheckBox box) {
                    box.setAccessibleText(row == null ? null
                            : String.format(resources.getString("attach.chooseOne"), row.function().name()));
                }
            }
        });
        chosenColumn.setEditable(true);
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().function().name()));
        runtimeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().function().isImage()
                ? resources.getString("attach.image") : c.getValue().function().runtime()));
        archColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().function().architecture()));
        layersColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(AttachStep.layersOf(c.getValue().function())));
        for (TableColumn<AttachViewModel.Row, String> c : java.util.List.of(nameColumn, runtimeColumn, archColumn,
                layersColumn)) {
            c.setCellFactory(TextCells.forTable());
        }
        sizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().function().codeSize()));
        sizeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty || bytes == null ? null : ByteSizes.human(bytes));
                TextCells.tooltip(this, getText());
            }
        });
        functionTable.setRowFactory(t -> {
            javafx.scene.control.TableRow<AttachViewModel.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    row.getItem().chosenProperty().set(!row.getItem().chosenProperty().get());
                }
            });
            return row;
        });

        vm.plans().addListener((ListChangeListener<StackPlan>) c -> showPlans());
        planCount.textProperty().bind(Bindings.size(vm.plans()).asString());
        applyButton.disableProperty().bind(vm.canApplyProperty().not());
        applyHint.textProperty().bind(vm.applyHintProperty());
        applyHint.visibleProperty().bind(applyHint.textProperty().isNotEmpty());
        applyHint.managedProperty().bind(applyHint.visibleProperty());
        undoButton.disableProperty().bind(vm.canUndoProperty().not());
        reloadButton.disableProperty().bind(vm.busyProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        showPlans();

        stagedBox.selectedProperty().bindBidirectional(rollout.stagedProperty());
        stagedBox.disableProperty().bind(rollout.busyProperty().or(vm.busyProperty()));
        rolloutPane = new RolloutPane(rollout, resources);
        VBox.setVgrow(rolloutPane, javafx.scene.layout.Priority.ALWAYS);
        rolloutHolder.getChildren().setAll(rolloutPane);
        var summaryShown = vm.summaryProperty().isNotNull();
        summaryHolder.visibleProperty().bind(summaryShown);
        summaryHolder.managedProperty().bind(summaryShown);
        vm.summaryProperty().addListener((o, was, now) -> showSummary(now));
        rolloutHolder.visibleProperty().bind(rollout.stagedProperty().and(summaryShown.not()));
        rolloutHolder.managedProperty().bind(rolloutHolder.visibleProperty());
        attachPlanPane.visibleProperty().bind(rollout.stagedProperty().not().and(summaryShown.not()));
        attachPlanPane.managedProperty().bind(attachPlanPane.visibleProperty());
        exportButton.disableProperty().bind(export.availableProperty().not());
        planCount.visibleProperty().bind(rollout.stagedProperty().not());
    }

    private void showPlans() {
        planBox.getChildren().setAll(vm.plans().stream().map(p -> new StackCard(p, resources, vm.busyProperty()))
                .toList());
        if (vm.plans().isEmpty()) {
            Label hint = new Label(resources.getString("attach.choose"));
            hint.getStyleClass().add("status-line");
            hint.setWrapText(true);
            planBox.getChildren().add(hint);
        }
    }

    /** Apply: straight through when nothing needs a second look; else once through the list of points. */
    @FXML
    private void apply() {
        step.applyQuestion().ifPresentOrElse(q -> ConfirmDialog.ask(applyButton.getScene().getWindow(), q,
                resources.getString("common.cancel")), () -> vm.apply(true));
    }

    @FXML
    private void undo() {
        vm.undo();
    }

    private void showSummary(FinishSummary summary) {
        summaryHolder.getChildren().setAll(summary == null ? java.util.List.of()
                : java.util.List.of(new FinishView(summary, resources, vm.canUndoProperty(), vm::undo,
                        vm::closeSummary, vm::startAnother)));
        if (summary != null) {
            VBox.setVgrow(summaryHolder.getChildren().get(0), javafx.scene.layout.Priority.ALWAYS);
        }
    }

    /** Finish: the summary of what was done, with Undo and "Start another layer". */
    @Override
    public void onFinish() {
        vm.finish();
    }

    @FXML
    private void openExport() {
        ExportDialog.SaveChooser chooser = saveChooser != null ? saveChooser : ExportDialog.fileChooser(resources);
        new ExportDialog(exportButton.getScene().getWindow(), export, resources, chooser).show();
    }

    @FXML
    private void reload() {
        vm.load();
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return step.validProperty();
    }

    @Override
    public void onShow() {
        step.onShow();
        rolloutPane.showVersion(vm.attaching());
        subtitle.setText(step.subtitle());
    }
}
