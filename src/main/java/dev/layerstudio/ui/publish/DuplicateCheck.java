package dev.layerstudio.ui.publish;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Whether the latest version of the named layer already holds exactly this zip's content
 * (by CodeSha256), asked of Lambda in the background; the answer is dropped when the zip or the
 * name changed meanwhile.
 */
final class DuplicateCheck {

    private final Function<AwsSession, LayerService> layers;
    private final TaskExecutor executor;
    private final Consumer<String> say;
    private final ObjectProperty<LayerVersionInfo> duplicate = new SimpleObjectProperty<>(this, "duplicate");

    DuplicateCheck(Function<AwsSession, LayerService> layers, TaskExecutor executor, Consumer<String> say) {
        this.layers = layers;
        this.executor = executor;
        this.say = say;
    }

    /** Asks about {@code zip} under {@code layerName}; {@code current} gives the zip and name as they are now. */
    void check(AwsSession session, ZipResult zip, String layerName, Supplier<List<Object>> current) {
        BackgroundTask.of(p -> layers.apply(session).latestVersion(layerName))
                .unlessChanged(current, latest -> { })
                .onSuccess(latest -> duplicate.set(latest.filter(v -> zip.codeSha256().equals(v.codeSha256()))
                        .orElse(null)))
                .onError(Exception.class, e -> say.accept(UserMessage.sentence(e)))
                .start(executor);
    }

    /** The version with the same content, or null. */
    ObjectProperty<LayerVersionInfo> duplicateProperty() {
        return duplicate;
    }
}
