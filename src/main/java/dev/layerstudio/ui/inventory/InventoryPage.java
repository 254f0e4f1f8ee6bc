package dev.layerstudio.ui.inventory;

import dev.layerstudio.model.InventoryTable;
import dev.layerstudio.model.InventoryView;
import dev.layerstudio.ui.common.ColumnsInSteps;
import dev.layerstudio.ui.common.ErrorPresenter;
import dev.layerstudio.ui.common.TextCells;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The organization page, a window of its own opened from the header (not a wizard step): the
 * controls bound to an {@link InventoryViewModel}, which holds every decision.
 */
public final class InventoryPage {

    private final InventoryViewModel vm;
    private final ResourceBundle text;
    private final Function<Window, File> saveChooser;
    private final java.util.function.Predicate<String> confirm;
    private final Parent root;
    private final TableView<List<String>> table = new TableView<>();
    private final ColumnsInSteps<List<String>> columns = new ColumnsInSteps<>(table);
    private static final String COLUMN_ID = "inventoryColumn-";
    /** How many rows a column's width is measured on. */
    private static final int MEASURED_ROWS = 60;
    private Label placeholder;
    private Stage stage;

    /**
     * @param saveChooser asks where to save an export (a test passes a fixed file); null means not saved
     * @param confirm     asks the user to confirm a deletion, given the question (a test answers itself)
     */
    public InventoryPage(InventoryViewModel vm, ResourceBundle text, Function<Window, File> saveChooser,
                         java.util.function.Predicate<String> confirm) {
        this.vm = vm;
        this.text = text;
        this.saveChooser = saveChooser;
        this.confirm = confirm;
        this.root = build();
    }

    /** The platform's save dialog. */
    public static Function<Window, File> fileChooser(ResourceBundle text) {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.getString("inventory.export"));
            return chooser.showSaveDialog(owner);
        };
    }

    /** A confirmation dialog: OK deletes, anything else does not. */
    public static java.util.function.Predicate<String> dialog(ResourceBundle text) {
        return question -> {
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION, question);
            alert.setHeaderText(text.getString("inventory.deleteTitle"));
            return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
        };
    }

    public Parent root() {
        return root;
    }

    /** Shows the page in its own window (made once, brought to the front after). */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(text.getString("inventory.title"));
            if (owner != null) {
                stage.initOwner(owner);
                if (owner.getScene() != null) {
                    root.getStylesheets().setAll(owner.getScene().getStylesheets());
                }
            }
            stage.setScene(new Scene(root, 1100, 700));
            vm.loadCached();
        }
        stage.show();
        stage.toFront();
    }

    private Parent build() {
        ChoiceBox<InventoryViewModel.SourceKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(
                InventoryViewModel.SourceKind.values()));
        kind.setId("inventorySource");
        kind.setConverter(converter(k -> text.getString(switch (k) {
            case SSO -> "inventory.source.sso";
            case PROFILES -> "inventory.source.profiles";
            case AGGREGATOR -> "inventory.source.aggregator";
        })));
        kind.valueProperty().bindBidirectional(vm.sourceKindProperty());
        ComboBox<String> sso = new ComboBox<>(FXCollections.observableArrayList(vm.ssoSessionNames()));
        sso.setId("inventorySsoSession");
        sso.setEditable(true);
        sso.setPromptText(text.getString("inventory.ssoSession"));
        sso.valueProperty().bindBidirectional(vm.ssoSessionProperty());
        TextField role = field("inventoryRole", "inventory.role", vm.roleProperty());
        role.getTooltip().setText(text.getString("inventory.role.tooltip"));
        TextField profiles = field("inventoryProfiles", "inventory.profiles", vm.profilesProperty());
        TextField aggregator = field("inventoryAggregator", "inventory.aggregator", vm.aggregatorProperty());
        showFor(InventoryViewModel.SourceKind.SSO, sso, role);
        showFor(InventoryViewModel.SourceKind.PROFILES, profiles);
        showFor(InventoryViewModel.SourceKind.AGGREGATOR, aggregator);
        TextField regions = field("inventoryRegions", "inventory.regions", vm.regionsProperty());
        CheckBox all = new CheckBox(text.getString("inventory.allRegions"));
        all.setId("inventoryAllRegions");
        all.selectedProperty().bindBidirectional(vm.allRegionsProperty());
        regions.disableProperty().bind(all.selectedProperty());
        Button read = button("inventoryRead", "inventory.read.button", vm::read);
        read.getStyleClass().add("accent");
        read.disableProperty().bind(vm.runningProperty());
        Button cancel = button("inventoryCancel", "inventory.cancel", vm::cancel);
        cancel.disableProperty().bind(vm.runningProperty().not());
        HBox source = row(kind, sso, role, profiles, aggregator, regions, all, read, cancel);

        ProgressBar bar = new ProgressBar();
        bar.setId("inventoryProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty()); // the status starts at the left when nothing runs
        Label status = new Label();
        status.setId("inventoryStatus");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("inventoryError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        HBox progress = row(bar, status, error);
        // no empty line between the rows before anything has been read
        progress.managedProperty().bind(vm.runningProperty().or(vm.statusProperty().isNotEmpty())
                .or(vm.errorProperty().isNotEmpty()));
        progress.visibleProperty().bind(progress.managedProperty());

        ChoiceBox<InventoryView> view = new ChoiceBox<>(FXCollections.observableArrayList(InventoryView.values()));
        view.setId("inventoryView");
        view.setConverter(converter(v -> text.getString(switch (v) {
            case LAYERS -> "inventory.view.layers";
            case RUNTIMES -> "inventory.view.runtimes";
            case UNUSED -> "inventory.view.unused";
            case MISMATCHED -> "inventory.view.mismatched";
        })));
        view.valueProperty().bindBidirectional(vm.viewProperty());
        HBox filters = row(new Label(text.getString("inventory.show")), view,
                field("inventoryAccountFilter", "inventory.filter.account", vm.accountFilterProperty()),
                field("inventoryRegionFilter", "inventory.filter.region", vm.regionFilterProperty()),
                field("inventoryLayerFilter", "inventory.filter.layer", vm.layerFilterProperty()),
                field("inventoryRuntimeFilter", "inventory.filter.runtime", vm.runtimeFilterProperty()),
                button("inventoryExportCsv", "inventory.exportCsv", () -> export(true)),
                button("inventoryExportJson", "inventory.exportJson", () -> export(false)));

        table.setId("inventoryTable");
        placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(vm.answeringProperty())
                .then(text.getString("inventory.answering")).otherwise(text.getString("inventory.empty")));
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // every row is one line: with a fixed height (in em, so it grows with the font) the table
        // lays out only the rows in view instead of measuring each one
        table.setStyle("-fx-fixed-cell-size: 2em;");
        TextCells.headerTooltips(table);
        vm.tableProperty().addListener((o, a, b) -> showTable(b));
        showTable(vm.tableProperty().get());
        VBox.setVgrow(table, Priority.ALWAYS);

        Label notes = new Label();
        notes.setId("inventoryNotes");
        notes.setWrapText(true);
        notes.textProperty().bind(vm.notesProperty());
        notes.managedProperty().bind(vm.notesProperty().isNotEmpty());
        ListView<String> failures = new ListView<>(vm.failures());
        failures.setId("inventoryFailures");
        failures.setPrefHeight(80);
        failures.visibleProperty().bind(Bindings.isNotEmpty(vm.failures()));
        failures.managedProperty().bind(failures.visibleProperty());
        // hundreds of account-regions: a ComboBox draws only the rows in view (a ChoiceBox makes a
        // menu item per slice on the JavaFX thread each time the list changes: seconds at 180)
        ComboBox<String> slice = new ComboBox<>(vm.slices());
        slice.setVisibleRowCount(12);
        slice.setStyle("-fx-pref-width: 17em;"); // "ACCOUNT/REGION" whole, without measuring every item
        slice.setId("inventorySlice");
        Button refresh = button("inventoryRefresh", "inventory.refresh", () -> vm.refresh(slice.getValue()));
        refresh.disableProperty().bind(vm.runningProperty().or(slice.valueProperty().isNull()));
        Button delete = button("inventoryDelete", "inventory.delete", () -> {
            if (vm.canDeleteShown() && confirm.test(String.format(text.getString("inventory.deleteQuestion"),
                    vm.shownCount()))) {
                vm.deleteShown();
            }
        });
        delete.visibleProperty().bind(vm.viewProperty().isEqualTo(InventoryView.UNUSED)
                .and(vm.sourceKindProperty().isNotEqualTo(InventoryViewModel.SourceKind.AGGREGATOR)));
        delete.managedProperty().bind(delete.visibleProperty());
        delete.disableProperty().bind(vm.runningProperty());
        HBox refreshRow = row(new Label(text.getString("inventory.refreshLabel")), slice, refresh, delete);
        ListView<String> cleaned = new ListView<>(vm.cleanupResults());
        cleaned.setId("inventoryCleanup");
        cleaned.setPrefHeight(70);
        cleaned.visibleProperty().bind(Bindings.isNotEmpty(vm.cleanupResults()));
        cleaned.managedProperty().bind(cleaned.visibleProperty());

        VBox page = new VBox(8, source, progress, filters, table, notes, failures, refreshRow, cleaned);
        page.setPadding(new Insets(12));
        page.getStyleClass().add("inventory-page");
        return page;
    }

    private void showTable(InventoryTable t) {
        if (t == null) {
            columns.show(List.of(), List.of());
            return;
        }
        List<String> keys = t.columns().stream().map(c -> COLUMN_ID + c.key()).toList();
        if (keys.equals(columns.columns().stream().map(TableColumn::getId).toList())) {
            // a filter or a refresh: the cells there are only change their text
            for (int i = 0; i < keys.size(); i++) {
                columns.columns().get(i).setPrefWidth(fitWidth(t.columns().get(i).header(), t.rows(), i));
            }
            columns.rows(t.rows());
            return;
        }
        List<TableColumn<List<String>, ?>> made = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            int at = i;
            TableColumn<List<String>, String> c = new TableColumn<>(t.columns().get(i).header());
            c.setId(keys.get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(at)));
            c.setSortable(false); // the export is the table as shown, in the answer's order
            c.setCellFactory(TextCells.forTable());
            c.setPrefWidth(fitWidth(t.columns().get(i).header(), t.rows(), at));
            made.add(c);
        }
        columns.show(made, t.rows());
    }

    /** Whether the table has every column of the answer shown (they come one per frame). */
    public boolean columnsComplete() {
        return columns.complete();
    }

    /**
     * A width that shows the header and the first rows' text whole, up to a bound (longer cells show
     * theirs in a tooltip). Measured as plain text in the page's font: JavaFX's own fit-to-content
     * makes cells, with their styles, for every column on the JavaFX thread, which took seconds when
     * 18,000 functions arrived.
     */
    private double fitWidth(String header, List<List<String>> rows, int at) {
        Font font = placeholder.getFont();
        Text probe = new Text();
        probe.setFont(font);
        double em = font.getSize();
        probe.setText(header);
        double widest = probe.getLayoutBounds().getWidth() + em; // room for the header's padding
        for (int r = 0; r < Math.min(rows.size(), MEASURED_ROWS); r++) {
            probe.setText(rows.get(r).get(at));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.min(Math.max(widest + em * 1.5, em * 4), em * 32);
    }

    private void export(boolean csv) {
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        File file = saveChooser == null ? null : saveChooser.apply(owner);
        if (file == null) {
            return;
        }
        try {
            if (csv) {
                vm.exportCsv(file.toPath());
            } else {
                vm.exportJson(file.toPath());
            }
        } catch (IOException | RuntimeException e) {
            new ErrorPresenter(text).show(owner, text.getString("inventory.exportFailed"), e);
        }
    }

    private void showFor(InventoryViewModel.SourceKind k, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.visibleProperty().bind(vm.sourceKindProperty().isEqualTo(k));
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    /**
     * A text field wide enough for its prompt (what to type there), which its tooltip repeats (or
     * says more of) for when the field is narrowed or filled in.
     */
    private TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(text.getString(prompt));
        f.setTooltip(new Tooltip(text.getString(prompt)));
        f.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text probe = new Text(f.getPromptText());
            probe.setFont(f.getFont());
            double em = f.getFont().getSize();
            return Math.max(em * 8, probe.getLayoutBounds().getWidth() + em * 2); // the field's padding and caret
        }, f.fontProperty(), f.promptTextProperty()));
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text.getString(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A row of controls; when it is narrow the text fields give up width, never a label's, a button's or a choice's words. */
    private static HBox row(javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            if (n instanceof javafx.scene.control.Labeled || n instanceof ChoiceBox<?>
                    || n instanceof javafx.scene.control.ComboBoxBase<?>) {
                ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        HBox h = new HBox(8, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            /** The boxes it serves are not editable: no typed text is ever turned back into a choice. */
            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
