package dev.layerstudio.ui.inspect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What changed between the wizard's zip and the layer's latest published version, read in the
 * background; also handed to the wizard state for Publish's proposed description.
 */
final class LatestDiff {

    private final WizardState state;
    private final Inspector inspector;
    private final LayerContentLocator locator;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final ReadOnlyObjectWrapper<LayerDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    LatestDiff(WizardState state, Inspector inspector, LayerContentLocator locator, TaskExecutor executor,
               ResourceBundle text) {
        this.state = state;
        this.inspector = inspector;
        this.locator = locator;
        this.executor = executor;
        this.text = text;
    }

    /** Diffs the wizard's zip against the latest version; shown only while {@code ownLayerShown} holds. */
    void load(BooleanSupplier ownLayerShown) {
        diff.set(null);
        ZipResult zip = state.zipProperty().get();
        Optional<LayerVersionInfo> latest = Optional.ofNullable(state.layerProperty().get())
                .flatMap(LayerChoice::latest);
        AwsSession session = state.sessionProperty().get();
        if (zip == null || latest.isEmpty() || session == null) {
            status.set(text.getString("inspect.diff.none"));
            return;
        }
        LayerVersionInfo v = latest.get();
        if (zip.codeSha256().equals(v.codeSha256())) {
            status.set(String.format(text.getString("inspect.diff.identical"), v.version()));
            return;
        }
        status.set(String.format(text.getString("inspect.diff.loading"), v.version()));
        BackgroundTask.of(p -> inspector.diff(remote(session, v.arn()), new LayerSource.LocalZip(zip.output()), p))
                .unlessChanged(state.zipProperty()::get, d -> { }) // the zip was made again: its own diff follows
                .onSuccess(d -> {
                    state.diffProperty().set(d); // for Publish's proposed description
                    if (ownLayerShown.getAsBoolean()) {
                        diff.set(d);
                        status.set(String.format(text.getString("inspect.diff.against"), v.version()));
                    }
                })
                .onError(Exception.class, e -> {
                    if (state.zipProperty().get() == zip) {
                        status.set(String.format(text.getString("inspect.diff.failed"), v.version(),
                                UserMessage.sentence(e)));
                    }
                })
                .start(executor);
    }

    /** Another layer is shown: no diff, and why. */
    void otherLayer() {
        diff.set(null);
        status.set(text.getString("inspect.diff.otherLayer"));
    }

    /** A published version as a source the inspector reads over HTTP ranges. Calls AWS. */
    LayerSource remote(AwsSession session, String arn) {
        return LayerSource.Remote.at(locator.locate(session, arn));
    }

    ReadOnlyObjectProperty<LayerDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
