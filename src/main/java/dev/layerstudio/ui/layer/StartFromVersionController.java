package dev.layerstudio.ui.layer;

import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.ui.project.StartFromVersionViewModel;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Layer step's "Start from version N" card: binds {@link StartFromVersionViewModel}; asks for the folder. */
public final class StartFromVersionController {

    private final StartFromVersionViewModel vm;
    private final BiConsumer<Window, Consumer<Path>> folder;

    @FXML private VBox card;
    @FXML private ComboBox<LayerVersionInfo> versionChoice;
    @FXML private Button startButton;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progressBar;
    @FXML private Label messageLabel;
    @FXML private Label statusLabel;
    @FXML private ResourceBundle resources;

    /**
     * @param folder asks for the project's folder (first about unsaved changes, then the platform's dialog,
     *               or a test's path) and gives it on
     */
    public StartFromVersionController(StartFromVersionViewModel vm, BiConsumer<Window, Consumer<Path>> folder) {
        this.vm = vm;
        this.folder = folder;
    }

    @FXML
    private void initialize() {
        card.visibleProperty().bind(vm.availableProperty());
        card.managedProperty().bind(card.visibleProperty());
        versionChoice.setItems(vm.versions());
        versionChoice.valueProperty().bindBidirectional(vm.chosenProperty());
        versionChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(LayerVersionInfo v) {
                return v == null ? "" : String.format(resources.getString("startFrom.versionItem"), v.version());
            }

            @Override
            public LayerVersionInfo fromString(String s) {
                return null;
            }
        });
        startButton.textProperty().bind(Bindings.createStringBinding(() -> vm.chosenProperty().get() == null ? ""
                : String.format(resources.getString("startFrom.start"), vm.chosenProperty().get().version()),
                vm.chosenProperty()));
        startButton.disableProperty().bind(vm.runningProperty().or(vm.chosenProperty().isNull()));
        versionChoice.disableProperty().bind(vm.runningProperty());
        progressRow.visibleProperty().bind(vm.runningProperty());
        progressRow.managedProperty().bind(vm.runningProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        vm.failedProperty().addListener((o, a, now) -> statusLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), now));
    }

    @FXML
    private void start() {
        folder.accept(card.getScene().getWindow(), vm::start);
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }
}
