package dev.layerstudio.ui.export;

import dev.layerstudio.export.ExportFormat;
import dev.layerstudio.ui.common.TabOut;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Export dialog: SAM, CloudFormation or Terraform for the published version, the text
 * read-only, and Copy / Save. Binds an {@link ExportViewModel}; where to save is asked
 * through a {@link SaveChooser} (a file chooser, or what a test gives).
 */
public final class ExportDialog {

    /** Asks where to save: the file, or empty when the user cancelled. */
    @FunctionalInterface
    public interface SaveChooser {
        Optional<Path> choose(Window owner, String suggestedName, ExportFormat format);
    }

    /** The platform's save dialog. */
    public static SaveChooser fileChooser(ResourceBundle text) {
        return (owner, name, format) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.getString("export.saveTitle"));
            chooser.setInitialFileName(name);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    text.getString(format == ExportFormat.TERRAFORM ? "export.filter.tf" : "export.filter.yaml"),
                    "*." + format.extension()));
            File f = chooser.showSaveDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        };
    }

    private final Dialog<Void> dialog = new Dialog<>();

    public ExportDialog(Window owner, ExportViewModel vm, ResourceBundle text, SaveChooser chooser) {
        vm.open();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.setTitle(text.getString("export.title"));
        dialog.setHeaderText(String.format(text.getString("export.header"), vm.versionLabel()));

        ToggleGroup group = new ToggleGroup();
        HBox formats = new HBox(14);
        formats.setAlignment(Pos.CENTER_LEFT);
        Label formatLabel = new Label(text.getString("export.format"));
        formatLabel.getStyleClass().add("stack-label");
        formats.getChildren().add(formatLabel);
        for (ExportFormat f : ExportFormat.values()) {
            RadioButton b = new RadioButton(text.getString(switch (f) {
                case SAM -> "export.format.sam";
                case CLOUDFORMATION -> "export.format.cfn";
                case TERRAFORM -> "export.format.terraform";
            }));
            b.setId("exportFormat-" + f.id());
            b.setToggleGroup(group);
            b.setUserData(f);
            b.setSelected(vm.formatProperty().get() == f);
            formats.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.formatProperty().set((ExportFormat) b.getUserData());
            }
        });
        CheckBox functions = new CheckBox(text.getString("export.withFunctions"));
        functions.setId("exportWithFunctions");
        functions.selectedProperty().bindBidirectional(vm.withFunctionsProperty());

        TextArea area = new TextArea();
        TabOut.of(area);
        area.setId("exportText");
        area.setEditable(false);
        area.getStyleClass().add("export-text");
        area.setPrefRowCount(20);
        area.setPrefWidth(760);
        area.setMinWidth(240);
        area.textProperty().bind(vm.outputProperty());
        VBox.setVgrow(area, Priority.ALWAYS);

        Label notes = new Label();
        notes.setId("exportNotes");
        notes.getStyleClass().add("export-notes");
        notes.setWrapText(true);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        notes.textProperty().bind(vm.notesProperty());

        Button copy = new Button(text.getString("export.copy"), new FontIcon(Feather.COPY));
        copy.setId("exportCopy");
        copy.setOnAction(e -> vm.copy().ifPresent(t -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(t);
            Clipboard.getSystemClipboard().setContent(content);
        }));
        copy.disableProperty().bind(vm.hasTextProperty().not());
        Button save = new Button(text.getString("export.save"), new FontIcon(Feather.SAVE));
        save.setId("exportSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> chooser.choose(dialog.getDialogPane().getScene().getWindow(), vm.defaultFileName(),
                vm.formatProperty().get()).ifPresent(vm::save));
        save.disableProperty().bind(vm.hasTextProperty().not());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("exportStatus");
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(10, copy, save, busy, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(10, formats, functions, area, notes, actions);
        content.getStyleClass().add("export-dialog");
        content.setPrefWidth(760);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("exportDialog");
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().stream()
                    .filter(c -> c.startsWith("theme-")).toList());
        }
    }

    public void show() {
        dialog.show();
    }

    Dialog<Void> dialog() {
        return dialog;
    }
}
