package dev.layerstudio.ui.layer;

import dev.layerstudio.model.LayerVersionInfo;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * What the row menus, their keys and the version card's buttons do, forwarded to the view
 * models: one place, so a menu item, its key and its button always do the same thing.
 */
final class LayerPageActions implements LayerRowMenu.Actions {

    private final LayerViewModel layer;
    private final LayerActions actions;
    private final ResourceBundle text;
    private final Consumer<String> clipboard;
    private final Consumer<LayerVersionInfo> showPermissions;

    /**
     * @param clipboard       puts a text on the clipboard
     * @param showPermissions shows the permissions of a version (after its view model opened it)
     */
    LayerPageActions(LayerViewModel layer, LayerActions actions, ResourceBundle text, Consumer<String> clipboard,
                     Consumer<LayerVersionInfo> showPermissions) {
        this.layer = layer;
        this.actions = actions;
        this.text = text;
        this.clipboard = clipboard;
        this.showPermissions = showPermissions;
    }

    @Override
    public void copyArn(LayerRow row) {
        String arn = VersionActionsViewModel.arnOf(row);
        if (arn != null) {
            clipboard.accept(arn);
            actions.versions().copied(arn);
        }
    }

    @Override
    public void inspect(LayerRow row) {
        if (row != null) {
            actions.versions().inspect(row.version());
        }
    }

    @Override
    public String whyNotUse(LayerRow row) {
        var session = layer.state().sessionProperty().get();
        if (row == null || session == null || row.layer().region().equals(session.region())) {
            return null;
        }
        return String.format(text.getString("layer.menu.otherRegion"), row.layer().region(), session.region());
    }

    @Override
    public void use(LayerRow row) {
        if (row != null && whyNotUse(row) == null) {
            layer.select(row);
        }
    }

    @Override
    public void permissions(LayerRow row) {
        if (row != null && row.version() != null) {
            actions.permissions().open(row.version());
            showPermissions.accept(row.version());
        }
    }

    @Override
    public void delete(LayerRow row) {
        if (row != null) {
            actions.versions().delete(row.version());
        }
    }
}
