package dev.layerstudio.ui.project;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The start page: the unsaved work a window left (Restore or Discard), "New layer", "Open
 * project…" and the recent projects, most recent first (a missing file shown as missing, each
 * removable from the list). Shown over the wizard at launch and from the header.
 */
public final class StartPage {

    /** What the page's buttons do; the window decides (and asks about unsaved changes first). */
    public interface Actions {
        void newLayer();

        void openChosen();

        void open(Path file);

        void restore(ProjectRecovery.Recovered recovered);

        void discard(ProjectRecovery.Recovered recovered);

        /** Back to the wizard as it is (shown only when the page was opened from the header). */
        void close();
    }

    private final VBox page = new VBox(14);
    private final VBox recoveryBox = new VBox(6);
    private final Label recoveryText = new Label();
    private final Button backButton;
    private final Button newLayer;
    private final Button restore;
    private final ResourceBundle text;
    private ProjectRecovery.Recovered recovered;

    public StartPage(RecentListModel recent, ProjectViewModel project, ResourceBundle text, Actions actions) {
        this.text = text;
        Label title = new Label(text.getString("start.title"));
        title.getStyleClass().add("step-title");
        Label subtitle = new Label(text.getString("start.subtitle"));
        subtitle.getStyleClass().add("step-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);

        restore = button("restoreButton", "start.restore", Feather.ROTATE_CCW, () -> actions.restore(recovered));
        restore.getStyleClass().add("accent");
        Button discard = button("discardRecoveryButton", "start.discard", Feather.TRASH_2, () -> {
            actions.discard(recovered);
            showRecovery(null);
        });
        recoveryText.setId("recoveryText");
        recoveryText.setWrapText(true);
        recoveryText.setMinHeight(Region.USE_PREF_SIZE);
        recoveryBox.getChildren().setAll(recoveryText, new HBox(8, restore, discard));
        recoveryBox.getStyleClass().add("start-recovery");
        showRecovery(null);

        newLayer = button("newLayerButton", "start.newLayer", Feather.PLUS, actions::newLayer);
        newLayer.getStyleClass().add("accent");
        Button open = button("openProjectButton", "start.open", Feather.FOLDER, actions::openChosen);
        backButton = button("backToWizardButton", "start.back", Feather.ARROW_LEFT, actions::close);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, newLayer, open, gap, backButton);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label recentTitle = new Label(text.getString("start.recent"));
        recentTitle.getStyleClass().add("section-title");
        ListView<RecentProjects.Entry> list = new ListView<>(recent.entries());
        list.setId("recentProjects");
        list.getStyleClass().add("recent-projects");
        list.setPlaceholder(new Label(text.getString("start.recent.none")));
        list.setCellFactory(l -> new EntryCell(actions, recent));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label status = new Label();
        status.setId("startStatus");
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        status.textProperty().bind(project.statusProperty());
        status.visibleProperty().bind(project.busyProperty());

        page.getChildren().setAll(title, subtitle, recoveryBox, buttons, recentTitle, list, status);
        page.getStyleClass().addAll("step-page", "start-page");
        page.setPadding(new Insets(24, 32, 24, 32));
        page.setId("startPage");
    }

    /** The unsaved work to offer back, or {@code null} to hide the offer. */
    public void showRecovery(ProjectRecovery.Recovered r) {
        recovered = r;
        recoveryBox.setVisible(r != null);
        recoveryBox.setManaged(r != null);
        if (r != null) {
            String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .format(r.savedAt().atZone(ZoneId.systemDefault()));
            String name = r.project().layerName().isEmpty() ? text.getString("start.unnamed") : r.project().layerName();
            recoveryText.setText(String.format(text.getString(r.file() == null ? "start.recovery.new"
                    : "start.recovery.file"), name, when, r.file()));
        }
    }

    /** Puts the keyboard on the page's first action: Restore when unsaved work is offered, else New layer. */
    public void focusFirstAction() {
        (recoveryBox.isVisible() ? restore : newLayer).requestFocus();
    }

    /** Whether "back to the wizard" is offered (not at launch, where "New layer" is the way in). */
    public void offerBack(boolean offer) {
        backButton.setVisible(offer);
        backButton.setManaged(offer);
    }

    public Parent root() {
        return page;
    }

    private Button button(String id, String key, Feather icon, Runnable action) {
        Button b = new Button(text.getString(key), new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A recent project: its name (opens it), its folder, "missing" when it is gone, and Remove. */
    private final class EntryCell extends ListCell<RecentProjects.Entry> {
        private final Actions actions;
        private final RecentListModel recent;

        EntryCell(Actions actions, RecentListModel recent) {
            this.actions = actions;
            this.recent = recent;
        }

        @Override
        protected void updateItem(RecentProjects.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Button name = new Button(entry.name());
            name.getStyleClass().addAll("flat", "recent-name");
            name.setDisable(entry.missing());
            name.setOnAction(e -> actions.open(entry.file()));
            Label where = new Label(entry.file().getParent() == null ? "" : entry.file().getParent().toString());
            where.getStyleClass().add("recent-path");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(10, name, where, gap);
            row.setAlignment(Pos.CENTER_LEFT);
            if (entry.missing()) {
                Label missing = new Label(text.getString("start.recent.missing"));
                missing.getStyleClass().add("recent-missing");
                row.getChildren().add(missing);
            }
            Button remove = new Button(text.getString("start.recent.remove"), new FontIcon(Feather.X));
            remove.getStyleClass().add("flat");
            remove.setOnAction(e -> recent.remove(entry));
            row.getChildren().add(remove);
            setGraphic(row);
            setAccessibleText(entry.name() + (entry.missing() ? ", " + text.getString("start.recent.missing") : ""));
        }
    }
}
