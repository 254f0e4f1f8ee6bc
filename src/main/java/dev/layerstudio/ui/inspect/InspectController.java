package dev.layerstudio.ui.inspect;

import atlantafx.base.controls.Breadcrumbs;
import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.SizeNode;
import dev.layerstudio.ui.common.SizeGauge;
import dev.layerstudio.ui.common.TextCells;
import dev.layerstudio.ui.probe.LambdaTestStrip;
import dev.layerstudio.ui.shell.StepController;
import dev.layerstudio.ui.treemap.TreemapItem;
import dev.layerstudio.ui.treemap.TreemapPalette;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;

/** Binds the Inspect page to its view model: treemap, size table, gauges, findings, diff, open. */
public final class InspectController implements StepController {

    private final InspectViewModel vm;

    @FXML private VBox page;
    @FXML private Label subtitle;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private ComboBox<InspectTexts.Target> targetBox;
    @FXML private MenuButton openButton;
    @FXML private HBox otherSourceBar;
    @FXML private Label otherSourceLabel;
    @FXML private Button upButton;
    @FXML private Breadcrumbs<TreemapItem> breadcrumbs;
    @FXML private ToggleButton byKindToggle;
    @FXML private ToggleButton byPackageToggle;
    @FXML private dev.layerstudio.ui.treemap.TreemapView treemap;
    @FXML private FlowPane legend;
    @FXML private TreeTableView<SizeNode> sizeTable;
    @FXML private TreeTableColumn<SizeNode, String> pathColumn;
    @FXML private TreeTableColumn<SizeNode, Long> unzippedColumn;
    @FXML private TreeTableColumn<SizeNode, Long> zippedColumn;
    @FXML private TreeTableColumn<SizeNode, Long> filesColumn;
    @FXML private TreeTableColumn<SizeNode, String> packageColumn;
    @FXML private VBox gauges;
    @FXML private Label findingCount;
    @FXML private ScrollPane findingScroll;
    @FXML private VBox findingList;
    @FXML private HBox lambdaTestButtonHolder;
    @FXML private VBox lambdaTestHolder;
    @FXML private Label diffStatus;
    @FXML private Label diffSummary;
    @FXML private ScrollPane diffScroll;
    @FXML private VBox diffPackages;
    @FXML private Label statusLabel;
    @FXML private ResourceBundle resources;

    public InspectController(InspectViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(Bindings.when(vm.busyProperty())
                .then(vm.progressMessageProperty()).otherwise(vm.statusProperty()));
        setUpTarget();
        setUpTreemap();
        setUpTable();
        FindingList.bind(findingScroll, findingList, vm.findings(), vm.findingsPlaceholderProperty(), resources,
                vm::applyFix, vm.busyProperty());
        findingCount.textProperty().bind(Bindings.size(vm.findings()).asString());
        LambdaTestStrip lambdaTest = new LambdaTestStrip(vm.lambdaTest(), resources);
        lambdaTestButtonHolder.getChildren().setAll(lambdaTest.button());
        lambdaTestHolder.getChildren().setAll(lambdaTest.status());
        diffStatus.textProperty().bind(vm.diffStatusProperty());
        diffSummary.textProperty().bind(vm.diffSummaryProperty());
        diffSummary.managedProperty().bind(vm.diffProperty().isNotNull());
        // an empty list of changed packages takes no room from the findings above
        diffScroll.managedProperty().bind(Bindings.isNotEmpty(diffPackages.getChildren()));
        diffScroll.visibleProperty().bind(diffScroll.managedProperty());
        vm.diffProperty().addListener((o, a, d) -> showDiff());
        subtitle.textProperty().bind(vm.summaryProperty());
        otherSourceBar.visibleProperty().bind(vm.ownLayerProperty().not().and(vm.reportProperty().isNotNull()));
        otherSourceBar.managedProperty().bind(otherSourceBar.visibleProperty());
        vm.reportProperty().addListener((o, a, r) -> showReport(r));
        vm.mapProperty().addListener((o, a, m) -> showMap(m));
        openButton.disableProperty().bind(vm.busyProperty());
        setUpDrop();
        showReport(vm.reportProperty().get());
    }

    private void setUpTarget() {
        targetBox.getItems().setAll(vm.targets());
        targetBox.setValue(vm.chosenTarget());
        vm.targets().addListener((ListChangeListener<InspectTexts.Target>) c -> {
            targetBox.getItems().setAll(vm.targets());
            targetBox.setValue(vm.chosenTarget());
        });
        targetBox.setCellFactory(l -> new TargetCell());
        targetBox.setButtonCell(new TargetCell());
        targetBox.valueProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.chooseTarget(t);
            }
        });
        targetBox.disableProperty().bind(vm.ownLayerProperty().not().and(vm.reportProperty().isNotNull()));
    }

    private static final class TargetCell extends ListCell<InspectTexts.Target> {
        @Override
        protected void updateItem(InspectTexts.Target t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : t.label());
            TextCells.tooltip(this, getText());
        }
    }

    private void setUpTreemap() {
        ToggleGroup colours = new ToggleGroup();
        byKindToggle.setToggleGroup(colours);
        byPackageToggle.setToggleGroup(colours);
        colours.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                colours.selectToggle(a); // one of the two is always on
                return;
            }
            treemap.colorModeProperty().set(t == byPackageToggle ? TreemapPalette.Mode.PACKAGE
                    : TreemapPalette.Mode.KIND);
            showLegend();
        });
        breadcrumbs.setOnCrumbAction(e -> treemap.drillTo(e.getSelectedCrumb().getValue()));
        treemap.trail().addListener((ListChangeListener<TreemapItem>) c -> showTrail());
        upButton.disableProperty().bind(Bindings.size(treemap.trail()).lessThan(2));
    }

    private void showTrail() {
        List<TreemapItem> trail = treemap.trail();
        if (trail.isEmpty()) {
            breadcrumbs.setSelectedCrumb(null);
            return;
        }
        breadcrumbs.setSelectedCrumb(Breadcrumbs.buildTreeModel(trail.toArray(new TreemapItem[0])));
    }

    private void showLegend() {
        legend.getChildren().clear();
        TreemapPalette palette = treemap.palette();
        if (palette == null) {
            return;
        }
        if (treemap.colorModeProperty().get() == TreemapPalette.Mode.KIND) {
            for (TreemapItem.Kind k : TreemapItem.Kind.values()) {
                legend.getChildren().add(legendEntry(TreemapPalette.of(k), resources.getString(kindKey(k))));
            }
        } else {
            for (Map.Entry<String, Color> e : palette.legend()) {
                legend.getChildren().add(legendEntry(e.getValue(), e.getKey()));
            }
        }
    }

    private static String kindKey(TreemapItem.Kind kind) {
        return switch (kind) {
            case INSTALLED -> "inspect.kind.installed";
            case OWN_CODE -> "inspect.kind.own_code";
            case NATIVE -> "inspect.kind.native";
            case CACHE -> "inspect.kind.cache";
            case OTHER -> "inspect.kind.other";
        };
    }

    private static Label legendEntry(Color color, String name) {
        Rectangle swatch = new Rectangle(10, 10, color);
        swatch.setArcWidth(4);
        swatch.setArcHeight(4);
        Label l = new Label(name, swatch);
        l.getStyleClass().add("legend-entry");
        return l;
    }

    private void setUpTable() {
        pathColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().name()));
        unzippedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().bytes()));
        zippedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().zippedBytes()));
        filesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>((long) c.getValue().getValue().files()));
        packageColumn.setCellValueFactory(c -> {
            LayerMap m = vm.mapProperty().get();
            PackageUsage p = m == null ? null : m.packageOf(c.getValue().getValue().path());
            return new ReadOnlyObjectWrapper<>(p == null ? "" : p.version() == null ? p.name()
                    : p.name() + " " + p.version());
        });
        pathColumn.setCellFactory(TextCells.withTooltip());
        packageColumn.setCellFactory(TextCells.withTooltip());
        unzippedColumn.setCellFactory(c -> numberCell(ByteSizes::human));
        zippedColumn.setCellFactory(c -> numberCell(ByteSizes::human));
        filesColumn.setCellFactory(c -> numberCell(String::valueOf));
        sizeTable.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextCells.headerTooltips(sizeTable);
        Label empty = new Label();
        empty.textProperty().bind(vm.tablePlaceholderProperty());
        sizeTable.setPlaceholder(empty);
        TableMapSync.link(sizeTable, treemap, vm.mapProperty()::get);
    }

    private static TreeTableCell<SizeNode, Long> numberCell(Function<Long, String> format) {
        TreeTableCell<SizeNode, Long> cell = new TreeTableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                String text = empty || value == null ? null : format.apply(value);
                setText(text);
                TextCells.tooltip(this, text); // a narrow column or a large font cuts "815 KB" to "81…"
            }
        };
        cell.getStyleClass().add("number-cell");
        return cell;
    }

    private void showReport(InspectionReport r) {
        gauges.getChildren().clear();
        if (r == null) {
            return;
        }
        otherSourceLabel.setText(vm.texts().showing(r));
        for (LimitCheck limit : r.limits()) {
            SizeGauge gauge = new SizeGauge();
            gauge.setId("gauge-" + limit.name());
            gauge.show(vm.texts().limitTitle(limit), limit.limitBytes(), vm.texts().gaugeParts(limit).stream()
                    .map(p -> new SizeGauge.Part(p.label(), p.bytes(), styleOf(p))).toList());
            gauges.getChildren().add(gauge);
        }
        SizeTreeItem root = new SizeTreeItem(r.sizeTree());
        root.setExpanded(true);
        if (root.getChildren().size() == 1) {
            root.getChildren().get(0).setExpanded(true); // python/ alone: show what is in it
        }
        sizeTable.setRoot(root);
        sizeTable.getSortOrder().clear();
    }

    /** A part's colour in the theme: this layer, the function's code, or one of three for the other layers. */
    private static String styleOf(InspectTexts.GaugePart p) {
        return switch (p.kind()) {
            case THIS_LAYER -> "part-layer";
            case FUNCTION_CODE -> "part-code";
            case OTHER_LAYER -> "part-other-layers part-other-" + (p.index() % 3);
        };
    }

    private void showMap(LayerMap m) {
        treemap.setTree(m == null ? null : m.tree());
        showLegend();
    }

    private void showDiff() {
        diffPackages.getChildren().setAll(vm.diffRows().stream().map(d -> {
            Label row = new Label(d.text());
            row.getStyleClass().addAll("diff-row", "diff-" + d.change().name().toLowerCase(Locale.ROOT));
            TextCells.tooltipFollowsText(row); // a long package name is cut: its tooltip has it whole
            return row;
        }).toList());
    }

    private void setUpDrop() {
        page.setOnDragOver(e -> {
            if (!vm.busyProperty().get() && e.getDragboard().hasFiles() && zipIn(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                page.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), true);
            }
            e.consume();
        });
        page.setOnDragExited(e -> page.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"),
                false));
        page.setOnDragDropped(e -> {
            File zip = e.getDragboard().hasFiles() ? zipIn(e.getDragboard().getFiles()) : null;
            if (zip != null) {
                vm.openZip(zip.toPath());
            }
            e.setDropCompleted(zip != null);
            e.consume();
        });
    }

    private static File zipIn(List<File> files) {
        return files.stream().filter(f -> f.getName().toLowerCase(Locale.ROOT).endsWith(".zip")).findFirst()
                .orElse(null);
    }

    @FXML
    private void openZip() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("inspect.open.zip.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                resources.getString("inspect.open.zip.filter"), "*.zip"));
        File file = chooser.showOpenDialog(page.getScene().getWindow());
        if (file != null) {
            vm.openZip(file.toPath());
        }
    }

    @FXML
    private void openVersion() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(page.getScene().getWindow());
        dialog.setTitle(resources.getString("inspect.open.version.title"));
        dialog.setHeaderText(resources.getString("inspect.open.version.header"));
        dialog.getEditor().setPromptText("arn:aws:lambda:us-east-1:123456789012:layer:name:3");
        dialog.getEditor().setPrefColumnCount(40);
        dialog.showAndWait().ifPresent(vm::openVersion);
    }

    @FXML
    private void backToLayer() {
        vm.showOwnLayer();
    }

    @FXML
    private void up() {
        treemap.up();
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return vm.validProperty();
    }

    @Override
    public void onShow() {
        vm.onShow();
    }
}
