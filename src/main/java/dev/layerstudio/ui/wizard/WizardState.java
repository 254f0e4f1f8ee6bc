package dev.layerstudio.ui.wizard;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.build.Installation;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Identity;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.model.ZipResult;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the steps share, passed to each step's view model through its constructor.
 * Steps read and write these properties; they never reach into each other. Each step
 * writes what it produces and reads what earlier steps produced:
 *
 * <pre>
 * Connect  → session, identity
 * Layer    → layer
 * Contents → runtime, architecture, installation, content
 * Inspect  → zip, report, diff (against the layer's latest version, when there is one)
 * Publish  → published
 * Attach   (reads published)
 * </pre>
 */
public final class WizardState {

    private static final Logger LOG = LoggerFactory.getLogger(WizardState.class);

    private final ObjectProperty<AwsSession> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<Identity> identity = new SimpleObjectProperty<>(this, "identity");
    private final ObjectProperty<LayerChoice> layer = new SimpleObjectProperty<>(this, "layer");
    private final ObjectProperty<Runtime> runtime = new SimpleObjectProperty<>(this, "runtime", Runtime.parse("python3.12"));
    private final ObjectProperty<Architecture> architecture =
            new SimpleObjectProperty<>(this, "architecture", Architecture.X86_64);
    private final ObjectProperty<Installation> installation = new SimpleObjectProperty<>(this, "installation");
    private final ObjectProperty<LayerContent> content = new SimpleObjectProperty<>(this, "content");
    private final ObjectProperty<ZipResult> zip = new SimpleObjectProperty<>(this, "zip");
    private final ObjectProperty<InspectionReport> report = new SimpleObjectProperty<>(this, "report");
    private final ObjectProperty<PublishResult> published = new SimpleObjectProperty<>(this, "published");
    private final ObjectProperty<dev.layerstudio.model.LayerDiff> diff = new SimpleObjectProperty<>(this, "diff");
    private final javafx.beans.property.StringProperty requirements =
            new javafx.beans.property.SimpleStringProperty(this, "requirements", "");
    private final ObjectProperty<ProjectSettings> project = new SimpleObjectProperty<>(this, "project");
    private final ObjectProperty<dev.layerstudio.model.LayerProject.Publish> publishOptions =
            new SimpleObjectProperty<>(this, "publishOptions");
    private final ObjectProperty<java.util.List<String>> waves = new SimpleObjectProperty<>(this, "waves");
    private final ObjectProperty<java.util.Set<SlimRule>> slimming = new SimpleObjectProperty<>(this, "slimming");

    private final javafx.beans.property.ReadOnlyIntegerWrapper restarts =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "restarts", 0);

    private final ObjectProperty<String> inspectRequest = new SimpleObjectProperty<>(this, "inspectRequest");

    private final javafx.beans.property.BooleanProperty planOpen =
            new javafx.beans.property.SimpleBooleanProperty(this, "planOpen", false);
    private final javafx.beans.property.BooleanProperty rolloutOpen =
            new javafx.beans.property.SimpleBooleanProperty(this, "rolloutOpen", false);

    private final Executor cleanup;

    /** @param cleanup where closing sessions and removing staging folders runs (off the JavaFX thread) */
    public WizardState(Executor cleanup) {
        this.cleanup = cleanup;
        session.addListener((obs, old, now) -> {
            if (old != null && old != now) {
                cleanup.execute(old::close);
            }
        });
        installation.addListener((obs, old, now) -> {
            if (old != null && old != now) {
                cleanup.execute(() -> closeQuietly(old));
            }
        });
        // What a step produced is stale once what it was made from changes.
        content.addListener((obs, old, now) -> {
            zip.set(null);
            report.set(null);
        });
        zip.addListener((obs, old, now) -> {
            published.set(null);
            diff.set(null);
        });
    }

    /** The open connection; replacing it closes the previous one. */
    public ObjectProperty<AwsSession> sessionProperty() {
        return session;
    }

    public ObjectProperty<Identity> identityProperty() {
        return identity;
    }

    /** The layer to make a version of (existing, or a new name). */
    public ObjectProperty<LayerChoice> layerProperty() {
        return layer;
    }

    public ObjectProperty<Runtime> runtimeProperty() {
        return runtime;
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    /** pip's or uv's staging folder; replacing it removes the previous one. */
    public ObjectProperty<Installation> installationProperty() {
        return installation;
    }

    /** What will be in the zip: installed packages and the user's own files. */
    public ObjectProperty<LayerContent> contentProperty() {
        return content;
    }

    /** The zip built from the content (cleared when the content changes). */
    public ObjectProperty<ZipResult> zipProperty() {
        return zip;
    }

    /** The inspection of that zip. */
    public ObjectProperty<InspectionReport> reportProperty() {
        return report;
    }

    /** The version published from that zip. */
    public ObjectProperty<PublishResult> publishedProperty() {
        return published;
    }

    /**
     * Forgets the layer and everything made for it (content, zip, report, published version) so
     * the wizard can start another layer in the same connection; the shell goes to the Layer step.
     */
    public void startAnother() {
        published.set(null);
        content.set(null);
        installation.set(null);
        layer.set(null);
        restarts.set(restarts.get() + 1);
    }

    /** Counts {@link #startAnother()} calls: the shell listens to go back to the Layer step. */
    public javafx.beans.property.ReadOnlyIntegerProperty restartsProperty() {
        return restarts.getReadOnlyProperty();
    }

    /** What the zip changes since the layer's latest version (Inspect computes it; Publish proposes a description). */
    public ObjectProperty<dev.layerstudio.model.LayerDiff> diffProperty() {
        return diff;
    }

    /** The requirements as typed on the Contents step (kept here so a project can fill and read them). */
    public javafx.beans.property.StringProperty requirementsProperty() {
        return requirements;
    }

    /** The project the window follows, or {@code null} for a layer started in the window without one. */
    public ObjectProperty<ProjectSettings> projectProperty() {
        return project;
    }

    /**
     * How to publish, as the Publish step has it (description, license, bucket, other regions):
     * filled from an opened project and saved back into it; {@code null} until either sets it.
     */
    public ObjectProperty<dev.layerstudio.model.LayerProject.Publish> publishOptionsProperty() {
        return publishOptions;
    }

    /**
     * The waves of a staged rollout, as written (each as {@code WaveSelector.parse} reads it): filled
     * from an opened project, set by the Attach step when the user edits the waves; {@code null}
     * until either sets it.
     */
    public ObjectProperty<java.util.List<String>> wavesProperty() {
        return waves;
    }

    /**
     * The slimming rules chosen in the window (from an opened project, and each one-click slimming
     * fix Inspect made); {@code null} until either sets it.
     */
    public ObjectProperty<java.util.Set<SlimRule>> slimmingProperty() {
        return slimming;
    }

    /** The slimming the wizard's layer gets after an install: chosen in the window, else the project's, else none. */
    public java.util.Set<SlimRule> slimming() {
        if (slimming.get() != null) {
            return slimming.get();
        }
        ProjectSettings p = project.get();
        return p == null ? java.util.Set.of() : p.project().slimming();
    }

    /**
     * A published layer version (its ARN) a page asked to look at in Inspect, outside the
     * wizard's own layer; the window opens it there and sets this back to null.
     */
    public ObjectProperty<String> inspectRequestProperty() {
        return inspectRequest;
    }

    /** Attach has a plan for chosen functions (set by the Attach step). */
    public javafx.beans.property.BooleanProperty planOpenProperty() {
        return planOpen;
    }

    /** Attach has a staged rollout planned or under way (set by the Attach step). */
    public javafx.beans.property.BooleanProperty rolloutOpenProperty() {
        return rolloutOpen;
    }

    /** Whether changing the connection would drop a plan or a rollout the user is looking at. */
    public boolean changesOpen() {
        return planOpen.get() || rolloutOpen.get();
    }

    /** Closes what the state holds open, here and now (at exit, after background work stopped). */
    public void close() {
        AwsSession s = session.get();
        Installation i = installation.get();
        if (s != null) {
            s.close();
        }
        if (i != null) {
            closeQuietly(i);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Could not clean up {}", c, e);
        }
    }
}
