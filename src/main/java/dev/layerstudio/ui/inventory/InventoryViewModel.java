package dev.layerstudio.ui.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryCache;
import dev.layerstudio.aws.InventoryCleanup;
import dev.layerstudio.aws.InventorySource;
import dev.layerstudio.aws.Regions;
import dev.layerstudio.model.CleanupResult;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryAnswers;
import dev.layerstudio.model.InventoryFilter;
import dev.layerstudio.model.InventorySlice;
import dev.layerstudio.model.InventoryTable;
import dev.layerstudio.model.InventoryView;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The organization page: which accounts and regions to read, the read itself (progress, cancel,
 * partial results), the answer and filters shown, refreshing one account-region, and exporting the
 * table exactly as shown. The answers are {@link InventoryAnswers}'; this only holds the choices.
 */
public final class InventoryViewModel {

    /** Where the accounts come from. */
    public enum SourceKind { SSO, PROFILES, AGGREGATOR }

    /** What the window needs from the rest of the app. */
    public record Services(Connector connector, TaskExecutor executor, Supplier<AwsSession> session,
                           InventoryCache cache, Clock clock) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InventoryViewModel.class);

    private final Services services;
    private final ResourceBundle text;
    private final TableAnswers answers;

    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(SourceKind.SSO);
    private final StringProperty ssoSession = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("");
    private final StringProperty profiles = new SimpleStringProperty("");
    private final StringProperty aggregator = new SimpleStringProperty("");
    private final StringProperty regions = new SimpleStringProperty("");
    private final BooleanProperty allRegions = new SimpleBooleanProperty(false);

    private final ObjectProperty<InventoryView> view = new SimpleObjectProperty<>(InventoryView.LAYERS);
    private final StringProperty accountFilter = new SimpleStringProperty("");
    private final StringProperty regionFilter = new SimpleStringProperty("");
    private final StringProperty layerFilter = new SimpleStringProperty("");
    private final StringProperty runtimeFilter = new SimpleStringProperty("");

    private final ObjectProperty<Inventory> inventory = new SimpleObjectProperty<>();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final ObservableList<String> slices = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private BackgroundTask<Inventory> task;
    private final ObservableList<String> cleanup = FXCollections.observableArrayList();

    public InventoryViewModel(Services services, ResourceBundle text) {
        this.services = services;
        this.text = text;
        this.answers = new TableAnswers(services.executor());
        view.addListener((o, a, b) -> answer());
        inventory.addListener((o, a, b) -> answer());
        List.of(accountFilter, regionFilter, layerFilter, runtimeFilter)
                .forEach(p -> p.addListener((o, a, b) -> answer()));
        List<String> sessions = services.connector().ssoSessions().stream().map(s -> s.name()).toList();
        if (sessions.size() == 1) {
            ssoSession.set(sessions.get(0));
        } else if (sessions.isEmpty()) {
            sourceKind.set(SourceKind.PROFILES);
        }
        AwsSession current = services.session().get();
        if (current != null) {
            regions.set(current.region());
        }
    }

    /** Reads the chosen accounts and regions; what could not be read is kept, with why. */
    public void read() {
        start(false, List.of());
    }

    /** Reads one slice ({@code ACCOUNT/REGION}, as {@link #slices()} lists them) again; the rest stays. */
    public void refresh(String slice) {
        if (inventory.get() == null || slice == null || slice.isBlank()) {
            return;
        }
        start(true, List.of(slice));
    }

    /** Shows the last saved inventory of the chosen source, if there is one. */
    public boolean loadCached() {
        try {
            String description = describe();
            return services.cache().load(description).map(i -> {
                inventory.set(i);
                status.set(String.format(text.getString("inventory.cached"), i.oldestRead()));
                return true;
            }).orElse(false);
        } catch (LayerStudioException e) {
            error.set(UserMessage.sentence(e));
            return false;
        }
    }

    /** Whether the table shown is the unused versions of accounts read directly, which can be deleted. */
    public boolean canDeleteShown() {
        return view.get() == InventoryView.UNUSED && sourceKind.get() != SourceKind.AGGREGATOR
                && !answers.busyProperty().get() && table() != null && !table().rows().isEmpty() && !running.get();
    }

    /** How many versions {@link #deleteShown()} would try to delete. */
    public int shownCount() {
        return table() == null ? 0 : table().rows().size();
    }

    /**
     * Deletes the unused versions shown, account by account through the guarded delete (each
     * version's users read again just before; shared ones kept), then reads their account-regions
     * again so the table shows what is left.
     */
    public void deleteShown() {
        if (!canDeleteShown()) {
            return;
        }
        Inventory current = inventory.get();
        List<String> arns = table().records().stream().map(r -> r.get("arn")).toList();
        AwsSession session = services.session().get();
        URI endpoint = session == null ? null : session.endpoint().orElse(null);
        Connector connector = services.connector();
        SourceChoice chosen = choice();
        error.set("");
        cleanup.clear();
        running.set(true);
        status.set(text.getString("inventory.deleting"));
        BackgroundTask.of(p -> new InventoryCleanup(connector, chosen.accounts(connector, endpoint))
                .delete(current, arns, p)).onSuccess(results -> {
            cleanup.setAll(results.stream().map(r -> r.arn() + ": " + r.outcome().name().toLowerCase(
                    java.util.Locale.ROOT) + (r.message().isEmpty() ? "" : " - " + r.message())).toList());
            long deleted = results.stream().filter(r -> r.outcome() == CleanupResult.Outcome.DELETED).count();
            status.set(String.format(text.getString("inventory.deleted"), deleted, results.size() - deleted));
            List<String> touched = arns.stream().map(a -> LayerVersionRef.parse(a))
                    .map(r -> r.accountId() + "/" + r.region()).distinct().toList();
            running.set(false);
            if (!touched.isEmpty()) {
                start(true, touched);
            }
        }).onCancelled(() -> status.set(text.getString("inventory.cancelled")))
                .onError(Exception.class, e -> error.set(UserMessage.sentence(e)))
                .andFinally(() -> {
                    if (task == null || !task.isRunning()) {
                        running.set(false);
                    }
                })
                .start(services.executor());
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private void start(boolean refresh, List<String> selectors) {
        if (running.get()) {
            return;
        }
        error.set("");
        Inventory previous = inventory.get();
        AwsSession session = services.session().get();
        URI endpoint = session == null ? null : session.endpoint().orElse(null);
        List<String> chosenRegions;
        InventorySource source;
        try {
            chosenRegions = chosenRegions(session);
            source = choice().source(services.connector(), session, endpoint, services.clock());
        } catch (LayerStudioException e) {
            error.set(UserMessage.sentence(e));
            return;
        }
        running.set(true);
        progress.set(-1);
        status.set(text.getString("inventory.reading"));
        InventoryCache cache = services.cache();
        task = BackgroundTask.of(p -> {
            Inventory read = refresh ? source.refresh(previous, selectors, p) : source.read(chosenRegions, p);
            try {
                cache.save(read); // thousands of functions: written here, not on the JavaFX thread
            } catch (LayerStudioException e) {
                LOG.warn("The inventory was read but not kept for the next start", e); // the read still counts
            }
            return read;
        })
                .onSuccess(result -> {
                    inventory.set(result);
                    status.set(String.format(text.getString("inventory.read"), result.slices().size(),
                            result.functions().size(), result.failed().size()));
                })
                .onCancelled(() -> status.set(text.getString("inventory.cancelled")))
                .onError(Exception.class, e -> error.set(UserMessage.sentence(e)))
                .andFinally(() -> {
                    running.set(false);
                    progress.unbind();
                    status.unbind();
                });
        task.start(services.executor());
        progress.bind(task.progressProperty());
        task.messageProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty() && running.get()) {
                status.set(b);
            }
        });
    }

    private List<String> chosenRegions(AwsSession session) {
        if (allRegions.get()) {
            return Regions.lambdaRegions();
        }
        List<String> list = split(regions.get());
        if (list.isEmpty() && sourceKind.get() != SourceKind.AGGREGATOR) {
            if (session == null) {
                throw new LayerStudioException(text.getString("inventory.noRegion"));
            }
            return List.of(session.region());
        }
        return list;
    }

    /** What is read, in the words the cache and the command line use. */
    String describe() {
        return choice().describe();
    }

    /** The source as the fields now choose it. */
    private SourceChoice choice() {
        return new SourceChoice(sourceKind.get(), ssoSession.get(), role.get(), profiles.get(), aggregator.get(), text);
    }

    /** The names of a list typed with commas or spaces, each once. */
    static List<String> split(String list) {
        return list == null ? List.of() : Arrays.stream(list.split("[,\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Asks the table for the chosen view and filters; the answer comes off the JavaFX thread. */
    private void answer() {
        Inventory inv = inventory.get();
        failures.setAll(inv == null ? List.of() : inv.failed().stream().map(s -> s.accountName() + " / "
                + s.region() + ": " + s.failure().reason().label() + " - " + s.failure().message()).toList());
        slices.setAll(inv == null ? List.of() : inv.slices().stream().map(InventorySlice::key).toList());
        if (inv == null) {
            answers.clear("");
            return;
        }
        try {
            answers.ask(view.get(), inv, InventoryFilter.of(split(accountFilter.get()), split(regionFilter.get()),
                    layerFilter.get(), runtimeFilter.get()), LocalDate.now(services.clock().withZone(ZoneOffset.UTC)));
        } catch (LayerStudioException e) {
            answers.clear(UserMessage.sentence(e));
        }
    }

    /** Writes the table as shown (columns, filters, order) as CSV. */
    public void exportCsv(Path file) throws IOException {
        Files.writeString(file, shown().toCsv(), StandardCharsets.UTF_8);
    }

    /** Writes the table as shown as JSON: one object per row, keyed as the command line's {@code rows}. */
    public void exportJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(file, json.writeValueAsString(shown().records()), StandardCharsets.UTF_8);
    }

    private InventoryTable shown() {
        if (table() == null) {
            throw new LayerStudioException(text.getString("inventory.nothingToExport"));
        }
        return table();
    }

    private InventoryTable table() {
        return answers.tableProperty().get();
    }

    public ObjectProperty<SourceKind> sourceKindProperty() { return sourceKind; }
    public StringProperty ssoSessionProperty() { return ssoSession; }
    public StringProperty roleProperty() { return role; }
    public StringProperty profilesProperty() { return profiles; }
    public StringProperty aggregatorProperty() { return aggregator; }
    public StringProperty regionsProperty() { return regions; }
    public BooleanProperty allRegionsProperty() { return allRegions; }
    public ObjectProperty<InventoryView> viewProperty() { return view; }
    public StringProperty accountFilterProperty() { return accountFilter; }
    public StringProperty regionFilterProperty() { return regionFilter; }
    public StringProperty layerFilterProperty() { return layerFilter; }
    public StringProperty runtimeFilterProperty() { return runtimeFilter; }
    public ObjectProperty<Inventory> inventoryProperty() { return inventory; }
    public ObjectProperty<InventoryTable> tableProperty() { return answers.tableProperty(); }
    /** Whether the table shown is about to be replaced by the answer to a newer question. */
    public ReadOnlyBooleanProperty answeringProperty() { return answers.busyProperty(); }
    public ObservableList<String> failures() { return failures; }
    public ObservableList<String> slices() { return slices; }
    public ObservableList<String> cleanupResults() { return cleanup; }
    public StringProperty notesProperty() { return answers.notesProperty(); }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public DoubleProperty progressProperty() { return progress; }
    public BooleanProperty runningProperty() { return running; }
    public List<String> ssoSessionNames() {
        return services.connector().ssoSessions().stream().map(s -> s.name()).toList();
    }
}
