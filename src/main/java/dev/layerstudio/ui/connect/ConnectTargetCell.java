package dev.layerstudio.ui.connect;

import java.util.ResourceBundle;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A row of the connect tree: icon, name, and a quieter line of detail. */
final class ConnectTargetCell extends TreeCell<ConnectTarget> {

    private final ResourceBundle text;

    ConnectTargetCell(ResourceBundle text) {
        this.text = text;
    }

    @Override
    protected void updateItem(ConnectTarget item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("target-group", "target-problem", "target-sandbox");
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        if (item instanceof ConnectTarget.Group g) {
            setText(g.label());
            setGraphic(null);
            getStyleClass().add("target-group");
            return;
        }
        Label name = new Label(item.label());
        name.getStyleClass().add("target-name");
        String detailText = item.detail();
        if (item instanceof ConnectTarget.SsoSession s) {
            detailText = (s.signedIn() ? text.getString("connect.sso.signedIn") : text.getString("connect.sso.signedOut"))
                    + " · " + detailText;
        }
        Label detail = new Label(detailText);
        detail.getStyleClass().add("target-detail");
        detail.setWrapText(true);
        if (getTreeView() != null) {
            detail.maxWidthProperty().bind(getTreeView().widthProperty().subtract(90 + 18 * getTreeView().getTreeItemLevel(getTreeItem())));
        }
        VBox lines = new VBox(1, name, detail);
        HBox box = new HBox(8, new FontIcon(icon(item)), lines);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (item instanceof ConnectTarget.Profile p && p.info().problem() != null) {
            getStyleClass().add("target-problem");
        }
        if (item instanceof ConnectTarget.Sandbox) {
            getStyleClass().add("target-sandbox");
        }
        setText(null);
        setGraphic(box);
        setAccessibleText(item.label() + ", " + detailText);
    }

    private static Feather icon(ConnectTarget t) {
        if (t instanceof ConnectTarget.Sandbox) {
            return Feather.BOX;
        }
        if (t instanceof ConnectTarget.Profile) {
            return Feather.USER;
        }
        if (t instanceof ConnectTarget.SsoSession) {
            return Feather.LOG_IN;
        }
        if (t instanceof ConnectTarget.Account) {
            return Feather.BRIEFCASE;
        }
        return Feather.KEY;
    }
}
