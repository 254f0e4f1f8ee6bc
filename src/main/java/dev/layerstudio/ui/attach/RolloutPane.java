package dev.layerstudio.ui.attach;

import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.RolloutJournal;
import dev.layerstudio.model.Wave;
import dev.layerstudio.model.WaveRecord;
import dev.layerstudio.ui.common.ConfirmDialog;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The staged rollout panel of the Attach step: the waves as typed, the functions each one
 * takes, and Apply wave 1 / Continue / Roll back this wave / Stop, with the running wave's
 * progress and a Cancel. Binds a {@link RolloutViewModel}; holds no logic of its own.
 */
final class RolloutPane extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final RolloutViewModel vm;
    private final ResourceBundle text;
    private final FlowPane chips = new FlowPane(6, 6);
    private final VBox waveBox = new VBox(10);
    private final Label empty = new Label();

    private final Label intro = new Label();

    RolloutPane(RolloutViewModel vm, ResourceBundle text) {
        super(10);
        this.vm = vm;
        this.text = text;
        getStyleClass().add("rollout-pane");
        setId("rolloutPane");

        intro.getStyleClass().add("rollout-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        vm.selectors().addListener((ListChangeListener<String>) c -> showChips());
        vm.offeredProperty().addListener((o, a, b) -> showWaves());
        showVersion(null);

        getChildren().addAll(resumeBanner(), intro, selectorRow(), chips, empty, waves(), progressRow(),
                buttons(), status());
        empty.getStyleClass().add("stack-warning");
        empty.setWrapText(true);
        empty.setMinHeight(Region.USE_PREF_SIZE);
        vm.emptySelectors().addListener((ListChangeListener<String>) c -> showEmpty());
        vm.waves().addListener((ListChangeListener<WaveView>) c -> showWaves());
        showChips();
        showEmpty();
        showWaves();
        // a wave with warnings is applied only once the user confirms them
        vm.confirmationProperty().addListener((o, was, question) -> {
            if (question != null) {
                vm.confirmationProperty().set(null);
                ConfirmDialog.ask(getScene() == null ? null : getScene().getWindow(), question,
                        text.getString("common.cancel"));
            }
        });
    }

    /** Names the version the waves move functions to. */
    void showVersion(LayerVersionInfo v) {
        intro.setText(v == null ? text.getString("rollout.intro")
                : String.format(text.getString("rollout.introVersion"), v.region(), v.name(), v.version()));
    }

    private HBox resumeBanner() {
        Label message = new Label();
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("rolloutResumeText");
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            RolloutJournal j = vm.offeredProperty().get();
            return j == null ? "" : String.format(text.getString("rollout.resumeOffer"), j.target().name(),
                    j.toVersion(), dev.layerstudio.aws.Rollouts.progress(j));
        }, vm.offeredProperty()));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button resume = new Button(text.getString("rollout.resume"), new FontIcon(Feather.PLAY));
        resume.setId("resumeRollout");
        resume.getStyleClass().add("accent");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.setOnAction(e -> vm.resume());
        resume.disableProperty().bind(vm.busyProperty());
        HBox banner = new HBox(10, new FontIcon(Feather.CLOCK), message, resume);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("rollout-resume");
        banner.visibleProperty().bind(vm.offeredProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox selectorRow() {
        TextField input = new TextField();
        input.setId("waveInput");
        input.setPromptText(text.getString("rollout.wavePrompt"));
        input.textProperty().bindBidirectional(vm.selectorInputProperty());
        input.setOnAction(e -> vm.addSelector());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button add = new Button(text.getString("rollout.addWave"), new FontIcon(Feather.PLUS));
        add.setId("addWave");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> vm.addSelector());
        HBox row = new HBox(8, input, add);
        row.setAlignment(Pos.CENTER_LEFT);
        row.disableProperty().bind(vm.journalProperty().isNotNull().or(vm.busyProperty()));
        Tooltip.install(input, new Tooltip(text.getString("rollout.waveHelp")));
        return row;
    }

    private void showChips() {
        chips.getChildren().clear();
        int i = 1;
        for (String s : vm.selectors()) {
            Label number = new Label(String.valueOf(i));
            number.getStyleClass().add("wave-chip-number");
            Label label = new Label(s);
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll("flat", "button-icon", "wave-chip-remove");
            remove.setId("removeWave-" + i);
            remove.setAccessibleText(String.format(text.getString("rollout.removeWave"), s));
            remove.setOnAction(e -> vm.removeSelector(s));
            remove.visibleProperty().bind(vm.journalProperty().isNull());
            remove.managedProperty().bind(remove.visibleProperty());
            HBox chip = new HBox(4, number, label, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("wave-chip");
            chips.getChildren().add(chip);
            i++;
        }
        chips.setVisible(!vm.selectors().isEmpty());
        chips.setManaged(chips.isVisible());
    }

    private void showEmpty() {
        empty.setText(vm.emptySelectors().isEmpty() ? ""
                : String.format(text.getString("rollout.emptyWaves"), String.join(", ", vm.emptySelectors())));
        empty.setVisible(!vm.emptySelectors().isEmpty());
        empty.setManaged(empty.isVisible());
    }

    private ScrollPane waves() {
        waveBox.setId("waveBox");
        waveBox.getStyleClass().add("plan-box");
        ScrollPane scroll = new ScrollPane(waveBox);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("edge-to-edge", "wave-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private void showWaves() {
        waveBox.getChildren().setAll(vm.waves().stream().map(this::card).toList());
        if (vm.waves().isEmpty()) {
            Label hint = new Label(text.getString(vm.offeredProperty().get() != null ? "rollout.resumeHint"
                    : "rollout.hint"));
            hint.getStyleClass().add("status-line");
            hint.setWrapText(true);
            waveBox.getChildren().add(hint);
        }
    }

    private VBox card(WaveView w) {
        Label title = new Label(String.format(text.getString("rollout.waveTitle"), w.number()));
        title.getStyleClass().add("stack-function");
        Label label = new Label(Wave.REST.equals(w.label()) ? text.getString("rollout.rest") : w.label());
        label.getStyleClass().add("wave-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label stage = new Label(text.getString(switch (w.stage()) {
            case PLANNED -> "rollout.stage.planned";
            case NEXT -> "rollout.stage.next";
            case RUNNING -> "rollout.stage.running";
            case APPLIED -> "rollout.stage.applied";
            case PARTIAL -> "rollout.stage.partial";
            case ROLLED_BACK -> "rollout.stage.rolled_back";
        }));
        stage.getStyleClass().addAll("wave-stage", "wave-stage-" + w.stage().name().toLowerCase(Locale.ROOT));
        stage.setId("waveStage-" + w.number());
        HBox header = new HBox(8, title, label, spacer, stage);
        header.setAlignment(Pos.BASELINE_LEFT);
        VBox card = new VBox(6, header);
        for (WaveView.Line line : w.functions()) {
            Label name = new Label(line.function());
            name.getStyleClass().add("wave-function");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(line.status());
            what.getStyleClass().addAll("wave-status", "wave-status-" + line.kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
            what.setWrapText(true);
            what.setId("waveLine-" + line.function());
            HBox.setHgrow(what, Priority.ALWAYS);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(10, new FontIcon(icon(line.kind())), name, what);
            row.getStyleClass().add("wave-line");
            row.setAlignment(Pos.BASELINE_LEFT);
            card.getChildren().add(row);
        }
        card.getStyleClass().addAll("stack-card", "wave-card");
        card.setId("wave-" + w.number());
        return card;
    }

    private static Feather icon(WaveView.Kind kind) {
        return switch (kind) {
            case PLANNED -> Feather.CIRCLE;
            case WAITING -> Feather.CLOCK;
            case RUNNING -> Feather.LOADER;
            case DONE -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case LEFT_ALONE -> Feather.MINUS_CIRCLE;
            case UNDONE -> Feather.ROTATE_CCW;
        };
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(text.getString("rollout.cancel"), new FontIcon(Feather.SQUARE));
        cancel.setId("cancelWave");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.cancellingProperty());
        HBox row = new HBox(10, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.busyProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private FlowPane buttons() {
        Button start = new Button(text.getString("rollout.applyFirst"), new FontIcon(Feather.CHECK));
        start.setId("startRollout");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> vm.applyFirstWave());
        start.disableProperty().bind(vm.canStartProperty().not());
        start.visibleProperty().bind(vm.journalProperty().isNull().and(vm.offeredProperty().isNull()));
        start.managedProperty().bind(start.visibleProperty());

        Button next = new Button(null, new FontIcon(Feather.SKIP_FORWARD));
        next.setId("continueRollout");
        next.getStyleClass().add("accent");
        next.textProperty().bind(Bindings.createStringBinding(() -> {
            RolloutJournal j = vm.journalProperty().get();
            return j == null || j.next().isEmpty() ? text.getString("rollout.continue")
                    : String.format(text.getString("rollout.continueWave"), j.next().get().number());
        }, vm.journalProperty()));
        next.setOnAction(e -> vm.continueRollout());
        next.disableProperty().bind(vm.canContinueProperty().not());

        Button back = new Button(text.getString("rollout.rollBack"), new FontIcon(Feather.ROTATE_CCW));
        back.setId("rollBackWave");
        back.textProperty().bind(Bindings.createStringBinding(() -> {
            RolloutJournal j = vm.journalProperty().get();
            return j == null || j.lastApplied().isEmpty() ? text.getString("rollout.rollBack")
                    : String.format(text.getString("rollout.rollBackWave"),
                    j.lastApplied().map(WaveRecord::number).orElse(0));
        }, vm.journalProperty()));
        back.setOnAction(e -> vm.rollBackWave());
        back.disableProperty().bind(vm.canRollBackProperty().not());

        Button stop = new Button(text.getString("rollout.stop"), new FontIcon(Feather.PAUSE));
        stop.setId("stopRollout");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.canStopProperty().not());
        for (Button b : new Button[] {next, back, stop}) {
            b.visibleProperty().bind(vm.journalProperty().isNotNull());
            b.managedProperty().bind(b.visibleProperty());
        }
        FlowPane row = new FlowPane(10, 8, start, next, back, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Label status() {
        Label status = new Label();
        status.setId("rolloutStatus");
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        vm.failedProperty().addListener((o, a, b) -> status.pseudoClassStateChanged(ERROR, b));
        return status;
    }
}
