package dev.layerstudio.ui;

import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.ui.attach.AttachController;
import dev.layerstudio.ui.attach.AttachViewModel;
import dev.layerstudio.ui.connect.ConnectController;
import dev.layerstudio.ui.contents.ContentsController;
import dev.layerstudio.ui.contents.ContentsViewModel;
import dev.layerstudio.ui.layer.LayerController;
import dev.layerstudio.ui.layer.LayerViewModel;
import dev.layerstudio.ui.connect.ConnectViewModel;
import dev.layerstudio.ui.inspect.InspectController;
import dev.layerstudio.ui.inspect.InspectViewModel;
import dev.layerstudio.ui.publish.PublishController;
import dev.layerstudio.ui.publish.PublishViewModel;
import dev.layerstudio.ui.shell.ControllerFactory;
import dev.layerstudio.ui.shell.MainWindowController;
import dev.layerstudio.ui.shell.ProbeLeftoverSweep;
import dev.layerstudio.ui.shell.RecoveryBanner;
import dev.layerstudio.ui.shell.SandboxBanner;
import dev.layerstudio.ui.shell.StepController;
import dev.layerstudio.ui.shell.ViewLoader;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import dev.layerstudio.ui.wizard.WizardViewModel;
import dev.layerstudio.aws.InventoryCache;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.ui.inventory.InventoryPage;
import dev.layerstudio.ui.inventory.InventoryViewModel;
import java.time.Clock;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;

/** Puts the window together: state, view models, controllers, views and the theme. */
public final class MainWindow {

    /** The window's size when the screen has room: fits a 1366×768 laptop screen with its taskbar. */
    public static final double WIDTH = 1240;
    public static final double HEIGHT = 680;
    /** What the window's frame (title bar, borders) takes around the scene, roughly. */
    private static final double FRAME_WIDTH = 16;
    private static final double FRAME_HEIGHT = 40;

    private final WizardState state;
    private final WizardViewModel wizard = new WizardViewModel();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final Scene scene;
    private InventoryPage inventory;

    public MainWindow(AppServices services, Theme initialTheme) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        ControllerFactory factory = new ControllerFactory();
        ViewLoader loader = new ViewLoader(factory, bundle);
        state = new WizardState(services.executor()::execute);

        registerSteps(factory, services, bundle);
        SandboxBanner sandbox = new SandboxBanner(state, services.sandbox(), services.executor(), bundle);
        RecoveryBanner recovery = new RecoveryBanner(state, services.journals(), services.functions(),
                services.executor(), bundle);
        new ProbeLeftoverSweep(state, ProbeJournals.beside(services.journals()), services.executor(), bundle, recovery);
        factory.register(MainWindowController.class, () -> new MainWindowController(wizard, state, theme,
                step -> loadStep(loader, step), sandbox, recovery));

        Parent root = loader.<MainWindowController>load("/dev/layerstudio/ui/shell/main-window.fxml").root();
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, defaultSize(WIDTH, screen.getWidth() - FRAME_WIDTH),
                defaultSize(HEIGHT, screen.getHeight() - FRAME_HEIGHT));
        ((Button) root.lookup("#inventoryButton")).setOnAction(e -> inventory(services, bundle).show(scene.getWindow()));
        theme.addListener((o, old, now) -> now.apply(scene));
        theme.set(initialTheme);
    }

    /** The wanted size, or the room the screen leaves when it is smaller (never under the window's minimum). */
    static double defaultSize(double wanted, double room) {
        return Math.max(Math.min(wanted, room), Math.min(wanted, 600));
    }

    /** Each step's controller with its view model and the services it needs. */
    private void registerSteps(ControllerFactory factory, AppServices services, ResourceBundle bundle) {
        factory.register(ConnectController.class, () -> new ConnectController(
                new ConnectViewModel(state, services.connector(), services.sandbox(), services.executor(), bundle),
                services.browser()));
        factory.register(LayerController.class, () -> new LayerController(new LayerViewModel(state, services.layers(),
                services.functions(), services.executor(), bundle)));
        factory.register(ContentsController.class, () -> new ContentsController(
                new ContentsViewModel(state, services.builder(), services.executor(), bundle)));
        factory.register(InspectController.class, () -> new InspectController(
                new InspectViewModel(state, services, bundle)));
        factory.register(PublishController.class, () -> new PublishController(
                new PublishViewModel(state, services, bundle)));
        factory.register(AttachController.class, () -> new AttachController(
                new AttachViewModel(state, services, bundle)));
    }

    /** The organization page, made when first opened. */
    private InventoryPage inventory(AppServices services, ResourceBundle bundle) {
        if (inventory == null) {
            inventory = new InventoryPage(new InventoryViewModel(new InventoryViewModel.Services(services.connector(),
                    services.executor(), state.sessionProperty()::get, InventoryCache.inCache(AppDirs.current()),
                    Clock.systemUTC()), bundle), bundle, InventoryPage.fileChooser(bundle), InventoryPage.dialog(bundle));
        }
        return inventory;
    }

    /** A step's page: its FXML names its controller, which the factory builds. */
    private static ViewLoader.View<? extends StepController> loadStep(ViewLoader loader, Step step) {
        return loader.<StepController>load(step.fxml());
    }

    public Scene scene() {
        return scene;
    }

    /** Light or dark; changing it restyles the window at once. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public WizardState state() {
        return state;
    }

    public WizardViewModel wizard() {
        return wizard;
    }
}
