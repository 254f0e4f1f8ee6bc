package dev.layerstudio.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WizardViewModelTest {

    private final WizardViewModel wizard = new WizardViewModel();
    private final SimpleBooleanProperty connectValid = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty layerValid = new SimpleBooleanProperty(false);

    @BeforeEach
    void bind() {
        wizard.bindValidity(Step.CONNECT, connectValid);
        wizard.bindValidity(Step.LAYER, layerValid);
    }

    @Test
    void nextFollowsTheCurrentStepsValidity() {
        assertThat(wizard.current()).isEqualTo(Step.CONNECT);
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(wizard.canGoBackProperty().get()).isFalse();
        wizard.next();
        assertThat(wizard.current()).isEqualTo(Step.CONNECT);

        connectValid.set(true);
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        wizard.next();
        assertThat(wizard.current()).isEqualTo(Step.LAYER);
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(wizard.canGoBackProperty().get()).isTrue();
    }

    @Test
    void stepsOpenOnlyWhenEveryEarlierStepIsValid() {
        assertThat(wizard.canOpen(Step.CONNECT)).isTrue();
        assertThat(wizard.canOpen(Step.LAYER)).isFalse();
        assertThat(wizard.stateOf(Step.LAYER)).isEqualTo(StepState.LOCKED);
        connectValid.set(true);
        assertThat(wizard.stateOf(Step.LAYER)).isEqualTo(StepState.OPEN);
        assertThat(wizard.canOpen(Step.CONTENTS)).isFalse();
        layerValid.set(true);
        wizard.open(Step.CONTENTS);
        assertThat(wizard.current()).isEqualTo(Step.CONTENTS);
        assertThat(wizard.stateOf(Step.CONNECT)).isEqualTo(StepState.DONE);
        assertThat(wizard.stateOf(Step.CONTENTS)).isEqualTo(StepState.CURRENT);
    }

    @Test
    void losingValidityLocksLaterStepsButBackStillWorks() {
        connectValid.set(true);
        layerValid.set(true);
        wizard.open(Step.CONTENTS);
        connectValid.set(false);
        assertThat(wizard.stateOf(Step.LAYER)).isEqualTo(StepState.LOCKED);
        wizard.back();
        assertThat(wizard.current()).isEqualTo(Step.LAYER);
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        wizard.back();
        assertThat(wizard.current()).isEqualTo(Step.CONNECT);
        assertThat(wizard.canGoNextProperty().get()).isFalse();
    }

    @Test
    void lookingAtAStepShowsItBeforeTheStepsBeforeItAreDoneAndNextStillWaits() {
        connectValid.set(true);
        wizard.next();
        assertThat(wizard.canOpen(Step.INSPECT)).isFalse();

        wizard.look(Step.INSPECT);
        assertThat(wizard.current()).isEqualTo(Step.INSPECT);
        assertThat(wizard.stateOf(Step.INSPECT)).isEqualTo(StepState.CURRENT);
        assertThat(wizard.canGoNextProperty().get()).isFalse(); // Inspect is not valid: no Next
        wizard.back();
        assertThat(wizard.current()).isEqualTo(Step.CONTENTS);
    }
}
