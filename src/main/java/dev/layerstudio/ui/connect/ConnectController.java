package dev.layerstudio.ui.connect;

import dev.layerstudio.ui.shell.StepController;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Binds the Connect view to its view model. */
public final class ConnectController implements StepController {

    private final ConnectViewModel vm;

    @FXML private ComboBox<String> profileBox;
    @FXML private ComboBox<String> regionBox;
    @FXML private TextField endpointField;
    @FXML private Button connectButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;

    public ConnectController(ConnectViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        profileBox.setItems(vm.profiles());
        profileBox.valueProperty().bindBidirectional(vm.profileProperty());
        regionBox.setItems(vm.regions());
        regionBox.valueProperty().bindBidirectional(vm.regionProperty());
        endpointField.textProperty().bindBidirectional(vm.endpointProperty());
        connectButton.disableProperty().bind(vm.busyProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        vm.load();
    }

    @FXML
    private void connect() {
        vm.connect();
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return vm.validProperty();
    }
}
