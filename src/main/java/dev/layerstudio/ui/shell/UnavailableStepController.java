package dev.layerstudio.ui.shell;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** A step whose page this build does not have yet; it never becomes valid. */
public final class UnavailableStepController implements StepController {

    private final String titleKey;

    @FXML private Label titleLabel;
    @FXML private java.util.ResourceBundle resources;

    public UnavailableStepController(String titleKey) {
        this.titleKey = titleKey;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(resources.getString(titleKey));
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return new ReadOnlyBooleanWrapper(false);
    }
}
