package dev.layerstudio.ui.probe;

import dev.layerstudio.model.ProbeModule;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "Test in Lambda" card: what the test creates and costs (until the first run), the
 * execution role, Test and Cancel, and the answer — the runtime as the probe saw it and a
 * row per module, a failed one with the runtime's error. Binds a {@link LambdaTestViewModel}.
 */
public final class LambdaTestPane extends VBox {

    public LambdaTestPane(LambdaTestViewModel vm, ResourceBundle text) {
        super(6);
        setId("lambdaTestPane");
        getStyleClass().add("lambda-test");

        Label notice = wrapped("lambdaTestNotice", "probe-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.ranOnceProperty().not());
        notice.managedProperty().bind(notice.visibleProperty());

        ComboBox<String> role = new ComboBox<>(vm.roles());
        role.setId("lambdaTestRole");
        role.setEditable(true);
        role.setMaxWidth(Double.MAX_VALUE);
        role.setPromptText(text.getString("probe.role.prompt"));
        role.setTooltip(new Tooltip(text.getString("probe.role.tooltip")));
        role.getEditor().textProperty().bindBidirectional(vm.roleArnProperty());
        role.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                vm.roleArnProperty().set(chosen);
            }
        });
        role.disableProperty().bind(vm.busyProperty());
        CheckBox keep = new CheckBox(text.getString("probe.keepRole"));
        keep.setId("lambdaTestKeepRole");
        keep.selectedProperty().bindBidirectional(vm.keepRoleProperty());
        keep.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> !vm.roleArnProperty().get().isBlank(), vm.roleArnProperty())));

        Label status = wrapped("lambdaTestStatus", "status-line");
        status.textProperty().bind(vm.statusProperty());
        Label environment = wrapped("lambdaTestEnvironment", "probe-environment");
        environment.textProperty().bind(vm.environmentProperty());
        environment.visibleProperty().bind(vm.environmentProperty().isNotEmpty());
        environment.managedProperty().bind(environment.visibleProperty());

        ListView<ProbeModule> modules = new ListView<>(vm.modules());
        modules.setId("lambdaTestModules");
        modules.getStyleClass().add("probe-modules");
        modules.setPrefHeight(200);
        modules.setMinHeight(120);
        VBox.setVgrow(modules, Priority.ALWAYS);
        modules.setCellFactory(l -> new ModuleCell());
        modules.visibleProperty().bind(Bindings.isNotEmpty(vm.modules()));
        modules.managedProperty().bind(modules.visibleProperty());

        Button test = new Button(text.getString("probe.run"), new FontIcon(Feather.PLAY));
        test.setId("lambdaTestButton");
        test.getStyleClass().add("accent");
        test.setMnemonicParsing(true);
        test.setMinWidth(Region.USE_PREF_SIZE);
        test.disableProperty().bind(vm.canRunProperty().not());
        test.setOnAction(e -> vm.run());
        Button cancel = new Button(text.getString("probe.cancel"));
        cancel.setId("lambdaTestCancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, keep, gap, cancel, test);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(notice, role, actions, status, environment, modules);
    }

    private static Label wrapped(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add(style);
        return l;
    }

    /** A module: a tick or a cross, its name and import time; the runtime's error under a failed one. */
    private static final class ModuleCell extends ListCell<ProbeModule> {
        @Override
        protected void updateItem(ProbeModule m, boolean empty) {
            super.updateItem(m, empty);
            getStyleClass().removeAll("probe-ok", "probe-failed");
            if (empty || m == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            getStyleClass().add(m.ok() ? "probe-ok" : "probe-failed");
            FontIcon icon = new FontIcon(m.ok() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE);
            icon.getStyleClass().add(m.ok() ? "probe-icon-ok" : "probe-icon-failed");
            Label name = new Label(m.name());
            name.getStyleClass().add("probe-module");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label time = new Label(m.seconds() == null ? "" : String.format(Locale.ROOT, "%.3f s", m.seconds()));
            time.getStyleClass().add("probe-time");
            HBox line = new HBox(6, icon, name, gap, time);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, line);
            if (!m.ok()) {
                Label error = new Label(m.error());
                error.setWrapText(true);
                error.setMinHeight(Region.USE_PREF_SIZE);
                error.getStyleClass().add("probe-error");
                error.maxWidthProperty().bind(widthProperty().subtract(24));
                box.getChildren().add(error);
            }
            setText(null);
            setGraphic(box);
            setAccessibleText(m.name() + (m.ok() ? ", imported" : ", failed: " + m.error()));
        }
    }
}
