package dev.layerstudio.ui.contents;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * The Contents step's runtime and architecture: the runtimes offered and how each is labelled
 * on the day (deprecated, blocked), a note on the chosen one, and the defaults a chosen layer's
 * latest version gives.
 */
final class RuntimeChoices {

    private final WizardState state;
    private final ResourceBundle text;
    private final StringBinding note;
    /** The day deprecation is judged on; tests fix it. */
    private Clock clock = Clock.systemDefaultZone();

    RuntimeChoices(WizardState state, ResourceBundle text) {
        this.state = state;
        this.text = text;
        note = Bindings.createStringBinding(() -> {
            Runtime r = state.runtimeProperty().get();
            return r == null ? "" : r.supportNote(today()).orElse("");
        }, state.runtimeProperty());
        state.layerProperty().addListener((o, a, choice) -> applyDefaults(choice));
        applyDefaults(state.layerProperty().get());
    }

    /** The Python runtimes of the table, then the Node.js ones, each newest first. */
    List<Runtime> all() {
        List<Runtime> newestFirst = new ArrayList<>(Runtime.python());
        Collections.reverse(newestFirst);
        List<Runtime> node = new ArrayList<>(Runtime.node());
        Collections.reverse(node);
        newestFirst.addAll(node);
        Runtime chosen = state.runtimeProperty().get();
        if (chosen != null && !newestFirst.contains(chosen)) {
            newestFirst.add(0, chosen);
        }
        return newestFirst;
    }

    /** "python3.9 · deprecated", "python3.10 · updates blocked", or the id alone. */
    String label(Runtime r) {
        return switch (r.support(today())) {
            case SUPPORTED -> r.listed() ? r.id() : String.format(text.getString("contents.runtime.unlisted"), r.id());
            case DEPRECATED -> String.format(text.getString("contents.runtime.deprecated"), r.id());
            case CREATE_BLOCKED -> String.format(text.getString("contents.runtime.createBlocked"), r.id());
            case UPDATE_BLOCKED -> String.format(text.getString("contents.runtime.updateBlocked"), r.id());
        };
    }

    /** A sentence on the chosen runtime when it is deprecated or newer than the table; empty otherwise. */
    StringBinding noteProperty() {
        return note;
    }

    void useClock(Clock value) {
        clock = value;
        note.invalidate();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The chosen layer's latest version decides the runtime (its newest compatible one) and
     * the architecture; a new layer, or a version that names none, gets python3.12 on x86_64.
     */
    void applyDefaults(LayerChoice choice) {
        LayerVersionInfo latest = choice == null ? null : choice.latest().orElse(null);
        Runtime runtime = latest == null ? null : latest.compatibleRuntimes().stream()
                .map(Runtime::fromId).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).orElse(null);
        Architecture arch = latest == null ? null : latest.compatibleArchitectures().stream()
                .map(Architecture::fromId).flatMap(Optional::stream).findFirst().orElse(null);
        state.runtimeProperty().set(runtime == null ? Runtime.parse("python3.12") : runtime);
        state.architectureProperty().set(arch == null ? Architecture.X86_64 : arch);
    }
}
