package dev.layerstudio.ui.probe;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ExecutionRoles;
import dev.layerstudio.aws.LambdaProbe;
import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ProbeModule;
import dev.layerstudio.model.ProbeReport;
import dev.layerstudio.model.ProbeRequest;
import dev.layerstudio.model.SourceKind;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Test in Lambda" for the layer a page shows (Inspect: the wizard's zip or an opened
 * version; Publish: the version just published): says before the first run what the test
 * creates and what it costs, runs {@link LambdaProbe} in the background (cancellable), and
 * holds the answer — the runtime as the probe saw it, each module, and a failed module as an
 * {@code IMPORT_FAILED} finding with the runtime's own error.
 */
public final class LambdaTestViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaTestViewModel.class);

    /**
     * What to test.
     *
     * @param layerArn a published version, or null for {@code zip}
     * @param zip      a layer zip (published for the test as a temporary version), or null
     * @param label    how the page names it
     * @param sha256   the content's digest, when known: a new zip at the same path is another target
     */
    public record Target(String layerArn, Path zip, String runtime, String architecture, String label,
                         String sha256) {
        public Target {
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(architecture, "architecture");
        }

        /** The target of an inspection report: its zip or its version; null for a folder, which cannot be sent. */
        public static Target of(InspectionReport r, String fallbackRuntime, String fallbackArchitecture) {
            if (r == null || r.sourceKind() == SourceKind.FOLDER) {
                return null;
            }
            String runtime = r.runtime() != null ? r.runtime().id() : fallbackRuntime;
            String arch = r.architecture() != null ? r.architecture().id() : fallbackArchitecture;
            return r.sourceKind() == SourceKind.PUBLISHED_VERSION
                    ? new Target(r.source(), null, runtime, arch, r.source(), r.sha256())
                    : new Target(null, Path.of(r.source()), runtime, arch,
                    Path.of(r.source()).getFileName().toString(), r.sha256());
        }

        /** A published version: on its first declared Python runtime and architecture, else the given ones. */
        public static Target of(LayerVersionInfo v, String fallbackRuntime, String fallbackArchitecture) {
            // the probe's handler is Python: only a Python runtime can run it
            String runtime = v.compatibleRuntimes().stream()
                    .filter(r -> Runtime.fromId(r).filter(Runtime::isPython).isPresent()).findFirst()
                    .orElse(fallbackRuntime);
            String arch = v.compatibleArchitectures().stream().filter(a -> Architecture.fromId(a).isPresent())
                    .findFirst().orElse(fallbackArchitecture);
            return new Target(v.ref().arn(), null, runtime, arch, v.ref().name() + ":" + v.ref().version(),
                    v.codeSha256());
        }
    }

    private final WizardState state;
    private final LambdaTestServices services;
    private final ResourceBundle text;
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty roleArn = new SimpleStringProperty(this, "roleArn", "");
    private final BooleanProperty keepRole = new SimpleBooleanProperty(this, "keepRole", false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper ranOnce = new ReadOnlyBooleanWrapper(this, "ranOnce", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper environment = new ReadOnlyStringWrapper(this, "environment", "");
    private final ReadOnlyObjectWrapper<ProbeReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<ProbeModule> modules = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final BooleanBinding canRun;
    private BackgroundTask<ProbeReport> running;

    public LambdaTestViewModel(WizardState state, LambdaTestServices services, ResourceBundle text) {
        this.state = state;
        this.services = services;
        this.text = text;
        canRun = Bindings.createBooleanBinding(() -> target.get() != null && state.sessionProperty().get() != null
                && !busy.get(), target, state.sessionProperty(), busy);
        target.addListener((o, a, b) -> {
            if (!Objects.equals(a, b)) {
                clearResult();
            }
            updateNotice();
        });
        roleArn.addListener((o, a, b) -> updateNotice());
        keepRole.addListener((o, a, b) -> updateNotice());
        updateNotice();
    }

    /** What the test creates and what it costs, in the words the window shows before the first run. */
    private void updateNotice() {
        Target t = target.get();
        boolean ownRole = roleArn.get() == null || roleArn.get().isBlank();
        StringBuilder made = new StringBuilder(text.getString("probe.creates.function"));
        if (t != null && t.zip() != null) {
            made.append(", ").append(text.getString("probe.creates.version"));
        }
        if (ownRole) {
            made.append(", ").append(text.getString(keepRole.get() ? "probe.creates.roleKept" : "probe.creates.role"));
        }
        notice.set(String.format(text.getString("probe.notice"), made, LambdaProbe.MEMORY_MB));
    }

    /** Starts the test; the answer or one sentence on what went wrong ends in {@link #statusProperty()}. */
    public void run() {
        Target t = target.get();
        AwsSession session = state.sessionProperty().get();
        if (t == null || session == null || busy.get()) {
            return;
        }
        ProbeRequest request = new ProbeRequest(t.layerArn(), t.zip(), t.runtime(), t.architecture(), List.of(),
                roleArn.get(), keepRole.get());
        LambdaProbe probe = new LambdaProbe(session, services.journals());
        clearResult();
        busy.set(true);
        ranOnce.set(true);
        running = BackgroundTask.of(p -> probe.run(request, p))
                .onSuccess(r -> {
                    if (Objects.equals(target.get(), t)) {
                        show(r);
                    }
                })
                .onCancelled(() -> say(text.getString("probe.cancelled")))
                .onError(Exception.class, e -> {
                    say(UserMessage.sentence(e));
                })
                .andFinally(() -> {
                    busy.set(false);
                    running = null;
                })
                .start(services.executor());
        status.bind(running.messageProperty());
    }

    /**
     * Lists, in the background, the account's roles Lambda may assume, for the role picker.
     * A failure (no iam:ListRoles, say) leaves the list empty: an ARN can still be typed.
     */
    public void loadRoles() {
        AwsSession session = state.sessionProperty().get();
        if (session == null) {
            return;
        }
        BackgroundTask.of(p -> ExecutionRoles.forLambda(session))
                .onSuccess(found -> {
                    if (state.sessionProperty().get() == session) {
                        roles.setAll(found);
                    }
                })
                .onError(Exception.class, e -> LOG.info("No role list for Test in Lambda: {}", e.getMessage()))
                .start(services.executor());
    }

    /** Stops the test; what it created is removed before it ends. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void show(ProbeReport r) {
        report.set(r);
        modules.setAll(r.modules());
        findings.setAll(r.findings());
        environment.set(String.format(text.getString("probe.environment"), r.python(),
                r.glibc() == null ? "?" : r.glibc(), r.machine(), ByteSizes.human(r.optBytes()), r.optFiles()));
        String summary = r.modules().isEmpty() ? text.getString("probe.noModules")
                : r.failed().isEmpty() ? String.format(text.getString("probe.allImported"), r.modules().size())
                : String.format(text.getString("probe.someFailed"), r.failed().size(), r.modules().size());
        String left = r.leftBehind().isEmpty() ? text.getString("probe.removed")
                : String.format(text.getString("probe.leftBehind"), String.join(" ", r.leftBehind()));
        say(summary + " " + left);
    }

    private void say(String sentence) {
        status.unbind();
        status.set(sentence);
    }

    private void clearResult() {
        report.set(null);
        modules.clear();
        findings.clear();
        environment.set("");
        if (!busy.get()) {
            status.set("");
        }
    }

    /** The layer the test sends: set by the page that shows it. */
    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** The execution role to use; empty: a minimal role is created for the test. */
    public StringProperty roleArnProperty() {
        return roleArn;
    }

    public BooleanProperty keepRoleProperty() {
        return keepRole;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether a test was started in this window (the notice is shown until then). */
    public ReadOnlyBooleanProperty ranOnceProperty() {
        return ranOnce.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** What runs now, the outcome, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The runtime as the probe saw it: Python, glibc, machine, the size of /opt. */
    public ReadOnlyStringProperty environmentProperty() {
        return environment.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProbeReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The account's roles that Lambda may assume (after {@link #loadRoles()}). */
    public ObservableList<String> roles() {
        return roles;
    }

    /** Each module as the runtime imported it. */
    public ObservableList<ProbeModule> modules() {
        return modules;
    }

    /** An IMPORT_FAILED finding per module that did not import, with the runtime's error. */
    public ObservableList<Finding> findings() {
        return findings;
    }
}
