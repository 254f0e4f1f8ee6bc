package dev.layerstudio.ui.inspect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SizePart;
import dev.layerstudio.model.ZipResult;
import dev.layerstudio.model.Finding;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.probe.LambdaTestViewModel;
import dev.layerstudio.ui.common.SizeGauge;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final AppServices services;
    private final ResourceBundle text;
    private final LayerContentLocator locator;

    private final ReadOnlyObjectWrapper<InspectionReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<LayerMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyBooleanWrapper ownLayer = new ReadOnlyBooleanWrapper(this, "ownLayer", false);
    private final ObservableList<FindingFix.Item> findings = FXCollections.observableArrayList();
    private final ObservableList<FunctionInfo> functions = FXCollections.observableArrayList();
    private final ObjectProperty<FunctionInfo> target = new SimpleObjectProperty<>(this, "target");
    private final ReadOnlyObjectWrapper<LayerDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyStringWrapper diffStatus = new ReadOnlyStringWrapper(this, "diffStatus", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding valid;
    private final LambdaTestViewModel lambdaTest;
    private List<FindingFix.Item> localItems = List.of();

    private BackgroundTask<?> running;
    private boolean refreshPending;
    private LayerMap lastOwnMap;
    private Key inspected;
    private AwsSession functionsOf;

    /** What the shown inspection of the wizard's layer was made for. */
    private record Key(LayerContent content, Runtime runtime, Architecture architecture, String function) {
    }

    public InspectViewModel(WizardState state, AppServices services, ResourceBundle text) {
        this(state, services, text, new LayerContentLocator());
    }

    InspectViewModel(WizardState state, AppServices services, ResourceBundle text, LayerContentLocator locator) {
        this.state = state;
        this.services = services;
        this.text = text;
        this.locator = locator;
        valid = Bindings.createBooleanBinding(() -> state.zipProperty().get() != null
                && state.reportProperty().get() != null && !busy.get(),
                state.zipProperty(), state.reportProperty(), busy);
        target.addListener((o, a, b) -> {
            if (!Objects.equals(a, b) && state.contentProperty().get() != null) {
                refresh();
            }
        });
        // Test in Lambda: the shown layer is what it sends; its failed imports join the findings
        lambdaTest = new LambdaTestViewModel(state, services, text);
        report.addListener((o, a, r) -> lambdaTest.targetProperty().set(LambdaTestViewModel.Target.of(r,
                state.runtimeProperty().get().id(), state.architectureProperty().get().id())));
        lambdaTest.findings().addListener((ListChangeListener<Finding>) c -> findings.setAll(withLambda(localItems)));
    }

    /** Each time the page is shown: brings the inspection of the wizard's layer up to date. */
    public void onShow() {
        AwsSession session = state.sessionProperty().get();
        if (session != null && session != functionsOf) {
            loadFunctions(session);
        }
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
        FunctionInfo fn = target.get();
        Key key = new Key(content, state.runtimeProperty().get(), state.architectureProperty().get(),
                fn == null ? null : fn.arn());
        ZipResult zip = state.zipProperty().get();
        if (zip != null && state.reportProperty().get() != null && key.equals(inspected)) {
            if (!ownLayer.get() || report.get() != state.reportProperty().get()) {
                showOwnLayer();
            }
            return;
        }
        Path output = zipPath(state.layerProperty().get());
        AwsSession session = state.sessionProperty().get();
        String ownName = state.layerProperty().get() == null ? null : state.layerProperty().get().name();
        String title = layerTitle();
        start(BackgroundTask.of(p -> {
            ZipResult z = zip;
            if (z == null) {
                Files.createDirectories(output.getParent());
                z = services.builder().zip(content, output, p);
            }
            FunctionStack stack = fn == null || session == null ? FunctionStack.none()
                    : FunctionStack.of(session, fn, ownName, locator);
            InspectOptions options = InspectOptions.defaults().withRuntime(key.runtime())
                    .withArchitecture(key.architecture()).withOtherLayers(stack.sources())
                    .withFunctionCodeBytes(fn == null ? 0 : Math.max(0, fn.codeSize()));
            InspectionReport r = services.inspector().inspect(new LayerSource.LocalZip(z.output()), options, p);
            return new Inspected(z, r, FindingFix.plan(r, content, services.builder()), stack.unreadable(),
                    new LayerMap(r, title));
        }).onSuccess(done -> {
            if (state.contentProperty().get() != content) {
                return; // the content changed while this ran; its own refresh follows
            }
            state.zipProperty().set(done.zip());
            state.reportProperty().set(done.report());
            inspected = key;
            show(done.report(), true, done.items(), done.map());
            status.set(done.unreadable().isEmpty() ? "" : String.format(text.getString("inspect.unreadableLayers"),
                    String.join("; ", done.unreadable())));
            loadDiff();
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e))));
    }

    /** What a task made for the page; the map and the fixes are made there too, off the JavaFX thread. */
    private record Inspected(ZipResult zip, InspectionReport report, List<FindingFix.Item> items,
                             List<String> unreadable, LayerMap map) {
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
        }).onSuccess(changed -> {
            if (state.contentProperty().get() != content) {
                return;
            }
            state.contentProperty().set(changed);
            refreshPending = true;
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e))));
    }

    /** Shows the inspection of the wizard's layer again (after opening something else). */
    public void showOwnLayer() {
        InspectionReport own = state.reportProperty().get();
        if (own == null) {
            refresh();
            return;
        }
        show(own, true, FindingFix.plan(own, state.contentProperty().get(), services.builder()),
                lastOwnMap != null && lastOwnMap.report() == own ? lastOwnMap : new LayerMap(own, layerTitle()));
        loadDiff();
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
        openSource(() -> remote(session, trimmed));
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
        start(BackgroundTask.of(p -> {
            InspectionReport r = services.inspector().inspect(source.get(),
                    InspectOptions.defaults().withRuntime(runtime).withArchitecture(arch), p);
            return new Inspected(null, r, FindingFix.plan(r, null, services.builder()), List.of(),
                    new LayerMap(r, shortLabel(r.source())));
        }).onSuccess(done -> {
            show(done.report(), false, done.items(), done.map());
            diff.set(null);
            diffStatus.set(text.getString("inspect.diff.otherLayer"));
            status.set("");
        }).onError(Exception.class, e -> status.set(UserMessage.sentence(e))));
    }

    private LayerSource remote(AwsSession session, String arn) {
        LayerContentLocation where = locator.locate(session, arn);
        return new LayerSource.Remote(where.url(), where.layerVersionArn(), where.codeSha256(), where.codeSize());
    }

    /** What changed since the layer's latest published version, when there is one. */
    private void loadDiff() {
        diff.set(null);
        ZipResult zip = state.zipProperty().get();
        Optional<LayerVersionInfo> latest = Optional.ofNullable(state.layerProperty().get())
                .flatMap(LayerChoice::latest);
        AwsSession session = state.sessionProperty().get();
        if (zip == null || latest.isEmpty() || session == null) {
            diffStatus.set(text.getString("inspect.diff.none"));
            return;
        }
        LayerVersionInfo v = latest.get();
        if (zip.codeSha256().equals(v.codeSha256())) {
            diffStatus.set(String.format(text.getString("inspect.diff.identical"), v.version()));
            return;
        }
        diffStatus.set(String.format(text.getString("inspect.diff.loading"), v.version()));
        BackgroundTask.of(p -> services.inspector().diff(remote(session, v.arn()),
                        new LayerSource.LocalZip(zip.output()), p))
                .onSuccess(d -> {
                    if (state.zipProperty().get() == zip) {
                        state.diffProperty().set(d); // for Publish's proposed description
                    }
                    if (state.zipProperty().get() == zip && ownLayer.get()) {
                        diff.set(d);
                        diffStatus.set(String.format(text.getString("inspect.diff.against"), v.version()));
                    }
                })
                .onError(Exception.class, e -> {
                    if (state.zipProperty().get() == zip) {
                        diffStatus.set(String.format(text.getString("inspect.diff.failed"), v.version(), UserMessage.sentence(e)));
                    }
                })
                .start(services.executor());
    }

    private void loadFunctions(AwsSession session) {
        functionsOf = session;
        BackgroundTask.of(p -> services.functions().apply(session).listFunctions())
                .onSuccess(list -> {
                    if (state.sessionProperty().get() == session) {
                        functions.setAll(list.stream().filter(f -> !f.isImage()).toList());
                    }
                })
                .onError(Exception.class, e -> {
                    functionsOf = null;
                    status.set(UserMessage.sentence(e));
                })
                .start(services.executor());
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

    // ---- presentation helpers ----

    /** The parts of a limit's bar: this layer first, then the other layers, then the function's code. */
    public List<SizeGauge.Part> gaugeParts(LimitCheck limit) {
        List<SizeGauge.Part> parts = new ArrayList<>();
        int other = 0;
        for (int i = 0; i < limit.parts().size(); i++) {
            SizePart p = limit.parts().get(i);
            if (i == 0) {
                parts.add(new SizeGauge.Part(text.getString("inspect.gauge.thisLayer"), p.bytes(), "part-layer"));
            } else if (p.label().equals("function code")) {
                parts.add(new SizeGauge.Part(text.getString("inspect.gauge.code"), p.bytes(), "part-code"));
            } else {
                parts.add(new SizeGauge.Part(shortLabel(p.label()), p.bytes(),
                        "part-other-layers part-other-" + (other++ % 3)));
            }
        }
        return parts;
    }

    /** "name:3" for a layer version ARN, the file name for a path. */
    static String shortLabel(String source) {
        Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(source);
        if (ref.isPresent()) {
            return ref.get().name() + (ref.get().isVersioned() ? ":" + ref.get().version() : "");
        }
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 ? source : source.substring(slash + 1);
    }


    /** Where the wizard's zip is written: one file per layer name in the cache folder. */
    static Path zipPath(LayerChoice layer) {
        String name = layer == null || layer.name() == null || layer.name().isBlank() ? "layer"
                : layer.name().replaceAll("[^A-Za-z0-9_-]", "_");
        return AppDirs.current().cache().resolve("wizard").resolve(name + ".zip");
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
        return functions;
    }

    /** The function whose other layers and code count against the limits; null for the layer alone. */
    public ObjectProperty<FunctionInfo> targetProperty() {
        return target;
    }

    public ReadOnlyObjectProperty<LayerDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffStatusProperty() {
        return diffStatus.getReadOnlyProperty();
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
}
