package dev.layerstudio.ui.attach;

import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.WaveSelector;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The staged rollout's waves and the project's ({@link WizardState#wavesProperty()}) both ways: the
 * waves of an opened project are the rollout's waves when no rollout is under way, read as
 * {@code upgrade --project} reads them ({@link LayerProject.Targets#waveSelectors()}), and every wave
 * the user adds or removes is the project's from then on. Waves taken from a rollout's journal
 * (Resume) or cleared with it (Stop) are not an edit of the project.
 */
final class ProjectWaves {

    private ProjectWaves() {
    }

    /**
     * @param preview the waves as the page has them
     * @param journal the rollout under way, if any (its waves are the journal's, not the project's)
     */
    static void follow(WizardState state, WavePreview preview, ObservableValue<RolloutJournal> journal) {
        ObservableList<String> selectors = preview.selectors();
        fill(selectors, state.wavesProperty().get(), journal.getValue());
        state.wavesProperty().addListener((o, was, now) -> fill(selectors, now, journal.getValue()));
        preview.onEdited(state.wavesProperty()::set);
    }

    private static void fill(ObservableList<String> selectors, List<String> waves, RolloutJournal underWay) {
        if (underWay != null) {
            return;
        }
        List<String> written = written(waves);
        if (!written.equals(selectors)) {
            selectors.setAll(written);
        }
    }

    /** The waves as the page writes them, each read as the command line reads a project's waves. */
    static List<String> written(List<String> waves) {
        if (waves == null) {
            return List.of();
        }
        return new LayerProject.Targets(List.of(), waves).waveSelectors().stream().map(WaveSelector::describe)
                .toList();
    }
}
