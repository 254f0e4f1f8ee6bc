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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One finding: severity icon, the sentence, and its fix as a button that says what it saves. */
final class FindingRow extends HBox {

    FindingRow(ResourceBundle text, FindingFix.Item item, Consumer<FindingFix> onFix, ObservableBooleanValue busy) {
        super(10);
        Finding f = item.finding();
        setId("finding-" + f.code().name());
        getStyleClass().addAll("finding-row", "severity-" + f.severity().name().toLowerCase(Locale.ROOT));
        setAlignment(Pos.TOP_LEFT);
        FontIcon icon = new FontIcon(f.severity() == Severity.ERROR ? Feather.ALERT_OCTAGON
                : f.severity() == Severity.WARNING ? Feather.ALERT_TRIANGLE : Feather.INFO);
        icon.getStyleClass().add("finding-icon");
        Label message = new Label(f.message());
        message.setWrapText(true);
        message.getStyleClass().add("finding-message");
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setAccessibleText(f.severity() + ": " + f.message());
        VBox body = new VBox(6, message);
        body.setFillWidth(true);
        body.setMinWidth(0);
        if (item.fix() != null) {
            Button fix = new Button(fixLabel(text, item.fix()), new FontIcon(Feather.TOOL));
            fix.getStyleClass().addAll("small", "fix-button");
            fix.setId("fix-" + f.code().name());
            fix.disableProperty().bind(busy);
            fix.setOnAction(e -> onFix.accept(item.fix()));
            body.getChildren().add(fix);
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        getChildren().addAll(icon, body);
    }

    private static String fixLabel(ResourceBundle text, FindingFix fix) {
        if (fix instanceof FindingFix.Slim s) {
            return String.format(text.getString("inspect.fix.slim"), ByteSizes.human(s.savedBytes()));
        }
        FindingFix.MoveUnderPython m = (FindingFix.MoveUnderPython) fix;
        return String.format(text.getString("inspect.fix.move"), String.join(", ", m.paths()));
    }
}
