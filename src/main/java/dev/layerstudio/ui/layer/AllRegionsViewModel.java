package dev.layerstudio.ui.layer;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Regions;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.RegionLayers;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The layers of every region where Lambda runs, as {@code layers --all-regions} lists them: the
 * engine's {@link SdkLayerService#listLayers(AwsSession, List, SdkLayerService.Options)} over
 * {@link Regions#lambdaRegions(String)} (the connection's region first), a few regions at a time;
 * a region that cannot be read (not enabled for the account, say) is named with why, and the
 * rest are shown. Read when switched on, again on {@link #reload()}, never while off.
 */
public final class AllRegionsViewModel {

    /** Reads the layers of these regions with the connection's credentials. */
    @FunctionalInterface
    public interface Lister {
        List<RegionLayers> list(AwsSession session, List<String> regions);
    }

    /** The CLI's way: every Lambda region of the SDK's metadata, through the layer service. */
    public static final Lister EVERY_REGION = (session, regions) -> SdkLayerService.listLayers(session, regions,
            SdkLayerService.Options.defaults());

    private final WizardState state;
    private final Lister lister;
    private final Function<AwsSession, List<String>> regions;
    private final TaskExecutor executor;
    private final ResourceBundle text;

    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ObservableList<LayerInfo> layers = FXCollections.observableArrayList();
    private final FilteredList<LayerInfo> shown = new FilteredList<>(layers);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private BackgroundTask<List<RegionLayers>> listing;

    public AllRegionsViewModel(WizardState state, TaskExecutor executor, ResourceBundle text) {
        this(state, EVERY_REGION, session -> Regions.lambdaRegions(session.region()), executor, text);
    }

    /**
     * @param regions which regions to read for a connection (the window: every Lambda region)
     */
    public AllRegionsViewModel(WizardState state, Lister lister, Function<AwsSession, List<String>> regions,
                               TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.lister = lister;
        this.regions = regions;
        this.executor = executor;
        this.text = text;
        search.addListener((o, was, now) -> {
            String q = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(q.isEmpty() ? null : l -> matches(l, q));
        });
        on.addListener((o, was, now) -> {
            if (now) {
                reload();
            } else {
                stop();
            }
        });
        state.sessionProperty().addListener((o, was, now) -> {
            stop();
            if (on.get()) {
                reload();
            }
        });
    }

    /** Reads every region again (only while the view is on). */
    public void reload() {
        AwsSession session = state.sessionProperty().get();
        stop();
        if (!on.get()) {
            return;
        }
        if (session == null) {
            say(text.getString("layer.empty.notConnected"), false);
            return;
        }
        List<String> targets = regions.apply(session);
        loading.set(true);
        say(String.format(text.getString("layer.allRegions.loading"), targets.size()), false);
        BackgroundTask<List<RegionLayers>> task = BackgroundTask.of(p -> lister.list(session, targets));
        listing = task;
        task.onSuccess(read -> {
            if (listing != task || session != state.sessionProperty().get()) {
                return;
            }
            show(read);
        }).onError(Exception.class, e -> {
            if (listing == task) {
                say(UserMessage.sentence(e), true);
            }
        }).andFinally(() -> {
            if (listing == task) {
                listing = null;
                loading.set(false);
            }
        }).start(executor);
    }

    private void show(List<RegionLayers> read) {
        List<LayerInfo> all = new ArrayList<>();
        List<String> failedRegions = new ArrayList<>();
        String firstReason = null;
        int withLayers = 0;
        for (RegionLayers r : read) {
            if (!r.ok()) {
                failedRegions.add(r.region());
                firstReason = firstReason == null ? r.error() : firstReason;
                continue;
            }
            all.addAll(r.layers());
            withLayers += r.layers().isEmpty() ? 0 : 1;
        }
        layers.setAll(all);
        String summary = String.format(text.getString("layer.allRegions.summary"), all.size(), withLayers,
                read.size() - failedRegions.size());
        if (failedRegions.isEmpty()) {
            say(summary, false);
        } else {
            say(summary + " " + String.format(text.getString(failedRegions.size() == 1 ? "layer.allRegions.failedOne"
                    : "layer.allRegions.failedMany"), failedRegions.size(), String.join(", ", failedRegions),
                    firstReason), true);
        }
    }

    private static boolean matches(LayerInfo l, String q) {
        return l.name().toLowerCase(Locale.ROOT).contains(q) || l.region().contains(q)
                || l.latest().map(v -> v.description().toLowerCase(Locale.ROOT).contains(q)
                || v.compatibleRuntimes().stream().anyMatch(r -> r.contains(q))
                || v.compatibleArchitectures().stream().anyMatch(a -> a.contains(q))).orElse(false);
    }

    private void stop() {
        if (listing != null) {
            listing.cancel();
            listing = null;
        }
        loading.set(false);
        layers.clear();
        say("", false);
    }

    private void say(String sentence, boolean error) {
        status.set(sentence);
        failed.set(error);
    }

    /** Whether the page shows every region's layers instead of the connection's region only. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** The layers read that the search matches, region by region (each {@link LayerInfo#region()} says where). */
    public ObservableList<LayerInfo> layers() {
        return shown;
    }

    /** Narrows the layers shown: name, region, runtime, architecture or description. */
    public StringProperty searchProperty() {
        return search;
    }

    /** How many layers in how many regions, and which regions could not be read and why. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether some region could not be read. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
