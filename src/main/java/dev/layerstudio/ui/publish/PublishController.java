package dev.layerstudio.ui.publish;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.Limits;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.ui.common.ConfirmDialog;
import dev.layerstudio.ui.common.TabOut;
import dev.layerstudio.ui.common.TextCells;
import dev.layerstudio.ui.export.ExportDialog;
import dev.layerstudio.ui.probe.LambdaTestDialog;
import dev.layerstudio.ui.export.ExportViewModel;
import dev.layerstudio.ui.shell.StepController;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the Publish form, the duplicate notice, progress and the results to the view model. */
public final class PublishController implements StepController {

    private final PublishViewModel vm;

    @FXML private TextField nameField;
    @FXML private TextArea descriptionField;
    @FXML private TextField licenseField;
    @FXML private FlowPane runtimeBoxes;
    @FXML private FlowPane architectureBoxes;
    @FXML private FontIcon uploadIcon;
    @FXML private Label uploadLabel;
    @FXML private VBox s3Box;
    @FXML private TextField bucketField;
    @FXML private CheckBox createBucketBox;
    @FXML private FlowPane regionBoxes;
    @FXML private VBox problemBox;
    @FXML private VBox duplicateBox;
    @FXML private Label duplicateLabel;
    @FXML private Button useExistingButton;
    @FXML private Button publishAnywayButton;
    @FXML private Button publishButton;
    @FXML private VBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private TableView<PublishResult> resultTable;
    @FXML private TableColumn<PublishResult, String> regionColumn;
    @FXML private TableColumn<PublishResult, String> versionColumn;
    @FXML private TableColumn<PublishResult, PublishResult> arnColumn;
    @FXML private VBox resultCard;
    @FXML private Label arnValue;
    @FXML private Label shaValue;
    @FXML private Label statusLabel;
    @FXML private Button exportButton;
    @FXML private Button useDescriptionButton;
    @FXML private Label proposalLabel;
    @FXML private VBox compatBox;
    @FXML private Label publishHint;
    @FXML private ResourceBundle resources;
    private ExportViewModel export;

    public PublishController(PublishViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        descriptionField.textProperty().bindBidirectional(vm.descriptionProperty());
        TabOut.of(descriptionField);
        licenseField.textProperty().bindBidirectional(vm.licenseProperty());
        bucketField.textProperty().bindBidirectional(vm.bucketProperty());
        createBucketBox.selectedProperty().bindBidirectional(vm.createBucketProperty());
        checkBoxes(runtimeBoxes, vm.runtimes(), "runtime-");
        vm.runtimes().addListener((ListChangeListener<PublishChoice>) c -> {
            while (c.next()) {
                if (c.wasReplaced() || c.wasAdded() || c.wasRemoved()) {
                    checkBoxes(runtimeBoxes, vm.runtimes(), "runtime-"); // the layer's language changed
                    return;
                }
            }
        });
        checkBoxes(architectureBoxes, vm.architectures(), "arch-");
        checkBoxes(regionBoxes, vm.otherRegions(), "region-");
        vm.otherRegions().addListener((ListChangeListener<PublishChoice>) c -> {
            if (regionBoxes.getChildren().size() != vm.otherRegions().size()) {
                checkBoxes(regionBoxes, vm.otherRegions(), "region-");
            }
        });
        s3Box.visibleProperty().bind(vm.viaS3Property());
        s3Box.managedProperty().bind(s3Box.visibleProperty());
        uploadLabel.textProperty().bind(Bindings.createStringBinding(this::uploadText, vm.viaS3Property(),
                vm.zipProperty()));

        vm.problems().addListener((ListChangeListener<String>) c -> showProblems());
        showProblems();
        duplicateBox.visibleProperty().bind(vm.duplicateProperty().isNotNull());
        duplicateBox.managedProperty().bind(duplicateBox.visibleProperty());
        vm.duplicateProperty().addListener((o, a, v) -> {
            if (v != null) {
                duplicateLabel.setText(String.format(resources.getString("publish.duplicate"), v.version()));
                useExistingButton.setText(String.format(resources.getString("publish.useExisting"), v.version()));
            }
        });
        useExistingButton.disableProperty().bind(vm.busyProperty());
        publishAnywayButton.disableProperty().bind(vm.canPublishProperty().not());
        publishButton.disableProperty().bind(vm.canPublishProperty().not().or(vm.duplicateProperty().isNotNull()));
        progressBox.visibleProperty().bind(vm.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressMessageProperty());
        statusLabel.textProperty().bind(vm.statusProperty());

        resultTable.setItems(vm.results());
        resultTable.setPlaceholder(new Label(resources.getString("publish.noResults")));
        resultTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextCells.headerTooltips(resultTable);
        regionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().region()));
        versionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().version() == null
                ? resources.getString("publish.failed") : String.valueOf(c.getValue().version().version())));
        regionColumn.setCellFactory(dev.layerstudio.ui.common.TextCells.forTable());
        versionColumn.setCellFactory(dev.layerstudio.ui.common.TextCells.forTable());
        arnColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        arnColumn.setCellFactory(c -> new ArnCell());
        resultCard.visibleProperty().bind(vm.validProperty());
        resultCard.managedProperty().bind(resultCard.visibleProperty());
        vm.validProperty().addListener((o, a, b) -> showPublished());
        showPublished();
        proposalLabel.textProperty().bind(vm.proposalReasonsProperty());
        useDescriptionButton.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                resources.getString("publish.proposal.use"), vm.proposedDescriptionProperty().get()),
                vm.proposedDescriptionProperty()));
        useDescriptionButton.setTooltip(new Tooltip(resources.getString("publish.proposal.useTip")));
        useDescriptionButton.visibleProperty().bind(vm.proposedDescriptionProperty().isNotEmpty()
                .and(vm.descriptionProperty().isNotEqualTo(vm.proposedDescriptionProperty())));
        useDescriptionButton.managedProperty().bind(useDescriptionButton.visibleProperty());
        vm.compatibilityProblems().addListener((ListChangeListener<String>) c -> showCompatibility());
        showCompatibility();
        publishHint.textProperty().bind(Bindings.createStringBinding(this::publishHint, vm.canPublishProperty(),
                vm.duplicateProperty(), vm.busyProperty(), vm.zipProperty()));
        publishHint.visibleProperty().bind(publishHint.textProperty().isNotEmpty());
        publishHint.managedProperty().bind(publishHint.visibleProperty());
        export = vm.newExport();
        exportButton.disableProperty().bind(export.availableProperty().not());
    }

    /** Test in Lambda, for the version just published. */
    @FXML
    private void openLambdaTest() {
        new LambdaTestDialog(exportButton.getScene().getWindow(), vm.newLambdaTest(), resources).show();
    }

    /** The same Export dialog as the Attach step's, for the version just published. */
    @FXML
    private void openExport() {
        new ExportDialog(exportButton.getScene().getWindow(), export, resources, ExportDialog.fileChooser(resources))
                .show();
    }

    private static void checkBoxes(FlowPane pane, List<PublishChoice> choices, String idPrefix) {
        pane.getChildren().clear();
        for (PublishChoice c : choices) {
            CheckBox box = new CheckBox(c.id());
            box.setMnemonicParsing(false); // x86_64 keeps its underscore
            box.setId(idPrefix + c.id().replace('.', '_'));
            box.selectedProperty().bindBidirectional(c.selectedProperty());
            if (c.note() != null) {
                box.setAccessibleHelp(c.note()); // not a tooltip: one here made clicks on the buttons below fail in tests
                box.getStyleClass().add("warning-choice");
            }
            pane.getChildren().add(box);
        }
    }

    private String uploadText() {
        ZipResult zip = vm.zipProperty().get();
        if (zip == null) {
            return resources.getString("publish.upload.unknown");
        }
        return String.format(resources.getString(vm.viaS3Property().get() ? "publish.upload.s3" : "publish.upload.direct"),
                ByteSizes.human(zip.zippedBytes()), ByteSizes.human(Limits.DIRECT_UPLOAD_ZIP_BYTES));
    }

    private void showProblems() {
        problemBox.getChildren().clear();
        for (String p : vm.problems()) {
            Label l = new Label(p, new FontIcon(Feather.ALERT_CIRCLE));
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.getStyleClass().add("field-error");
            problemBox.getChildren().add(l);
        }
        problemBox.setVisible(!vm.problems().isEmpty());
        problemBox.setManaged(!vm.problems().isEmpty());
    }

    private void showPublished() {
        PublishResult home = vm.publishedProperty().get();
        arnValue.setText(home == null ? "" : home.version().arn());
        shaValue.setText(home == null ? "" : home.codeSha256());
        arnValue.setTooltip(home == null ? null : new Tooltip(home.version().arn()));
        shaValue.setTooltip(home == null ? null : new Tooltip(home.codeSha256()));
    }

    /** The version ARN with a copy button, or why the region failed. */
    private final class ArnCell extends TableCell<PublishResult, PublishResult> {
        @Override
        protected void updateItem(PublishResult r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (r.version() == null) {
                Label why = new Label(r.message());
                why.getStyleClass().add("field-error");
                why.setTooltip(new Tooltip(r.message()));
                setGraphic(why);
                return;
            }
            Label arn = new Label(r.version().arn());
            arn.setTooltip(new Tooltip(r.version().arn() + "\n" + r.message()));
            arn.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(arn, Priority.ALWAYS);
            Button copy = new Button(null, new FontIcon(Feather.CLIPBOARD));
            copy.getStyleClass().addAll("flat", "button-icon", "small");
            copy.setAccessibleText(resources.getString("publish.copyArn"));
            copy.setTooltip(new Tooltip(resources.getString("publish.copyArn")));
            copy.setOnAction(e -> copy(r.version().arn()));
            HBox row = new HBox(4, arn, copy);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (r.status() == PublishResult.Status.DUPLICATE) {
                arn.getStyleClass().add("duplicate-arn");
            }
            setText(null);
            setGraphic(row);
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void publish() {
        publish(false);
    }

    @FXML
    private void publishAnyway() {
        publish(true);
    }

    /** Publishes; a declaration the content cannot run on is published only once the user says so. */
    private void publish(boolean force) {
        if (vm.compatibilityProblems().isEmpty()) {
            vm.publish(force, true);
            return;
        }
        ConfirmDialog.ask(publishButton.getScene().getWindow(), resources.getString("publish.compat.title"),
                resources.getString("publish.compat.header"), List.copyOf(vm.compatibilityProblems()),
                resources.getString("publish.compat.yes"), resources.getString("common.cancel"),
                () -> vm.publish(force, true));
    }

    @FXML
    private void useDescription() {
        vm.useProposedDescription();
    }

    private void showCompatibility() {
        compatBox.getChildren().setAll(vm.compatibilityProblems().stream().map(p -> {
            Label l = new Label(p, new FontIcon(Feather.ALERT_TRIANGLE));
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.getStyleClass().add("stack-warning");
            return l;
        }).toList());
    }

    /** Why Publish is disabled, in one line; empty while it can be pressed or something runs. */
    private String publishHint() {
        if (vm.busyProperty().get() || vm.canPublishProperty().get() && vm.duplicateProperty().get() == null) {
            return "";
        }
        if (vm.zipProperty().get() == null) {
            return resources.getString("publish.hint.noZip");
        }
        return resources.getString(vm.canPublishProperty().get() ? "publish.hint.duplicate" : "publish.hint.problems");
    }

    @FXML
    private void useExisting() {
        vm.useExisting();
    }

    @FXML
    private void copyArn() {
        copy(arnValue.getText());
    }

    @FXML
    private void copySha() {
        copy(shaValue.getText());
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
