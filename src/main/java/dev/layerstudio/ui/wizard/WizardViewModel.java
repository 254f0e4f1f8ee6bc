package dev.layerstudio.ui.wizard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Which step is shown and where the user may go: forward only while the current step
 * is valid, back always, and to any step whose predecessors are all valid.
 */
public final class WizardViewModel {

    private final List<Step> steps = List.of(Step.values());
    private final Map<Step, SimpleBooleanProperty> valid = new EnumMap<>(Step.class);
    private final ReadOnlyObjectWrapper<Step> current = new ReadOnlyObjectWrapper<>(Step.CONNECT);
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    public WizardViewModel() {
        for (Step s : steps) {
            valid.put(s, new SimpleBooleanProperty(false));
        }
        canGoBack = Bindings.createBooleanBinding(() -> current.get().ordinal() > 0, current);
        ObservableValue<?>[] deps = new ObservableValue<?>[steps.size() + 1];
        deps[0] = current;
        for (int i = 0; i < steps.size(); i++) {
            deps[i + 1] = valid.get(steps.get(i));
        }
        canGoNext = Bindings.createBooleanBinding(
                () -> current.get().ordinal() < steps.size() - 1 && isValid(current.get()), deps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Ties a step's validity to its page's view model. */
    public void bindValidity(Step step, ObservableBooleanValue validity) {
        valid.get(step).bind(validity);
    }

    public ReadOnlyBooleanProperty validProperty(Step step) {
        return valid.get(step);
    }

    public boolean isValid(Step step) {
        return valid.get(step).get();
    }

    public ReadOnlyObjectProperty<Step> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Step current() {
        return current.get();
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public void next() {
        if (canGoNext.get()) {
            current.set(steps.get(current.get().ordinal() + 1));
        }
    }

    public void back() {
        if (canGoBack.get()) {
            current.set(steps.get(current.get().ordinal() - 1));
        }
    }

    /** Whether the step list may jump to {@code step}: every step before it is valid. */
    public boolean canOpen(Step step) {
        for (Step s : steps) {
            if (s == step) {
                return true;
            }
            if (!isValid(s)) {
                return false;
            }
        }
        return false;
    }

    public void open(Step step) {
        if (canOpen(step)) {
            current.set(step);
        }
    }

    /**
     * Shows a step to look at something there (a published version in Inspect) even when the
     * steps before it are not done yet; Next still waits until that step is valid.
     */
    public void look(Step step) {
        current.set(step);
    }

    public StepState stateOf(Step step) {
        if (step == current.get()) {
            return StepState.CURRENT;
        }
        if (!canOpen(step)) {
            return StepState.LOCKED;
        }
        return isValid(step) && step.ordinal() < current.get().ordinal() ? StepState.DONE : StepState.OPEN;
    }

    /** Observables whose change can change any step's state (for the step list to refresh). */
    public ObservableValue<?>[] stateDependencies() {
        ObservableValue<?>[] deps = new ObservableValue<?>[steps.size() + 1];
        deps[0] = current;
        for (int i = 0; i < steps.size(); i++) {
            deps[i + 1] = valid.get(steps.get(i));
        }
        return deps;
    }
}
