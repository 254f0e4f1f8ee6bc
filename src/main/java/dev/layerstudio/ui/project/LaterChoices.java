package dev.layerstudio.ui.project;

import dev.layerstudio.model.LayerProject;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import javafx.beans.value.ObservableValue;

/**
 * What the later steps choose that a project keeps, between the project and the wizard's state:
 * the publish options (Publish), the rollout waves (Attach) and the slimming rules (a project's,
 * plus each slimming fix Inspect made). Each is {@code null} in the state until a project or the
 * step sets it; then the state's value is the project's.
 */
final class LaterChoices {

    private LaterChoices() {
    }

    /** The state's properties whose change is an edit of the project. */
    static List<ObservableValue<?>> watched(WizardState state) {
        return List.of(state.publishOptionsProperty(), state.wavesProperty(), state.slimmingProperty());
    }

    /** {@code made} with what the state holds of these choices. */
    static LayerProject onto(LayerProject made, WizardState state) {
        LayerProject p = made;
        LayerProject.Publish publish = state.publishOptionsProperty().get();
        if (publish != null) {
            p = p.withPublish(publish);
        }
        List<String> waves = state.wavesProperty().get();
        if (waves != null) {
            p = p.withTargets(new LayerProject.Targets(p.targets().functions(), waves));
        }
        if (state.slimmingProperty().get() != null) {
            p = p.withSlimming(state.slimmingProperty().get());
        }
        return p;
    }

    /** Puts a project's choices into the state (opened or restored). */
    static void fill(WizardState state, LayerProject project) {
        state.publishOptionsProperty().set(project.publish());
        state.wavesProperty().set(project.targets().waves());
        state.slimmingProperty().set(project.slimming());
    }

    /** Forgets them (a new layer without a project). */
    static void clear(WizardState state) {
        state.publishOptionsProperty().set(null);
        state.wavesProperty().set(null);
        state.slimmingProperty().set(null);
    }
}
