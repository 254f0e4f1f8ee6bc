package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Rollouts;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.RolloutPlan;
import dev.layerstudio.model.WaveSelector;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The waves of a staged rollout as the user writes them, and the upgrade split into those
 * waves (computed in the background, nothing changed): the planning half of
 * {@link RolloutViewModel}. Only the latest preview asked for is kept.
 */
final class WavePreview {

    /** Where the preview reports what it found or why it failed. */
    interface Say {
        void say(String message, boolean error);
    }

    private final ResourceBundle text;
    private final TaskExecutor executor;
    private final Say say;
    private final ObservableList<String> selectors = FXCollections.observableArrayList();
    private final StringProperty selectorInput = new SimpleStringProperty(this, "selectorInput", "");
    private final ObjectProperty<RolloutPlan> plan = new SimpleObjectProperty<>(this, "preview");
    private final BooleanProperty planning = new SimpleBooleanProperty(this, "planning", false);
    private final AtomicInteger serial = new AtomicInteger();
    private Consumer<List<String>> edited = waves -> { };

    WavePreview(ResourceBundle text, TaskExecutor executor, Say say) {
        this.text = text;
        this.executor = executor;
        this.say = say;
    }

    /** Adds the wave typed in the input (a tag, a name pattern, or names). */
    void addSelector() {
        String typed = selectorInput.get() == null ? "" : selectorInput.get().trim();
        try {
            String written = WaveSelector.parse(typed).describe();
            if (selectors.contains(written)) {
                say.say(String.format(text.getString("rollout.duplicateWave"), written), true);
                return;
            }
            selectors.add(written);
            selectorInput.set("");
            edited.accept(List.copyOf(selectors));
        } catch (LayerStudioException e) {
            say.say(UserMessage.sentence(e), true);
        }
    }

    /** Takes a wave out of the list (the user's edit). */
    void removeSelector(String selector) {
        if (selectors.remove(selector)) {
            edited.accept(List.copyOf(selectors));
        }
    }

    /** Who hears of the user's own edits of the waves (not of the list filled from a project or a journal). */
    void onEdited(Consumer<List<String>> listener) {
        edited = listener;
    }

    /** Splits the upgrade to {@code version} into the waves listed (nothing is changed). */
    void plan(AwsSession session, LayerVersionInfo version, Function<AwsSession, Rollouts> rollouts) {
        int mine = serial.incrementAndGet();
        List<WaveSelector> chosen = selectors.stream().map(WaveSelector::parse).toList();
        if (session == null || version == null || chosen.isEmpty()) {
            plan.set(null);
            planning.set(false);
            return;
        }
        planning.set(true);
        BackgroundTask.of(p -> rollouts.apply(session).plan(version.layerArn(), version.version(), 0, chosen))
                .onSuccess(found -> {
                    if (mine == serial.get()) {
                        plan.set(found);
                        say.say(found.waves().isEmpty() ? String.format(text.getString("rollout.nothing"),
                                version.name(), version.version()) : String.format(text.getString("rollout.planned"),
                                found.waves().size(), found.waves().stream()
                                        .mapToInt(w -> w.plan().updates().size()).sum())
                                + skippedNote(found), false);
                    }
                })
                .onError(Exception.class, e -> {
                    if (mine == serial.get()) {
                        plan.set(null);
                        say.say(UserMessage.sentence(e), true);
                    }
                })
                .andFinally(() -> {
                    if (mine == serial.get()) {
                        planning.set(false);
                    }
                })
                .start(executor);
    }

    /** " 2 functions are skipped: ..." when the verdict blocks some, else empty. */
    private String skippedNote(RolloutPlan found) {
        long skipped = found.waves().stream().mapToLong(w -> WaveView.skipped(w).size()).sum();
        return skipped == 0 ? "" : " " + String.format(text.getString("rollout.skippedNote"), skipped);
    }

    /** Forgets the plan shown (a newer version, or a rollout taken up). */
    void clear() {
        serial.incrementAndGet();
        plan.set(null);
        planning.set(false);
    }

    ObservableList<String> selectors() {
        return selectors;
    }

    StringProperty selectorInputProperty() {
        return selectorInput;
    }

    ObjectProperty<RolloutPlan> planProperty() {
        return plan;
    }

    BooleanProperty planningProperty() {
        return planning;
    }

}
