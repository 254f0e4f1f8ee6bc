package dev.layerstudio.ui.inspect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.model.Finding;
import dev.layerstudio.ui.probe.LambdaTestViewModel;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Inspect: zips the wizard's content when it changed, inspects the zip against the
 * runtime, architecture and (when one is chosen) a target function's other layers and
 * code, offers one-click fixes that rebuild in the background, and diffs against the
 * layer's latest published version. Any other zip or published version can be opened
 * in the same view; the wizard's own layer is one click away again.
 *
 * <p>Valid once the wizard's content is zipped and inspected.
 */
public final class InspectViewModel {

    private final WizardState state;
    private final InspectServices services;
    private final ResourceBundle text;
    private final InspectTexts texts;
    private final LayerInspection work;
    private final LatestDiff latestDiff;
    private final TargetFunctions targets;

    private final ReadOnlyObjectWrapper<InspectionReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<LayerMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyBooleanWrapper ownLayer = new ReadOnlyBooleanWrapper(this, "ownLayer", false);
    private final ObservableList<FindingFix.Item> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding valid;
    private final InspectHeadings headings;
    private final LambdaTestViewModel lambdaTest;
    private List<FindingFix.Item> localItems = List.of();

    private BackgroundTask<?> running;
    private boolean refreshPending;
    private LayerMap lastOwnMap;
    private LayerInspection.Key inspected;


    public InspectViewModel(WizardState state, InspectServices services, ResourceBundle text) {
        this(state, services, text, new LayerContentLocator());
    }

    InspectViewModel(WizardState state, InspectServices services, ResourceBundle text, LayerContentLocator locator) {
        this.state = state;
        this.services = services;
        this.text = text;
        this.texts = new InspectTexts(text);
        this.work = new LayerInspection(services.builder(), services.inspector(), locator);
        this.latestDiff = new LatestDiff(state, services.inspector(), locator, services.executor(), text);
        this.targets = new TargetFunctions(services.functions(), services.executor(), state.sessionProperty()::get,
                texts,
                status::set);
        headings = new InspectHeadings(text, texts, report, latestDiff.diffProperty(), busy, progressMessage);
        valid = Bindings.createBooleanBinding(() -> state.zipProperty().get() != null
                && state.reportProperty().get() != null && !busy.get(),
                state.zipProperty(), state.reportProperty(), busy);
        targets.targetProperty().addListener((o, a, b) -> {
            if (!Objects.equals(a, b) && state.contentProperty().get() != null) {
                refresh();
            }
        });
        // Test in Lambda: the shown layer is what it sends; its failed imports join the findings
        lambdaTest = new LambdaTestViewModel(state, services.lambdaTest(), text);
        report.addListener((o, a, r) -> lambdaTest.targetProperty().set(LambdaTestViewModel.Target.of(r,
                state.runtimeProperty().get().id(), state.architectureProperty().get().id())));
        lambdaTest.findings().addListener((ListChangeListener<Finding>) c -> findings.setAll(withLambda(localItems)));
    }

    /** Each time the page is shown: brings the inspection of the wizard's layer up to date. */
    public void onShow() {
        AwsSession session = state.sessionProperty().get();
        targets.loadFor(session);
        if (state.contentProperty().get() == null) {
            if (!ownLayer.get() && report.get() == null) {
                status.set(text.getString("inspect.noContent"));
            }
            return;
        }
        if (ownLayer.get() || report.get() == null) {
            refresh();
        }
    }

    /** Zips (when the content changed) and inspects (when anything it depends on changed) the wizard's layer. */
    public void refresh() {
        LayerContent content = state.contentProperty().get();
        if (content == null) {
            return;
        }
        if (busy.get()) {
            refreshPending = true;
            return;
        }
        FunctionInfo fn = targets.targetProperty().get();
        LayerInspection.Key key = new LayerInspection.Key(content, state.runtimeProperty().get(),
                state.architectureProperty().get(), fn == null ? null : fn.arn());
        ZipResult zip = state.zipProperty().get();
        if (zip != null && state.reportProperty().get() != null && key.equals(inspected)) {
            if (!ownLayer.get() || report.get() != state.reportProperty().get()) {
                showOwnLayer();
            }
            return;
        }
        Path output = services.zipPath(state.layerProperty().get());
        AwsSession session = state.sessionProperty().get();
        String ownName = state.layerProperty().get() == null ? null : state.layerProperty().get().name();
        String title = layerTitle();
        start(BackgroundTask.of(p -> work.own(key, zip, output, fn, session, ownName, title, p))
                .unlessChanged(state.contentProperty()::get, done -> { }) // changed meanwhile: its own refresh follows
                .onSuccess(done -> {
                    state.zipProperty().set(done.zip());
                    state.reportProperty().set(done.report());
                    inspected = key;
                    show(done.report(), true, done.items(), done.map());
                    status.set(done.unreadable().isEmpty() ? "" : String.format(
                            text.getString("inspect.unreadableLayers"), String.join("; ", done.unreadable())));
                    loadDiff();
                }).onError(Exception.class, e -> status.set(UserMessage.sentence(e))));
    }

    /** Makes a finding's fix: changes the content, then zips and inspects again. */
    public void applyFix(FindingFix fix) {
        LayerContent content = state.contentProperty().get();
        if (content == null || fix == null || busy.get()) {
            return;
        }
        start(BackgroundTask.of(p -> {
            p.message(text.getString("inspect.fixing"));
            return fix.apply(content, services.builder());
        }).unlessChanged(state.contentProperty()::get, changed -> { }).onSuccess(changed -> {
            state.contentProperty().set(changed);
            fix.remember(state);
            refreshPending = true;
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e))));
    }

    /**
     * Shows the inspection of the wizard's layer again (after opening something else). Its fixes
     * are planned again in the background (planning a slimming walks every file).
     */
    public void showOwnLayer() {
        InspectionReport own = state.reportProperty().get();
        if (own == null) {
            refresh();
            return;
        }
        if (busy.get()) {
            return;
        }
        LayerContent content = state.contentProperty().get();
        LayerMap known = lastOwnMap != null && lastOwnMap.report() == own ? lastOwnMap : null;
        String title = layerTitle();
        start(BackgroundTask.of(p -> work.again(own, content, known, title))
                .unlessChanged(state.reportProperty()::get, done -> { }) // inspected again meanwhile: that one shows
                .onSuccess(done -> {
                    show(own, true, done.items(), done.map());
                    loadDiff();
                }).onError(Exception.class, e -> status.set(UserMessage.sentence(e))));
    }

    /** Opens any zip on disk in this view (outside the wizard's flow). */
    public void openZip(Path zip) {
        openSource(() -> new LayerSource.LocalZip(zip));
    }

    /** Opens a published layer version by its ARN, located through the connection. */
    public void openVersion(String arn) {
        AwsSession session = state.sessionProperty().get();
        String trimmed = arn == null ? "" : arn.trim();
        if (!LayerVersionRef.isLayerArn(trimmed) || !LayerVersionRef.parse(trimmed).isVersioned()) {
            status.set(text.getString("inspect.open.notVersionArn"));
            return;
        }
        if (session == null) {
            status.set(text.getString("inspect.open.needsConnection"));
            return;
        }
        openSource(() -> latestDiff.remote(session, trimmed));
    }

    private interface SourceSupplier {
        LayerSource get() throws Exception;
    }

    private void openSource(SourceSupplier source) {
        if (busy.get()) {
            return;
        }
        Runtime runtime = state.runtimeProperty().get();
        Architecture arch = state.architectureProperty().get();
        start(BackgroundTask.of(p -> work.other(source.get(), runtime, arch, p)).onSuccess(done -> {
            show(done.report(), false, done.items(), done.map());
            latestDiff.otherLayer();
            status.set("");
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e))));
    }

    private void loadDiff() {
        latestDiff.load(ownLayer::get);
    }

    private void show(InspectionReport r, boolean own, List<FindingFix.Item> items, LayerMap m) {
        if (own) {
            lastOwnMap = m;
        }
        ownLayer.set(own);
        report.set(r);
        map.set(m);
        localItems = List.copyOf(items);
        findings.setAll(withLambda(items));
    }

    private List<FindingFix.Item> withLambda(List<FindingFix.Item> items) {
        List<FindingFix.Item> all = new ArrayList<>(items);
        lambdaTest.findings().forEach(f -> all.add(new FindingFix.Item(f, null)));
        return all;
    }

    /** "Test in Lambda" for the layer shown. */
    public LambdaTestViewModel lambdaTest() {
        return lambdaTest;
    }

    private String layerTitle() {
        LayerChoice choice = state.layerProperty().get();
        return choice == null ? text.getString("inspect.thisLayer") : choice.name();
    }

    /** Runs one task at a time; a refresh asked for meanwhile runs when it ends. */
    private void start(BackgroundTask<?> task) {
        busy.set(true);
        status.set("");
        running = task.andFinally(() -> {
            progressMessage.unbind();
            progressMessage.set("");
            running = null;
            busy.set(false);
            if (refreshPending) {
                refreshPending = false;
                refresh();
            }
        }).start(services.executor());
        progressMessage.bind(running.messageProperty());
    }

    // ---- presentation ----

    /** The page's words for limits, parts, diffs and targets. */
    InspectTexts texts() {
        return texts;
    }

    /** The changed packages to list under the diff's summary. */
    List<InspectTexts.DiffRow> diffRows() {
        return InspectTexts.diffRows(latestDiff.diffProperty().get()); // every one: the list scrolls
    }

    /** Picks a target from {@link #targets()}. */
    void chooseTarget(InspectTexts.Target choice) {
        targets.choose(choice);
    }

    /** The choice of {@link #targets()} that stands for the current target. */
    InspectTexts.Target chosenTarget() {
        return targets.chosen();
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<InspectionReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayerMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /** True while the wizard's own layer is shown (fixes and the diff apply to it only). */
    public ReadOnlyBooleanProperty ownLayerProperty() {
        return ownLayer.getReadOnlyProperty();
    }

    public ObservableList<FindingFix.Item> findings() {
        return findings;
    }

    /** Functions of the region that can use layers, for the target picker. */
    public ObservableList<FunctionInfo> functions() {
        return targets.functions();
    }

    /** The function whose other layers and code count against the limits; null for the layer alone. */
    public ObjectProperty<FunctionInfo> targetProperty() {
        return targets.targetProperty();
    }

    public ReadOnlyObjectProperty<LayerDiff> diffProperty() {
        return latestDiff.diffProperty();
    }

    public ReadOnlyStringProperty diffStatusProperty() {
        return latestDiff.statusProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The target picker's choices: the layer alone, then each function. */
    ObservableList<InspectTexts.Target> targets() {
        return targets.choices();
    }

    /** The page's subtitle: what the shown layer holds. */
    StringBinding summaryProperty() {
        return headings.summary();
    }

    StringBinding diffSummaryProperty() {
        return headings.diffSummary();
    }

    /** What the size table says when it has no rows: progress while working, else that the layer is empty. */
    StringBinding tablePlaceholderProperty() {
        return headings.tablePlaceholder();
    }

    /** What the findings list says when it is empty: progress while working, else that nothing was found. */
    StringBinding findingsPlaceholderProperty() {
        return headings.findingsPlaceholder();
    }
}
