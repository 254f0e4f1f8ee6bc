package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.FunctionService;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.ui.common.StatusLine;
import dev.layerstudio.ui.common.Texts;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.export.ExportViewModel;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.ProjectSettings;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Attach: the region's functions, filtered (compatible only, already on this layer, by
 * name); for the chosen ones, the plan from {@link FunctionService#planAttach} with each
 * function's stack in an order the user may change; apply with per-function progress
 * and results; undo to the previous stacks. Reordering never drops a layer.
 */
public final class AttachViewModel {

    /** A function of the region, and whether it is chosen. */
    public static final class Row {
        private final FunctionInfo function;
        private final BooleanProperty chosen = new SimpleBooleanProperty();

        Row(FunctionInfo function) {
            this.function = function;
        }

        public FunctionInfo function() {
            return function;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    private final WizardState state;
    private final AttachServices services;
    private final ResourceBundle text;
    private final Texts texts;

    private final ObservableList<Row> rows = FXCollections.observableArrayList(r -> new Observable[] {r.chosenProperty()});
    private final FunctionFilter filter;
    private final ObservableList<StackPlan> plans = FXCollections.observableArrayList(
            p -> new Observable[] {p.planProperty()});
    private final ObservableList<ApplyResult> results = FXCollections.observableArrayList();
    private final StatusLine status = new StatusLine();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding canApply;
    private final BooleanBinding canUndo;
    private final BooleanBinding valid;
    private final javafx.beans.binding.StringBinding applyHint;
    private final LayerFiles layerFiles;
    private final StackPlanning planning;
    private final ApplyRun applying;

    private final javafx.beans.property.ObjectProperty<FinishSummary> summary =
            new javafx.beans.property.SimpleObjectProperty<>(this, "summary");
    private List<ApplyResult> lastApplied = List.of();
    private PublishResult loadedFor;

    public AttachViewModel(WizardState state, AttachServices services, ResourceBundle text) {
        this(state, services, text, new LayerContentLocator());
    }

    AttachViewModel(WizardState state, AttachServices services, ResourceBundle text, LayerContentLocator locator) {
        this.state = state;
        this.services = services;
        this.text = text;
        this.texts = new Texts(text);
        this.layerFiles = new LayerFiles(services.inspector(), locator);
        this.planning = new StackPlanning(state, services, layerFiles, text, plans, this::chosenNames, status);
        this.applying = new ApplyRun(services, text, plans, status, busy, () -> load(false));
        this.filter = new FunctionFilter(rows, state.publishedProperty());
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> {
            boolean chosenChanged = false;
            while (c.next()) {
                chosenChanged |= c.wasUpdated();
            }
            if (chosenChanged) {
                plan();
            }
        });
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && plans.stream()
                .anyMatch(p -> p.planProperty().get().willUpdate()), busy, plans);
        canUndo = Bindings.createBooleanBinding(() -> !busy.get() && results.stream()
                .anyMatch(r -> r.outcome() == ApplyResult.Outcome.UPDATED), busy, results);
        state.planOpenProperty().bind(Bindings.isNotEmpty(plans));
        // a plan belongs to the connection it was made in: another region or account starts afresh
        state.sessionProperty().addListener((o, was, now) -> {
            if (was != null && was != now) {
                plans.clear();
                results.clear();
                lastApplied = List.of();
                summary.set(null);
                rows.clear();
                loadedFor = null;
            }
        });
        // what the page said was about one connection and one version
        status.clearedBy(state.sessionProperty(), state.publishedProperty());
        applyHint = Bindings.createStringBinding(this::applyHint, busy, plans, results, state.publishedProperty());
        valid = Bindings.createBooleanBinding(() -> state.publishedProperty().get() != null && !busy.get(),
                state.publishedProperty(), busy);
    }

    /** Each time the page is shown: the functions of the region, for the version from Publish. */
    public void onShow() {
        PublishResult published = state.publishedProperty().get();
        if (published == null) {
            status.show(text.getString("attach.noVersion"));
            return;
        }
        if (published != loadedFor) {
            loadedFor = published;
            plans.clear();
            results.clear();
            lastApplied = List.of();
            summary.set(null);
            load();
        }
    }

    /** Lists the functions of the region again. */
    public void load() {
        load(true);
    }

    /** @param announce whether to say how many were listed (not after apply, whose result stays shown) */
    private void load(boolean announce) {
        AwsSession session = state.sessionProperty().get();
        if (session == null) {
            return;
        }
        Set<String> chosen = chosenNames();
        StatusLine.Action listing = announce ? status.begin() : null;
        // an opened project's functions are chosen when nothing is chosen yet (names, patterns or tags)
        ProjectSettings project = state.projectProperty().get();
        LayerProject.Targets targets = chosen.isEmpty() && project != null ? project.project().targets() : null;
        busy.set(true);
        BackgroundTask.of(p -> {
            var service = services.functions().apply(session);
            List<FunctionInfo> list = service.listFunctions();
            if (targets != null && !targets.functions().isEmpty()) {
                chosen.addAll(targets.choose(list.stream().map(FunctionInfo::name).toList(),
                        targets.needsTags() ? service.tags(list) : Map.of()));
            }
            return list;
        })
                .onSuccess(list -> {
                    rows.setAll(list.stream().map(f -> {
                        Row r = new Row(f);
                        r.chosenProperty().set(chosen.contains(f.name()));
                        return r;
                    }).toList());
                    filter.apply();
                    if (targets != null && !chosen.isEmpty()) {
                        plan(); // the project's functions (a reload keeps its plans and what was said)
                    }
                    if (listing != null) {
                        listing.say(texts.text("attach.listedCount", list.size(), session.region()));
                    }
                })
                .onError(Exception.class, e -> status.showError(UserMessage.sentence(e)))
                .andFinally(() -> busy.set(false))
                .start(services.executor());
    }

    private LayerVersionInfo version() {
        PublishResult p = state.publishedProperty().get();
        return p == null ? null : p.version();
    }

    private Set<String> chosenNames() {
        return rows.stream().filter(r -> r.chosenProperty().get()).map(r -> r.function().name())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Plans the attach for the chosen functions; stacks already planned keep the order the user gave them. */
    public void plan() {
        planning.plan(version());
    }

    /** What Apply asks the user to confirm first, one line per point ("orders: ..."); empty when nothing. */
    public List<String> toConfirm() {
        return PlanReview.toConfirm(plans);
    }

    /** The functions Apply leaves unchanged because the verdict blocks them, with why. */
    public List<String> leftAlone() {
        return PlanReview.leftAlone(plans);
    }

    /**
     * Sends every stack that changes, in the order shown, a few functions at a time.
     *
     * @param confirmed whether the user confirmed {@link #toConfirm()}; without it, nothing that
     *                  needs confirming is ever sent
     */
    public void apply(boolean confirmed) {
        if (!canApply.get()) {
            return;
        }
        if (!confirmed && !toConfirm().isEmpty()) {
            status.showError(text.getString("attach.confirmFirst"));
            return;
        }
        applying.apply(planning.lastPlan(), state.sessionProperty().get(), list -> {
            results.setAll(list);
            lastApplied = List.copyOf(list);
        });
    }

    /** How many functions Apply would update. */
    public long updateCount() {
        return PlanReview.updates(plans);
    }

    /** Why Apply (or Undo) is not available, in one line; empty while both are (or while something runs). */
    private String applyHint() {
        if (busy.get()) {
            return "";
        }
        if (canApply.get()) {
            return canUndo.get() ? "" : text.getString("attach.hint.undo");
        }
        return text.getString(state.publishedProperty().get() == null ? "attach.noVersion"
                : PlanReview.nothingToApplyKey(plans));
    }

    /** Puts back the stacks the last apply changed (where nobody changed them since). */
    public void undo() {
        if (!canUndo.get()) {
            return;
        }
        applying.undo(List.copyOf(results), state.sessionProperty().get(), list -> {
            results.clear();
            if (summary.get() != null) {
                summary.set(FinishSummary.of(version(), lastApplied, true));
            }
        });
    }

    // ---- properties ----

    /** Every function of the region. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** The functions the filters let through (chosen ones always stay). */
    public FilteredList<Row> shown() {
        return filter.shown();
    }

    public BooleanProperty compatibleOnlyProperty() {
        return filter.compatibleOnlyProperty();
    }

    public BooleanProperty usesLayerOnlyProperty() {
        return filter.usesLayerOnlyProperty();
    }

    public StringProperty searchProperty() {
        return filter.searchProperty();
    }

    /** One stack per chosen function, in the order chosen. */
    public ObservableList<StackPlan> plans() {
        return plans;
    }

    /** What the last apply did, per function (cleared by undo). */
    public ObservableList<ApplyResult> results() {
        return results;
    }

    /** What the last action on the page (listing, planning, apply, undo) said; cleared when a newer one starts. */
    public javafx.beans.property.ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    /** Why Apply is disabled, or empty. */
    public javafx.beans.binding.StringBinding applyHintProperty() {
        return applyHint;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /**
     * Finish: what the last apply did, function by function, with the version's ARN (Undo stays
     * offered beside it). Before any apply the summary lists no function and says so.
     */
    public void finish() {
        summary.set(FinishSummary.of(version(), results.isEmpty() ? lastApplied : List.copyOf(results),
                results.isEmpty() && !lastApplied.isEmpty()));
    }

    /** Back from the summary to the plan. */
    public void closeSummary() {
        summary.set(null);
    }

    /** The summary Finish shows, or null while the plan is shown. */
    public javafx.beans.property.ObjectProperty<FinishSummary> summaryProperty() {
        return summary;
    }

    /** Starts the wizard over for another layer, in the same account and region. */
    public void startAnother() {
        summary.set(null);
        state.startAnother();
    }

    /** The staged rollout of the same version. */
    RolloutViewModel newRollout() {
        return new RolloutViewModel(state, services.functions(), services.executor(), text, services.rollouts());
    }

    /** The export of the same version. */
    ExportViewModel newExport() {
        return new ExportViewModel(state, services.layers(), services.functions(), services.executor(), text);
    }

    /** The bundle this step speaks with. */
    ResourceBundle text() {
        return text;
    }

    /** The files of the layers in the plans that are known, by version ARN (the hidden-file warnings use them). */
    Map<String, Set<String>> knownFiles() {
        return Map.copyOf(layerFiles.known());
    }

    /** The version being attached, for the page's header. */
    public LayerVersionInfo attaching() {
        return version();
    }
}
