package dev.layerstudio.ui.project;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window's project commands: the start page over the wizard, Open (Ctrl+O), Save (Ctrl+S),
 * Save As (Ctrl+Shift+S), and the question Save / Discard / Cancel before unsaved changes would
 * be lost (opening another project, a new layer, closing the window).
 */
public final class ProjectCommands {

    public static final String SAVE_ID = "saveChangesButton";
    public static final String DISCARD_ID = "discardChangesButton";
    public static final String CANCEL_ID = "cancelChangesButton";

    private final ProjectViewModel project;
    private final RecentListModel recent;
    private final ResourceBundle text;
    private final StartPage startPage;
    private final StackPane layers;
    private final Parent wizard;
    private final BorderPane root;
    private ProjectChooser chooser;
    private Supplier<Window> owner = () -> null;

    public ProjectCommands(ProjectViewModel project, RecentListModel recent, ResourceBundle text, Parent wizard) {
        this.project = project;
        this.recent = recent;
        this.text = text;
        this.chooser = ProjectChooser.platform(text);
        this.startPage = new StartPage(recent, project, text, new StartPage.Actions() {
            @Override
            public void newLayer() {
                askThen(() -> {
                    project.startNew();
                    hideStartPage();
                });
            }

            @Override
            public void openChosen() {
                openProject();
            }

            @Override
            public void open(Path file) {
                askThen(() -> project.open(file));
            }

            @Override
            public void restore(ProjectRecovery.Recovered recovered) {
                project.restore(recovered);
                forgetRecoveryOffer();
            }

            @Override
            public void discard(ProjectRecovery.Recovered recovered) {
                project.discardRecovery();
            }

            @Override
            public void close() {
                hideStartPage();
            }
        });
        layers = new StackPane(wizard, startPage.root());
        // the wizard under the start page is out of reach: Tab, mnemonics and the focus stay on the page shown
        wizard.visibleProperty().bind(startPage.root().visibleProperty().not());
        wizard.disableProperty().bind(startPage.root().visibleProperty());
        this.wizard = wizard;
        root = new BorderPane(layers);
        root.setTop(noticeBar());
        hideStartPage();
        // an opened or restored project is shown in the wizard
        project.openedProperty().addListener((o, a, b) -> hideStartPage());
    }

    /** The wizard with the start page over it. */
    public Parent root() {
        return root;
    }

    /** What the opened file had that the window did not take, or why an open or save failed; dismissable. */
    private HBox noticeBar() {
        Label notice = new Label();
        notice.setId("projectNotice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(project.noticeProperty());
        HBox.setHgrow(notice, Priority.ALWAYS);
        Button dismiss = new Button(text.getString("project.notice.dismiss"));
        dismiss.setId("dismissProjectNotice");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(e -> project.dismissNotice());
        HBox bar = new HBox(10, new FontIcon(Feather.INFO), notice, dismiss);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("project-notice");
        bar.visibleProperty().bind(project.noticeProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** Binds the accelerators and the title, and asks before the window closes with unsaved changes. */
    public void attach(Scene scene) {
        owner = scene::getWindow;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openProject);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::saveAs);
    }

    /** The title follows the project; closing asks first when there are unsaved changes. */
    public void attach(Stage stage) {
        stage.titleProperty().bind(project.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (project.dirtyProperty().get()) {
                e.consume();
                askThen(() -> {
                    project.closed();
                    stage.close();
                });
            } else {
                project.closed();
            }
        });
    }

    /** The start page, with the unsaved work a window left when there is some. */
    public void showStartPage(boolean atLaunch) {
        recent.refresh();
        startPage.offerBack(!atLaunch);
        startPage.root().setVisible(true);
        startPage.focusFirstAction();
        if (atLaunch) {
            project.findRecovery(r -> {
                startPage.showRecovery(r);
                if (startPageShown()) {
                    startPage.focusFirstAction();
                }
            });
        }
    }

    private void forgetRecoveryOffer() {
        startPage.showRecovery(null);
    }

    public void hideStartPage() {
        boolean wasShown = startPage.root().isVisible();
        startPage.root().setVisible(false);
        if (wasShown) {
            wizard.requestFocus(); // the keyboard goes on from the top of the wizard, not from a hidden button
        }
    }

    public boolean startPageShown() {
        return startPage.root().isVisible();
    }

    /** Asks for a project file, then opens it (asking first about unsaved changes). */
    public void openProject() {
        askThen(() -> chooser.open(owner.get()).ifPresent(project::open));
    }

    /** Saves to the project's file, or asks where when it has none. */
    public void save() {
        save(null);
    }

    public void saveAs() {
        saveAs(null);
    }

    private void save(Runnable then) {
        if (project.hasFile()) {
            project.save(then);
        } else {
            saveAs(then);
        }
    }

    private void saveAs(Runnable then) {
        chooser.save(owner.get(), project.fileProperty().get()).ifPresent(f -> project.saveAs(f, then));
    }

    /** The dialogs that choose project files and folders. */
    public ProjectChooser chooser() {
        return chooser;
    }

    /** Tests choose files without the platform's dialogs. */
    public void useChooser(ProjectChooser value) {
        chooser = value;
    }

    /**
     * Runs {@code action} now when nothing is unsaved; otherwise asks Save / Discard / Cancel:
     * Save runs it once the project is written, Discard at once, Cancel not at all.
     */
    public void askThen(Runnable action) {
        if (!project.dirtyProperty().get()) {
            action.run();
            return;
        }
        ButtonType save = new ButtonType(text.getString("project.ask.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(text.getString("project.ask.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(text.getString("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            dialog.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(text.getString("project.ask.title"));
        dialog.setHeaderText(project.fileProperty().get() == null ? text.getString("project.ask.headerNew")
                : String.format(text.getString("project.ask.header"), project.fileProperty().get().getFileName()));
        dialog.getDialogPane().getButtonTypes().setAll(save, discard, cancel);
        ((Button) dialog.getDialogPane().lookupButton(save)).setId(SAVE_ID);
        ((Button) dialog.getDialogPane().lookupButton(discard)).setId(DISCARD_ID);
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setId(CANCEL_ID);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == save) {
                save(action);
            } else if (dialog.getResult() == discard) {
                project.discardRecovery();
                action.run();
            }
        });
        dialog.show();
    }
}
