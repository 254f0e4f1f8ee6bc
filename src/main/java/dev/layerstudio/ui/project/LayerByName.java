package dev.layerstudio.ui.project;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.function.Consumer;
import java.util.function.Function;

/** Chooses a project's layer in the wizard by its name. */
final class LayerByName {

    private LayerByName() {
    }

    /**
     * At once as a new layer, then, when the connection lists a layer of that name, that layer (so
     * Inspect compares with its latest version). A layer of that name already chosen stays chosen.
     */
    static void choose(WizardState state, Function<AwsSession, LayerService> layers, TaskExecutor executor,
                       String name, Consumer<String> problem) {
        LayerChoice now = state.layerProperty().get();
        if (name.isEmpty()) {
            state.layerProperty().set(null);
            return;
        }
        if (now != null && now.name().equals(name)) {
            return;
        }
        state.layerProperty().set(LayerChoice.newLayer(name));
        AwsSession session = state.sessionProperty().get();
        if (session == null) {
            return;
        }
        BackgroundTask.of(p -> layers.apply(session).listLayers()).onSuccess(list -> {
            LayerChoice chosen = state.layerProperty().get();
            if (session != state.sessionProperty().get() || chosen == null || !chosen.isNew()
                    || !chosen.name().equals(name)) {
                return;
            }
            for (LayerInfo l : list) {
                if (l.name().equals(name)) {
                    state.layerProperty().set(LayerChoice.of(l));
                }
            }
        }).onError(Exception.class, e -> problem.accept(UserMessage.sentence(e))).start(executor);
    }
}
