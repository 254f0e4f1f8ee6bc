package dev.layerstudio.ui.inspect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The functions of the region a layer may be counted with (zip functions), read once per
 * connection, and the one chosen: its other layers and code count against the limits.
 */
final class TargetFunctions {

    private final Function<AwsSession, FunctionService> service;
    private final TaskExecutor executor;
    private final Supplier<AwsSession> currentSession;
    private final Consumer<String> say;
    private final ObservableList<FunctionInfo> functions = FXCollections.observableArrayList();
    private final ObjectProperty<FunctionInfo> target = new SimpleObjectProperty<>(this, "target");
    private final ObservableList<InspectTexts.Target> choices = FXCollections.observableArrayList();
    private AwsSession readFor;

    TargetFunctions(Function<AwsSession, FunctionService> service, TaskExecutor executor,
                    Supplier<AwsSession> currentSession, InspectTexts texts, Consumer<String> say) {
        this.service = service;
        this.executor = executor;
        this.currentSession = currentSession;
        this.say = say;
        choices.setAll(texts.targets(List.of()));
        functions.addListener((ListChangeListener<FunctionInfo>) c -> choices.setAll(texts.targets(functions)));
    }

    /** Reads the functions of {@code session}'s region unless they were read for it already. */
    void loadFor(AwsSession session) {
        if (session == null || session == readFor) {
            return;
        }
        readFor = session;
        BackgroundTask.of(p -> service.apply(session).listFunctions())
                .unlessChanged(currentSession, list -> { }) // connected elsewhere meanwhile
                .onSuccess(list -> functions.setAll(list.stream().filter(f -> !f.isImage()).toList()))
                .onError(Exception.class, e -> {
                    readFor = null;
                    say.accept(UserMessage.sentence(e));
                })
                .start(executor);
    }

    void choose(InspectTexts.Target choice) {
        target.set(choice == null ? null : choice.function());
    }

    InspectTexts.Target chosen() {
        FunctionInfo f = target.get();
        return choices.stream().filter(t -> Objects.equals(t.function(), f)).findFirst().orElse(choices.get(0));
    }

    ObservableList<FunctionInfo> functions() {
        return functions;
    }

    ObjectProperty<FunctionInfo> targetProperty() {
        return target;
    }

    ObservableList<InspectTexts.Target> choices() {
        return choices;
    }
}
