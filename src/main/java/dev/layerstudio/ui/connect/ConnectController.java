package dev.layerstudio.ui.connect;

import dev.layerstudio.model.DeviceAuthorization;
import dev.layerstudio.ui.common.ConfirmDialog;
import dev.layerstudio.ui.shell.StepController;
import java.net.URI;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** Binds the Connect view to its view model; shows the device-code dialog when asked. */
public final class ConnectController implements StepController {

    private final ConnectViewModel vm;
    private final Consumer<URI> browser;
    private DeviceCodeDialog dialog;

    @FXML private TextField searchField;
    @FXML private TreeView<ConnectTarget> targetTree;
    @FXML private Button signInButton;
    @FXML private ComboBox<String> regionBox;
    @FXML private TextField endpointField;
    @FXML private Label endpointError;
    @FXML private Button connectButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Label identityAccount;
    @FXML private Label identityArn;
    @FXML private ResourceBundle resources;

    public ConnectController(ConnectViewModel vm, Consumer<URI> browser) {
        this.vm = vm;
        this.browser = browser;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        targetTree.setShowRoot(false);
        targetTree.setCellFactory(t -> new ConnectTargetCell(resources));
        targetTree.rootProperty().bind(Bindings.createObjectBinding(() -> itemOf(vm.rootProperty().get()),
                vm.rootProperty()));
        targetTree.rootProperty().addListener((o, a, root) -> {
            if (root != null) {
                root.addEventHandler(TreeItem.<ConnectTarget>branchExpandedEvent(), e -> {
                    if (e.getTreeItem().getValue() instanceof ConnectTarget.Account a2) {
                        vm.loadRoles(a2.session(), a2.account());
                    }
                });
                reselect(root);
            }
        });
        targetTree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && !item.getValue().equals(vm.selectedProperty().get())) {
                vm.selectedProperty().set(item.getValue());
            }
        });
        // a row the view model chooses itself (the first usable profile, or the sandbox) shows as chosen
        vm.selectedProperty().addListener((o, a, wanted) -> {
            TreeItem<ConnectTarget> shown = targetTree.getSelectionModel().getSelectedItem();
            if (wanted != null && targetTree.getRoot() != null && (shown == null || !wanted.equals(shown.getValue()))) {
                find(targetTree.getRoot(), wanted);
            }
        });
        signInButton.disableProperty().bind(vm.busyProperty()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> !(vm.selectedProperty().get() instanceof ConnectTarget.SsoSession),
                        vm.selectedProperty())));
        regionBox.setItems(vm.regions());
        regionBox.valueProperty().bindBidirectional(vm.regionProperty());
        endpointField.textProperty().bindBidirectional(vm.endpointProperty());
        endpointField.disableProperty().bind(vm.sandboxSelectedProperty());
        endpointError.textProperty().bind(vm.endpointErrorProperty());
        endpointError.managedProperty().bind(endpointError.textProperty().isNotEmpty());
        targetTree.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !connectButton.isDisabled()) {
                connect();
            }
        });
        targetTree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.sandboxSelectedProperty().get() && !connectButton.isDisabled()) {
                connect();
            }
        });
        connectButton.disableProperty().bind(vm.canConnectProperty().not());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        vm.identityProperty().addListener((o, a, id) -> {
            identityAccount.setText(id == null ? resources.getString("connect.notConnected") : id.accountId());
            identityArn.setText(id == null ? "" : id.arn());
        });
        identityAccount.setText(resources.getString("connect.notConnected"));
        vm.deviceCodeProperty().addListener((o, a, code) -> showDeviceCode(code));
        vm.load();
    }

    /** Keeps the chosen row chosen when the tree is rebuilt (search, accounts loaded). */
    /** The tree's items for the view model's rows. */
    private static TreeItem<ConnectTarget> itemOf(ConnectTree.Row row) {
        if (row == null) {
            return null;
        }
        TreeItem<ConnectTarget> item = new TreeItem<>(row.target());
        item.setExpanded(row.expanded());
        row.children().forEach(c -> item.getChildren().add(itemOf(c)));
        return item;
    }

    private void reselect(TreeItem<ConnectTarget> root) {
        ConnectTarget wanted = vm.selectedProperty().get();
        if (wanted == null) {
            return;
        }
        find(root, wanted);
    }

    private boolean find(TreeItem<ConnectTarget> item, ConnectTarget wanted) {
        if (wanted.equals(item.getValue())) {
            targetTree.getSelectionModel().select(item);
            return true;
        }
        for (TreeItem<ConnectTarget> c : item.getChildren()) {
            if (find(c, wanted)) {
                return true;
            }
        }
        return false;
    }

    private void showDeviceCode(DeviceAuthorization code) {
        if (code == null) {
            if (dialog != null) {
                dialog.close();
                dialog = null;
            }
            return;
        }
        URI url = code.verificationUriComplete() != null ? code.verificationUriComplete() : code.verificationUri();
        browser.accept(url);
        dialog = new DeviceCodeDialog(targetTree.getScene().getWindow(), resources, code, () -> browser.accept(url),
                vm::cancelSignIn);
        dialog.show();
    }

    @FXML
    private void signIn() {
        if (vm.selectedProperty().get() instanceof ConnectTarget.SsoSession s) {
            vm.signIn(s.info());
        }
    }

    @FXML
    private void connect() {
        if (!vm.changesOpen()) {
            vm.connect();
            return;
        }
        // another connection (region or account) drops the plan or rollout open on the Attach step
        ConfirmDialog.ask(connectButton.getScene().getWindow(), resources.getString("connect.confirm.title"),
                resources.getString("connect.confirm.header"), java.util.List.of(),
                resources.getString("connect.confirm.yes"), resources.getString("common.cancel"), vm::connect);
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return vm.validProperty();
    }
}
