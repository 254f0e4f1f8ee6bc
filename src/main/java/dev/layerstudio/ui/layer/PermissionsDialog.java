package dev.layerstudio.ui.layer;

import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.ShareTarget;
import dev.layerstudio.ui.common.ConfirmDialog;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Who a layer version is shared with: the grants (Revoke, or Delete on the list), and a row
 * to share with an account, an organization or everyone. Binds a {@link PermissionsViewModel};
 * its questions are shown with {@link ConfirmDialog}.
 */
final class PermissionsDialog {

    private final Dialog<Void> dialog = new Dialog<>();

    PermissionsDialog(Window owner, PermissionsViewModel vm, ResourceBundle text) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(text.getString("layer.permissions.title"));
        dialog.headerTextProperty().bind(Bindings.createStringBinding(() -> vm.versionProperty().get() == null ? ""
                : String.format(text.getString("layer.permissions.header"), vm.label(vm.versionProperty().get())),
                vm.versionProperty()));

        Label listTitle = new Label(text.getString("layer.permissions.list"));
        listTitle.getStyleClass().add("section-title");
        ListView<LayerPermission> grants = new ListView<>(vm.grants());
        grants.setId("grantList");
        grants.setAccessibleText(text.getString("layer.permissions.list.accessible"));
        grants.setPrefHeight(150);
        grants.setPlaceholder(new Label(text.getString("layer.permissions.empty")));
        grants.setCellFactory(l -> new GrantCell(vm, text));
        listTitle.setLabelFor(grants);
        Button revoke = new Button(text.getString("layer.permissions.revoke"), new FontIcon(Feather.X_CIRCLE));
        revoke.setId("revokeGrant");
        revoke.disableProperty().bind(grants.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        revoke.setOnAction(e -> vm.revoke(grants.getSelectionModel().getSelectedItem()));
        grants.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !revoke.isDisabled()) {
                vm.revoke(grants.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });

        Label shareTitle = new Label(text.getString("layer.permissions.share"));
        shareTitle.getStyleClass().add("section-title");
        ChoiceBox<ShareTarget.Kind> kind = new ChoiceBox<>();
        kind.setId("shareKind");
        kind.getItems().setAll(ShareTarget.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ShareTarget.Kind k) {
                return k == null ? "" : text.getString(switch (k) {
                    case ACCOUNT -> "layer.permissions.kind.account";
                    case ORGANIZATION -> "layer.permissions.kind.organization";
                    case EVERYONE -> "layer.permissions.kind.everyone";
                });
            }

            @Override
            public ShareTarget.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setAccessibleText(text.getString("layer.permissions.kind.accessible"));
        TextField id = new TextField();
        id.setId("shareId");
        id.textProperty().bindBidirectional(vm.idProperty());
        id.disableProperty().bind(vm.needsIdProperty().not());
        id.promptTextProperty().bind(Bindings.createStringBinding(() -> text.getString(
                vm.kindProperty().get() == ShareTarget.Kind.ORGANIZATION ? "layer.permissions.prompt.organization"
                        : vm.kindProperty().get() == ShareTarget.Kind.ACCOUNT ? "layer.permissions.prompt.account"
                        : "layer.permissions.prompt.everyone"), vm.kindProperty()));
        id.setAccessibleText(text.getString("layer.permissions.id.accessible"));
        id.setPrefColumnCount(18);
        HBox.setHgrow(id, Priority.ALWAYS);
        Button share = new Button(text.getString("layer.permissions.shareButton"), new FontIcon(Feather.SHARE_2));
        share.setId("shareButton");
        share.getStyleClass().add("accent");
        share.disableProperty().bind(vm.busyProperty());
        share.setOnAction(e -> vm.share());
        share.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        id.setOnAction(e -> vm.share());
        HBox shareRow = new HBox(8, kind, id, share);
        shareRow.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.setId("permissionsStatus");
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(vm.statusProperty());
        vm.failedProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(ERROR, now));
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox statusRow = new HBox(8, busy, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(text.getString("layer.permissions.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("target-detail");
        VBox content = new VBox(8, listTitle, grants, revoke, shareTitle, shareRow, hint, statusRow);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("permissionsDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().stream()
                    .filter(c -> c.startsWith("theme-")).toList());
        }
        vm.confirmationProperty().addListener((o, was, question) -> {
            if (question != null) {
                vm.confirmationProperty().set(null);
                ConfirmDialog.ask(dialog.getDialogPane().getScene().getWindow(), question,
                        text.getString("common.cancel"));
            }
        });
        dialog.setOnShown(e -> (vm.grants().isEmpty() ? id : grants).requestFocus());
    }

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    void show() {
        dialog.show();
    }

    /** A grant: who, and its statement id (what revoking removes). */
    private static final class GrantCell extends ListCell<LayerPermission> {
        private final PermissionsViewModel vm;
        private final ResourceBundle text;

        GrantCell(PermissionsViewModel vm, ResourceBundle text) {
            this.vm = vm;
            this.text = text;
        }

        @Override
        protected void updateItem(LayerPermission grant, boolean empty) {
            super.updateItem(grant, empty);
            if (empty || grant == null) {
                setText(null);
                setAccessibleText(null);
                return;
            }
            String line = String.format(text.getString("layer.permissions.grant"), vm.describe(grant),
                    grant.statementId());
            setText(line);
            setAccessibleText(line);
        }
    }
}
