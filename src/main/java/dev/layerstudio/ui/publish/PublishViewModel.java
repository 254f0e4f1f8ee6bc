package dev.layerstudio.ui.publish;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.Limits;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.export.ExportViewModel;
import dev.layerstudio.ui.probe.LambdaTestViewModel;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Publish: the new version's name, description, license, compatible runtimes and
 * architectures (defaults from the earlier steps), checked as they are typed; direct
 * upload or through S3 by the zip's size (the bucket asked for, created only with
 * consent); identical content found before anything is sent; publishing in this
 * region and, on request, others. Valid once a version is published, or once the
 * existing version with the same content is chosen.
 */
public final class PublishViewModel {

    private final WizardState state;
    private final PublishServices services;
    private final ResourceBundle text;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty license = new SimpleStringProperty(this, "license", "");
    private final ObservableList<PublishChoice> runtimes = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty()});
    private final ObservableList<PublishChoice> architectures = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty()});
    private final ObservableList<PublishChoice> otherRegions = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty()});
    private final StringProperty bucket = new SimpleStringProperty(this, "bucket", "");
    private final BooleanProperty createBucket = new SimpleBooleanProperty(this, "createBucket", false);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<PublishResult> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty progressMessage = new SimpleStringProperty(this, "progressMessage", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding viaS3;
    private final BooleanBinding canPublish;
    private final BooleanBinding valid;

    private final PublishProposal proposal;
    private final ProjectPublishOptions options;
    private final DuplicateCheck duplicates;
    private final ObjectProperty<LayerVersionInfo> duplicate;
    private LayerChoice defaultsFrom;

    public PublishViewModel(WizardState state, PublishServices services, ResourceBundle text) {
        this.state = state;
        this.services = services;
        this.text = text;
        this.proposal = new PublishProposal(state, services.inspector(), services.executor(), text);
        this.options = new ProjectPublishOptions(state, description, license, bucket, otherRegions);
        this.duplicates = new DuplicateCheck(services.layers(), services.executor(), status::set);
        this.duplicate = duplicates.duplicateProperty();
        offerRuntimesOf(state.runtimeProperty().get());
        for (Architecture a : Architecture.values()) {
            architectures.add(new PublishChoice(a.id(), false));
        }
        viaS3 = Bindings.createBooleanBinding(() -> state.zipProperty().get() != null
                && state.zipProperty().get().zippedBytes() > Limits.DIRECT_UPLOAD_ZIP_BYTES, state.zipProperty());
        Observable[] inputs = {name, description, license, runtimes, architectures, bucket, createBucket, viaS3,
            state.zipProperty()};
        for (Observable o : inputs) {
            o.addListener(x -> check());
        }
        canPublish = Bindings.createBooleanBinding(() -> problems.isEmpty() && !busy.get()
                && state.zipProperty().get() != null && state.sessionProperty().get() != null,
                problems, busy, state.zipProperty(), state.sessionProperty());
        valid = Bindings.isNotNull(state.publishedProperty());
        name.addListener((o, a, b) -> duplicate.set(null));
        for (Observable o : new Observable[] {runtimes, architectures, proposal.factsProperty()}) {
            o.addListener(x -> proposal.check(chosen(runtimes), chosen(architectures)));
        }
        check();
    }

    /** Each time the page is shown: defaults from the earlier steps, regions, the duplicate check. */
    public void onShow() {
        PublishResult done = state.publishedProperty().get();
        if (done != null && results.isEmpty()) {
            results.setAll(done); // published before this page was made (or shown again)
        }
        offerRuntimesOf(state.runtimeProperty().get());
        LayerChoice layer = state.layerProperty().get();
        if (layer != null && !Objects.equals(layer, defaultsFrom)) {
            defaultsFrom = layer;
            options.fill(() -> {
                name.set(layer.name());
                // the description starts empty: the previous version's text would describe other content
                description.set("");
                layer.latest().ifPresent(v -> license.set(v.license()));
            });
            select(runtimes, List.of(state.runtimeProperty().get().id()));
            select(architectures, List.of(state.architectureProperty().get().id()));
        }
        if (runtimes.stream().noneMatch(c -> c.selectedProperty().get())) {
            select(runtimes, List.of(state.runtimeProperty().get().id()));
        }
        if (architectures.stream().noneMatch(c -> c.selectedProperty().get())) {
            select(architectures, List.of(state.architectureProperty().get().id()));
        }
        AwsSession session = state.sessionProperty().get();
        if (session != null && otherRegions.isEmpty()) {
            String profile = session.profileName().orElse(null);
            BackgroundTask.of(p -> services.connector().regions(profile))
                    .onSuccess(list -> options.regionsLoaded(() -> otherRegions.setAll(list.stream()
                            .filter(r -> !r.equals(session.region())).map(r -> new PublishChoice(r, false)).toList())))
                    .onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                    .start(services.executor());
        }
        checkDuplicate();
        proposal.load(p -> {
            if (!p.runtimes().isEmpty()) {
                select(runtimes, p.runtimes());
            }
            if (!p.architectures().isEmpty()) {
                select(architectures, p.architectures());
            }
        });
    }

    /** Takes the proposed description (what changed since the latest version). */
    public void useProposedDescription() {
        description.set(proposal.descriptionProperty().get());
    }

    /**
     * The runtimes offered are those of the built layer's language (a Node.js layer is not declared
     * for Python runtimes); the list is replaced only when the language changes, keeping choices.
     */
    private void offerRuntimesOf(Runtime built) {
        List<Runtime> family = Runtime.all().stream().filter(r -> r.language().equals(built.language())).toList();
        List<String> ids = family.stream().map(Runtime::id).toList();
        if (ids.equals(runtimes.stream().map(PublishChoice::id).toList())) {
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.now();
        runtimes.setAll(family.stream().map(r -> new PublishChoice(r.id(), r.supportNote(today).orElse(null), false)).toList());
        select(runtimes, List.of(built.id()));
    }

    private static void select(List<PublishChoice> choices, List<String> ids) {
        choices.forEach(c -> c.selectedProperty().set(ids.contains(c.id())));
    }

    /** Asks Lambda whether the latest version of the named layer already has exactly this zip's content. */
    public void checkDuplicate() {
        ZipResult zip = state.zipProperty().get();
        AwsSession session = state.sessionProperty().get();
        String layerName = name.get();
        if (zip == null || session == null || !problems.isEmpty() || state.publishedProperty().get() != null) {
            return;
        }
        duplicates.check(session, zip, layerName, () -> java.util.Arrays.asList(state.zipProperty().get(), name.get()));
    }

    /** The request the form describes (the zip from Inspect). */
    public PublishRequest request(boolean force) {
        ZipResult zip = state.zipProperty().get();
        return new PublishRequest(zip.output(), name.get().trim(), description.get(), license.get(),
                chosen(runtimes), chosen(architectures), viaS3.get() ? bucket.get() : null,
                viaS3.get() && createBucket.get(), force);
    }

    private static List<String> chosen(List<PublishChoice> choices) {
        return choices.stream().filter(c -> c.selectedProperty().get()).map(PublishChoice::id).toList();
    }

    private void check() {
        List<String> found = new ArrayList<>();
        ZipResult zip = state.zipProperty().get();
        if (zip == null) {
            found.add(text.getString("publish.problem.noZip"));
        } else {
            found.addAll(request(false).problems());
            if (viaS3.get() && bucket.get().isBlank()) {
                found.add(text.getString("publish.problem.bucket"));
            }
        }
        if (!found.equals(problems)) {
            problems.setAll(found);
        }
    }

    /**
     * Publishes in this region and the chosen others; {@code force} publishes even identical
     * content; {@code confirmed}: the user saw {@link #compatibilityProblems()} and publishes anyway
     * (without it, a declaration the content cannot run on is not sent).
     */
    public void publish(boolean force, boolean confirmed) {
        if (!canPublish.get()) {
            return;
        }
        if (!confirmed && !proposal.problems().isEmpty()) {
            status.set(text.getString("publish.confirmFirst"));
            return;
        }
        AwsSession session = state.sessionProperty().get();
        PublishRequest request = request(force);
        List<String> regions = new ArrayList<>();
        regions.add(session.region());
        regions.addAll(chosen(otherRegions));
        busy.set(true);
        status.set("");
        results.clear();
        BackgroundTask<List<PublishResult>> task = BackgroundTask.of(p -> services.layers().apply(session)
                .publish(request, regions, p));
        // published from a zip the user has since replaced (went back, changed the contents): shown, not taken
        task.unlessChanged(state.zipProperty()::get, list -> published(list, session, false))
                .onSuccess(list -> published(list, session, true)).onError(Exception.class, e -> status.set(UserMessage.sentence(e)))
                .andFinally(() -> {
                    busy.set(false);
                    progress.unbind();
                    progressMessage.unbind();
                })
                .start(services.executor());
        progress.bind(task.progressProperty());
        progressMessage.bind(task.messageProperty());
    }

    /** Shows what was published; {@code current}: from the zip the wizard still holds, so the Attach step takes it. */
    private void published(List<PublishResult> list, AwsSession session, boolean current) {
        results.setAll(list);
        PublishResult home = list.stream().filter(r -> r.region().equals(session.region())).findFirst().orElse(null);
        if (current && home != null && home.ok()) {
            state.publishedProperty().set(home);
            duplicate.set(null);
        }
        status.set(home == null ? "" : home.message());
    }

    /** Takes the existing version with the same content as this step's result: nothing is published. */
    public void useExisting() {
        LayerVersionInfo v = duplicate.get();
        ZipResult zip = state.zipProperty().get();
        if (v == null || zip == null) {
            return;
        }
        PublishResult existing = new PublishResult(v.region(), PublishResult.Status.DUPLICATE, v, null,
                zip.codeSha256(), zip.zippedBytes(), String.format(text.getString("publish.usingExisting"),
                        v.name(), v.version()));
        results.setAll(existing);
        state.publishedProperty().set(existing);
        status.set(existing.message());
    }


    // ---- properties ----

    /** Runtimes or architectures chosen that the content cannot run on, each with why (asked before publishing). */
    public ObservableList<String> compatibilityProblems() {
        return proposal.problems();
    }

    /** Why the proposed runtimes and architectures are what they are, or that the content is being read. */
    public StringProperty proposalReasonsProperty() {
        return proposal.reasonsProperty();
    }

    /** The description proposed from what changed since the latest version; empty when none. */
    public javafx.beans.binding.StringBinding proposedDescriptionProperty() {
        return proposal.descriptionProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty licenseProperty() {
        return license;
    }

    public ObservableList<PublishChoice> runtimes() {
        return runtimes;
    }

    public ObservableList<PublishChoice> architectures() {
        return architectures;
    }

    /** The connection's other regions, to publish the same zip to. */
    public ObservableList<PublishChoice> otherRegions() {
        return otherRegions;
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    /** The user agreed that the bucket may be created when it does not exist. */
    public BooleanProperty createBucketProperty() {
        return createBucket;
    }

    /** Everything Lambda would refuse, as sentences; empty when the form may be sent. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** True when the zip is above the direct-upload limit and goes through S3. */
    public BooleanBinding viaS3Property() {
        return viaS3;
    }

    /** The latest version when it already has exactly this content, else null. */
    public ObjectProperty<LayerVersionInfo> duplicateProperty() {
        return duplicate;
    }

    /** One result per region of the last publish. */
    public ObservableList<PublishResult> results() {
        return results;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty progressMessageProperty() {
        return progressMessage;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The zip from Inspect that would be published. */
    public ReadOnlyObjectProperty<ZipResult> zipProperty() {
        return state.zipProperty();
    }

    /** This step's result: the version published (or chosen as identical), for Attach. */
    public ReadOnlyObjectProperty<PublishResult> publishedProperty() {
        return state.publishedProperty();
    }

    public BooleanBinding canPublishProperty() {
        return canPublish;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** "Test in Lambda" of the published version (a new one per dialog). */
    public LambdaTestViewModel newLambdaTest() {
        LambdaTestViewModel test = new LambdaTestViewModel(state, services.lambdaTest(), text);
        PublishResult done = state.publishedProperty().get();
        if (done != null && done.version() != null) {
            test.targetProperty().set(LambdaTestViewModel.Target.of(done.version(),
                    state.runtimeProperty().get().id(), state.architectureProperty().get().id()));
        }
        return test;
    }

    /** The export of the published version (the dialog the Attach step opens too). */
    public ExportViewModel newExport() {
        return new ExportViewModel(state, services.layers(), services.functions(), services.executor(), text);
    }
}
