package dev.layerstudio.ui.shell;

import dev.layerstudio.model.Identity;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.common.ConfirmDialog;
import javafx.beans.property.ObjectProperty;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.StepState;
import dev.layerstudio.ui.wizard.WizardState;
import dev.layerstudio.ui.wizard.WizardViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window: step list on the left, the current step's page, Back and Next. */
public final class MainWindowController {

    private final WizardViewModel wizard;
    private final WizardState state;
    private final ObjectProperty<Theme> theme;
    private final Function<Step, ViewLoader.View<? extends StepController>> pages;
    private final SandboxBanner sandbox;
    private final RecoveryBanner recovery;
    /** Below this width the window is "narrow": a slimmer step list and page padding. */
    static final double NARROW = 1200;
    /** Below this width the step list is "compact": the steps' numbers only (names in tooltips), the page gets the room. */
    static final double COMPACT = 1100;

    private final javafx.beans.property.BooleanProperty compact = new javafx.beans.property.SimpleBooleanProperty();

    private final Map<Step, ViewLoader.View<? extends StepController>> loaded = new EnumMap<>(Step.class);

    @FXML private ListView<Step> stepList;
    @FXML private StackPane pageHolder;
    @FXML private ScrollPane pageScroll;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Label nextHint;
    @FXML private Label identityLabel;
    @FXML private Label stepCounter;
    @FXML private Label stepsTitle;
    @FXML private Button themeButton;
    @FXML private Parent root;
    @FXML private HBox sandboxBanner;
    @FXML private Label sandboxDetail;
    @FXML private Label sandboxStatus;
    @FXML private Button resetSandboxButton;
    @FXML private HBox recoveryBanner;
    @FXML private Label recoveryTitle;
    @FXML private Label recoveryDetail;
    @FXML private Label recoveryStatus;
    @FXML private Button finishButton;
    @FXML private Button undoButton;
    @FXML private ResourceBundle resources;

    public MainWindowController(WizardViewModel wizard, WizardState state, ObjectProperty<Theme> theme,
                                Function<Step, ViewLoader.View<? extends StepController>> pages,
                                SandboxBanner sandbox, RecoveryBanner recovery) {
        this.wizard = wizard;
        this.state = state;
        this.theme = theme;
        this.pages = pages;
        this.sandbox = sandbox;
        this.recovery = recovery;
    }

    @FXML
    private void initialize() {
        stepList.getItems().setAll(wizard.steps());
        stepList.setCellFactory(list -> new StepCell());
        stepList.getSelectionModel().select(wizard.current());
        stepList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != wizard.current()) {
                if (wizard.canOpen(now)) {
                    wizard.open(now);
                } else {
                    stepList.getSelectionModel().select(wizard.current());
                }
            }
        });
        InvalidationListener refresh = o -> stepList.refresh();
        for (var dep : wizard.stateDependencies()) {
            dep.addListener(refresh);
        }
        backButton.disableProperty().bind(wizard.canGoBackProperty().not());
        // on the last step Next is Finish: available once that step is valid
        Step last = wizard.steps().get(wizard.steps().size() - 1);
        var canFinish = wizard.currentProperty().isEqualTo(last).and(wizard.validProperty(last));
        nextButton.disableProperty().bind(wizard.canGoNextProperty().or(canFinish).not());
        nextHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                        nextButton.isDisabled() ? nextHint(wizard.current()) : "",
                nextButton.disabledProperty(), wizard.currentProperty()));
        nextHint.visibleProperty().bind(nextHint.textProperty().isNotEmpty());
        Tooltip hintTip = new Tooltip();
        hintTip.textProperty().bind(nextHint.textProperty());
        nextHint.setTooltip(hintTip);
        bindLayout();
        state.restartsProperty().addListener((o, a, b) -> wizard.open(Step.LAYER));
        wizard.currentProperty().addListener((obs, old, now) -> show(now));
        state.identityProperty().addListener((obs, old, now) -> showIdentity(now));
        showIdentity(state.identityProperty().get());
        theme.addListener((o, a, b) -> showThemeIcon());
        showThemeIcon();
        bindSandboxBanner();
        bindRecoveryBanner();
        // Load every page now so each step's validity is bound from the start.
        for (Step s : wizard.steps()) {
            page(s);
        }
        show(wizard.current());
    }

    private ViewLoader.View<? extends StepController> page(Step step) {
        return loaded.computeIfAbsent(step, s -> {
            ViewLoader.View<? extends StepController> view = pages.apply(s);
            wizard.bindValidity(s, view.controller().validProperty());
            return view;
        });
    }

    private void show(Step step) {
        ViewLoader.View<? extends StepController> view = page(step);
        Parent root = view.root();
        pageHolder.getChildren().setAll(root);
        pageScroll.setVvalue(0);
        pageScroll.setHvalue(0);
        stepList.getSelectionModel().select(step);
        stepCounter.setText(String.format(resources.getString("shell.stepOf"), step.ordinal() + 1,
                wizard.steps().size()));
        boolean last = step.ordinal() == wizard.steps().size() - 1;
        nextButton.setText(resources.getString(last ? "shell.finish" : "shell.next"));
        nextButton.setTooltip(new Tooltip(resources.getString(last ? "shell.finish.tip" : "shell.next.tip")));
        view.controller().onShow();
    }

    /**
     * Narrow windows get a slimmer step list (the {@code :narrow} pseudo-class); Alt+Left and
     * Alt+Right go back and on from anywhere in the window, as the mnemonics do.
     */
    private void bindLayout() {
        javafx.css.PseudoClass narrow = javafx.css.PseudoClass.getPseudoClass("narrow");
        javafx.css.PseudoClass compactClass = javafx.css.PseudoClass.getPseudoClass("compact");
        root.layoutBoundsProperty().addListener((o, a, b) -> {
            double w = b.getWidth();
            compact.set(w > 0 && w < COMPACT);
            root.pseudoClassStateChanged(compactClass, compact.get());
            root.pseudoClassStateChanged(narrow, w > 0 && w < NARROW && !compact.get());
        });
        compact.addListener((o, was, now) -> stepList.refresh());
        stepsTitle.visibleProperty().bind(compact.not());
        stepsTitle.managedProperty().bind(compact.not());
        backButton.setTooltip(new Tooltip(resources.getString("shell.back.tip")));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), () -> {
                    if (!nextButton.isDisabled()) {
                        next();
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), () -> {
                    if (!backButton.isDisabled()) {
                        back();
                    }
                });
            }
        });
    }

    private void showIdentity(Identity identity) {
        identityLabel.setText(identity == null ? resources.getString("shell.notConnected")
                : identity.accountId() + " · " + identity.arn().replaceFirst("^arn:[^:]+:[^:]+::\\d+:", ""));
        dev.layerstudio.ui.common.TextCells.tooltip(identityLabel, identity == null ? null
                : identityLabel.getText() + "\n" + identity.arn());
        identityLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("connected"),
                identity != null);
    }

    /** The banner, and the sandbox's own accent on the whole window, while the session is the sandbox's. */
    private void bindSandboxBanner() {
        sandboxBanner.visibleProperty().bind(sandbox.shownProperty());
        sandboxBanner.managedProperty().bind(sandbox.shownProperty());
        sandboxDetail.textProperty().bind(sandbox.detailProperty());
        sandboxStatus.textProperty().bind(sandbox.statusProperty());
        resetSandboxButton.disableProperty().bind(sandbox.busyProperty());
        sandbox.shownProperty().addListener((o, was, is) -> showSandboxAccent(is));
        showSandboxAccent(sandbox.shownProperty().get());
    }

    /** The offer to finish or undo a change to functions that did not finish. */
    private void bindRecoveryBanner() {
        recoveryBanner.visibleProperty().bind(recovery.shownProperty());
        recoveryBanner.managedProperty().bind(recovery.shownProperty());
        recoveryTitle.textProperty().bind(recovery.titleProperty());
        recoveryDetail.textProperty().bind(recovery.detailProperty());
        recoveryStatus.textProperty().bind(recovery.statusProperty());
        var cannotSettle = recovery.busyProperty().or(recovery.journalProperty().isNull());
        finishButton.disableProperty().bind(cannotSettle);
        undoButton.disableProperty().bind(cannotSettle);
        recovery.confirmationProperty().addListener((o, was, question) -> {
            if (question != null) {
                recovery.confirmationProperty().set(null);
                ConfirmDialog.ask(root.getScene().getWindow(), question, resources.getString("common.cancel"));
            }
        });
    }

    /** Why Next (Finish on the last step) is not available yet. */
    private String nextHint(Step step) {
        return resources.getString(switch (step) {
            case CONNECT -> "shell.nextHint.connect";
            case LAYER -> "shell.nextHint.layer";
            case CONTENTS -> "shell.nextHint.contents";
            case INSPECT -> "shell.nextHint.inspect";
            case PUBLISH -> "shell.nextHint.publish";
            case ATTACH -> "shell.nextHint.attach";
        });
    }

    @FXML
    private void finishChange() {
        recovery.finish();
    }

    @FXML
    private void undoChange() {
        recovery.undo();
    }

    @FXML
    private void laterChange() {
        recovery.later();
    }

    private void showSandboxAccent(boolean on) {
        root.getStyleClass().remove("sandbox");
        if (on) {
            root.getStyleClass().add("sandbox");
        }
    }

    /** Reset empties the sandbox (layers, functions, changes made in it): asked first. */
    @FXML
    private void resetSandbox() {
        ConfirmDialog.ask(root.getScene().getWindow(), resources.getString("sandbox.confirm.title"),
                resources.getString(state.changesOpen() ? "sandbox.confirm.headerOpen" : "sandbox.confirm.header"),
                java.util.List.of(), resources.getString("sandbox.confirm.yes"), resources.getString("common.cancel"),
                sandbox::reset);
    }

    private void showThemeIcon() {
        boolean dark = theme.get() == Theme.DARK;
        themeButton.setGraphic(new FontIcon(dark ? Feather.SUN : Feather.MOON));
        themeButton.setTooltip(new javafx.scene.control.Tooltip(resources.getString(dark
                ? "shell.theme.light" : "shell.theme.dark")));
    }

    @FXML
    private void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    @FXML
    private void next() {
        if (wizard.current().ordinal() == wizard.steps().size() - 1) {
            page(wizard.current()).controller().onFinish();
        } else {
            wizard.next();
        }
    }

    @FXML
    private void back() {
        wizard.back();
    }

    private final class StepCell extends ListCell<Step> {
        StepCell() {
            setPrefWidth(0); // as wide as the list: the hint wraps instead of being cut at the edge
        }

        @Override
        protected void updateItem(Step step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().removeAll("step-done", "step-current", "step-open", "step-locked");
            if (empty || step == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            StepState s = wizard.stateOf(step);
            getStyleClass().add("step-" + s.name().toLowerCase(java.util.Locale.ROOT));
            Label number = new Label(s == StepState.DONE ? "" : String.valueOf(step.ordinal() + 1));
            number.getStyleClass().add("step-number");
            if (s == StepState.DONE) {
                number.setGraphic(new FontIcon(Feather.CHECK));
            }
            Label title = new Label(resources.getString("step." + step.key()));
            title.getStyleClass().add("step-name");
            Label hint = new Label(resources.getString("step." + step.key() + ".hint"));
            hint.getStyleClass().add("step-hint");
            hint.setWrapText(true);
            hint.setMinHeight(Region.USE_PREF_SIZE);
            VBox text = new VBox(2, title, hint);
            text.visibleProperty().bind(compact.not());
            text.managedProperty().bind(compact.not());
            HBox box = new HBox(10, number, text);
            box.getStyleClass().add("step-cell");
            setText(null);
            setGraphic(box);
            setDisable(s == StepState.LOCKED);
            String state = resources.getString(switch (s) {
                case DONE -> "shell.stepState.done";
                case CURRENT -> "shell.stepState.current";
                case OPEN -> "shell.stepState.open";
                case LOCKED -> "shell.stepState.locked";
            });
            setAccessibleText(String.format(resources.getString("shell.stepAccessible"), step.ordinal() + 1,
                    title.getText(), hint.getText(), state));
            dev.layerstudio.ui.common.TextCells.tooltip(this, title.getText() + ": " + hint.getText() + " (" + state + ")");
        }
    }
}
