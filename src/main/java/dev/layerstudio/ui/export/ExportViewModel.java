package dev.layerstudio.ui.export;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.LayerService;
import dev.layerstudio.export.ExportFormat;
import dev.layerstudio.export.ExportRequest;
import dev.layerstudio.export.ExportResult;
import dev.layerstudio.export.LayerCode;
import dev.layerstudio.export.LayerExporter;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.ui.common.Texts;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Export of the published version as infrastructure as code: SAM, CloudFormation or
 * Terraform, optionally with the layer lists of the functions on it. Who the version is
 * shared with and which functions use it are read from AWS once, off the JavaFX thread;
 * changing the format only writes the text again.
 */
public final class ExportViewModel {

    private final WizardState state;
    private final Function<AwsSession, LayerService> layers;
    private final Function<AwsSession, FunctionService> functions;
    private final TaskExecutor executor;
    private final ResourceBundle text;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.SAM);
    private final BooleanProperty withFunctions = new SimpleBooleanProperty(this, "withFunctions", false);
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding hasText;
    private final BooleanBinding available;

    private LayerVersionInfo version;
    private List<LayerPermission> permissions;
    private List<FunctionInfo> users;

    public ExportViewModel(WizardState state, Function<AwsSession, LayerService> layers,
                           Function<AwsSession, FunctionService> functions, TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.layers = layers;
        this.functions = functions;
        this.executor = executor;
        this.text = text;
        format.addListener((o, a, b) -> generate());
        withFunctions.addListener((o, a, b) -> generate());
        hasText = Bindings.createBooleanBinding(() -> !busy.get() && !output.get().isEmpty(), busy, output);
        available = Bindings.createBooleanBinding(() -> state.publishedProperty().get() != null
                && state.publishedProperty().get().version() != null, state.publishedProperty());
    }

    /** Whether there is a published version to export. */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** As the dialog opens: the published version, read afresh. */
    public void open() {
        PublishResult p = state.publishedProperty().get();
        version = p == null ? null : p.version();
        permissions = null;
        users = null;
        output.set("");
        notes.set("");
        status.set("");
        generate();
    }

    /** Writes the text for the chosen format, reading from AWS first what is not known yet. */
    public void generate() {
        LayerVersionInfo v = version;
        if (v == null) {
            status.set(text.getString("export.noVersion"));
            return;
        }
        boolean functions = withFunctions.get();
        if (permissions != null && (!functions || users != null)) {
            write();
            return;
        }
        AwsSession session = state.sessionProperty().get();
        if (session == null || busy.get()) {
            return;
        }
        List<LayerPermission> knownPermissions = permissions;
        List<FunctionInfo> knownUsers = users;
        busy.set(true);
        status.set(text.getString(functions ? "export.readingFunctions" : "export.reading"));
        BackgroundTask.of(p -> {
            List<LayerPermission> grants = knownPermissions != null ? knownPermissions
                    : layers.apply(session).permissions(v.name(), v.version());
            List<FunctionInfo> on = knownUsers != null || !functions ? knownUsers
                    : this.functions.apply(session).listFunctions().stream()
                    .filter(f -> f.layerArns().contains(v.arn())).toList();
            return new Facts(grants, on);
        }).onSuccess(facts -> {
            permissions = facts.permissions();
            users = facts.users();
            status.set("");
            write();
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> {
                    busy.set(false);
                    if (withFunctions.get() && users == null && permissions != null) {
                        generate();
                    }
                })
                .start(executor);
    }

    private record Facts(List<LayerPermission> permissions, List<FunctionInfo> users) {
    }

    private void write() {
        String zip = version.name() + "-" + version.version() + ".zip";
        List<FunctionInfo> functions = withFunctions.get() && users != null ? users : List.of();
        ExportResult result = LayerExporter.export(new ExportRequest(version, permissions, functions,
                new LayerCode.LocalZip(zip)), format.get());
        output.set(result.text());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(text.getString("export.zipNote"), zip));
        if (withFunctions.get()) {
            lines.add(functions.isEmpty() ? String.format(text.getString("export.noUsers"), version.name(),
                    version.version(), version.region())
                    : new Texts(text).text("export.users", functions.size()));
        }
        lines.addAll(result.notes());
        notes.set(String.join("\n", lines));
    }

    /** Copy: the text for the clipboard (the dialog puts it there), and the status says so; empty without text. */
    public Optional<String> copy() {
        if (!hasText.get()) {
            return Optional.empty();
        }
        status.set(text.getString("export.copied"));
        return Optional.of(output.get());
    }

    /** Writes the text to {@code file} (off the JavaFX thread). */
    public void save(Path file) {
        if (!hasText.get() || file == null) {
            return;
        }
        String content = output.get();
        busy.set(true);
        BackgroundTask.of(p -> {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, content, StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new LayerStudioException(String.format(text.getString("export.cannotWrite"), file,
                        e.getMessage()), text.getString("export.cannotWrite.hint"), e);
            }
        }).onSuccess(f -> status.set(String.format(text.getString("export.saved"), f)))
                .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> busy.set(false))
                .start(executor);
    }

    /** The usual file name for the format: {@code template.yaml} for SAM and CloudFormation, {@code layer.tf}. */
    public String defaultFileName() {
        return format.get() == ExportFormat.TERRAFORM ? "layer.tf" : "template.yaml";
    }

    /** "orders-deps version 3", for the dialog's title. */
    public String versionLabel() {
        return version == null ? "" : String.format(text.getString("export.version"), version.name(),
                version.version());
    }


    // ---- properties ----

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public BooleanProperty withFunctionsProperty() {
        return withFunctions;
    }

    /** The template text (YAML or HCL). */
    public StringProperty outputProperty() {
        return output;
    }

    /** Plain sentences about the text: where the zip is named, what was left out. */
    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether there is text to copy or save. */
    public BooleanBinding hasTextProperty() {
        return hasText;
    }
}
