package dev.layerstudio.ui.inspect;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.Severity;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One finding: severity icon, the sentence, and its fix as a button that says what it saves. */
final class FindingCell extends ListCell<FindingFix.Item> {

    private final ResourceBundle text;
    private final Consumer<FindingFix> onFix;
    private final ObservableBooleanValue busy;

    FindingCell(ResourceBundle text, Consumer<FindingFix> onFix, ObservableBooleanValue busy) {
        this.text = text;
        this.onFix = onFix;
        this.busy = busy;
        getStyleClass().add("finding-cell");
    }

    @Override
    protected void updateItem(FindingFix.Item item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("severity-error", "severity-warning", "severity-info");
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Finding f = item.finding();
        getStyleClass().add("severity-" + f.severity().name().toLowerCase(Locale.ROOT));
        FontIcon icon = new FontIcon(f.severity() == Severity.ERROR ? Feather.ALERT_OCTAGON
                : f.severity() == Severity.WARNING ? Feather.ALERT_TRIANGLE : Feather.INFO);
        icon.getStyleClass().add("finding-icon");
        Label message = new Label(f.message());
        message.setWrapText(true);
        message.getStyleClass().add("finding-message");
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox body = new VBox(6, message);
        body.setFillWidth(true);
        if (item.fix() != null) {
            Button fix = new Button(fixLabel(item.fix()), new FontIcon(Feather.TOOL));
            fix.getStyleClass().addAll("small", "fix-button");
            fix.setId("fix-" + f.code().name());
            fix.disableProperty().bind(busy);
            fix.setOnAction(e -> onFix.accept(item.fix()));
            body.getChildren().add(fix);
        }
        HBox row = new HBox(10, icon, body);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(body, Priority.ALWAYS);
        body.maxWidthProperty().bind(widthProperty().subtract(48));
        setText(null);
        setGraphic(row);
        setAccessibleText(f.severity() + ": " + f.message());
    }

    private String fixLabel(FindingFix fix) {
        if (fix instanceof FindingFix.Slim s) {
            return String.format(text.getString("inspect.fix.slim"), ByteSizes.human(s.savedBytes()));
        }
        FindingFix.MoveUnderPython m = (FindingFix.MoveUnderPython) fix;
        return String.format(text.getString("inspect.fix.move"), String.join(", ", m.paths()));
    }
}
