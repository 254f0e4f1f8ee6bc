package dev.layerstudio.ui.publish;

import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.ChangeSummary;
import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.PublishCompatibility;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What Publish proposes from the built zip: the compatible architectures and runtimes its
 * content can run on ({@link PublishCompatibility}, from the zip's content facts read in the
 * background, and the runtime the build targeted), why a declaration chosen by hand is wrong,
 * and a description of what changed since the layer's latest version ({@link ChangeSummary}).
 */
final class PublishProposal {

    private final WizardState state;
    private final Inspector inspector;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final ObjectProperty<ContentFacts> facts = new SimpleObjectProperty<>(this, "facts");
    private final StringProperty reasons = new SimpleStringProperty(this, "reasons", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringBinding description;
    private ZipResult readFor;

    PublishProposal(WizardState state, Inspector inspector, TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.inspector = inspector;
        this.executor = executor;
        this.text = text;
        description = Bindings.createStringBinding(() -> {
            LayerDiff d = state.diffProperty().get();
            return d == null ? "" : ChangeSummary.of(d);
        }, state.diffProperty());
    }

    /**
     * Reads the zip's content facts once per zip (off the JavaFX thread) and hands the proposal
     * to {@code apply}; a zip that cannot be read leaves the declaration as it is, and says why.
     */
    void load(Consumer<PublishCompatibility.Proposal> apply) {
        ZipResult zip = state.zipProperty().get();
        if (zip == null || zip == readFor) {
            return;
        }
        readFor = zip;
        facts.set(null);
        reasons.set(text.getString("publish.proposal.reading"));
        List<String> targeted = state.runtimeProperty().get() == null ? List.of()
                : List.of(state.runtimeProperty().get().id());
        BackgroundTask.of(p -> inspector.contentFacts(new LayerSource.LocalZip(zip.output())))
                .onSuccess(read -> {
                    if (zip != state.zipProperty().get()) {
                        return;
                    }
                    PublishCompatibility.Proposal proposal = PublishCompatibility.propose(read, targeted);
                    facts.set(read);
                    reasons.set(String.format(text.getString("publish.proposal"), String.join(" ",
                            proposal.reasons())));
                    apply.accept(proposal);
                })
                .onError(Exception.class, e -> {
                    if (zip == state.zipProperty().get()) {
                        reasons.set(String.format(text.getString("publish.proposal.failed"), e.getMessage()));
                    }
                })
                .start(executor);
    }

    /** Recomputes why the declaration chosen is wrong for the content (empty while the content is unknown). */
    void check(List<String> runtimes, List<String> architectures) {
        ContentFacts f = facts.get();
        List<String> found = f == null ? List.of() : PublishCompatibility.problems(f, runtimes, architectures);
        if (!found.equals(problems)) {
            problems.setAll(found);
        }
    }

    ObjectProperty<ContentFacts> factsProperty() {
        return facts;
    }

    /** Why the declaration proposed is what it is ("Native code for AArch64: arm64."). */
    StringProperty reasonsProperty() {
        return reasons;
    }

    /** Runtimes or architectures chosen that the content cannot run on, each with why. */
    ObservableList<String> problems() {
        return problems;
    }

    /** What changed since the latest version, as a description; empty when nothing to propose. */
    StringBinding descriptionProperty() {
        return description;
    }
}
