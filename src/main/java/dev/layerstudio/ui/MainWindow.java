package dev.layerstudio.ui;

import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.ui.attach.AttachController;
import dev.layerstudio.ui.attach.AttachServices;
import dev.layerstudio.ui.attach.AttachViewModel;
import dev.layerstudio.ui.connect.ConnectController;
import dev.layerstudio.ui.contents.ContentsController;
import dev.layerstudio.ui.contents.ContentsViewModel;
import dev.layerstudio.ui.layer.LayerActions;
import dev.layerstudio.ui.layer.LayerController;
import dev.layerstudio.ui.layer.LayerViewModel;
import dev.layerstudio.ui.connect.ConnectViewModel;
import dev.layerstudio.ui.inspect.InspectController;
import dev.layerstudio.ui.inspect.InspectServices;
import dev.layerstudio.ui.inspect.InspectViewModel;
import dev.layerstudio.ui.publish.PublishController;
import dev.layerstudio.ui.publish.PublishServices;
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
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.ui.layer.StartFromVersionController;
import dev.layerstudio.ui.project.PauseDebouncer;
import dev.layerstudio.ui.project.StartFromVersionViewModel;
import dev.layerstudio.ui.project.ProjectCommands;
import dev.layerstudio.ui.project.ProjectRecovery;
import dev.layerstudio.ui.project.ProjectViewModel;
import dev.layerstudio.ui.project.RecentListModel;
import dev.layerstudio.ui.project.RecentProjects;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.Duration;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;

/** Puts the window together: state, view models, controllers, views and the theme. */
public final class MainWindow {

    /** Unsaved work is copied for recovery once the window has been quiet this long. */
    static final double AUTOSAVE_SECONDS = 3;
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
    private ProjectViewModel project;
    private ProjectCommands projects;

    public MainWindow(AppServices services, Theme initialTheme) {
        this(services, initialTheme, AppDirs.current().settings());
    }

    /** @param settings the app's settings folder: recent projects and the recovery copy of unsaved work */
    public MainWindow(AppServices services, Theme initialTheme, Path settings) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        ControllerFactory factory = new ControllerFactory();
        ViewLoader loader = new ViewLoader(factory, bundle);
        state = new WizardState(services.executor()::execute);

        project = new ProjectViewModel(state, new ProjectViewModel.Services(services.builder(), services.layers(),
                services.executor(), new RecentProjects(settings), new ProjectRecovery(settings),
                new PauseDebouncer(Duration.seconds(AUTOSAVE_SECONDS)), Clock.systemUTC()), bundle);
        registerSteps(factory, services, bundle);
        registerStartFromVersion(factory, services, bundle);
        SandboxBanner sandbox = new SandboxBanner(state, services.sandbox(), services.executor(), bundle);
        RecoveryBanner recovery = new RecoveryBanner(state, services.journals(), services.functions(),
                services.executor(), bundle);
        new ProbeLeftoverSweep(state, ProbeJournals.beside(services.journals()), services.executor(), bundle, recovery);
        factory.register(MainWindowController.class, () -> new MainWindowController(wizard, state, theme,
                step -> loadStep(loader, step), sandbox, recovery));

        Parent root = loader.<MainWindowController>load("/dev/layerstudio/ui/shell/main-window.fxml").root();
        projects = projects(services, bundle, settings, root);
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(projects.root(), defaultSize(WIDTH, screen.getWidth() - FRAME_WIDTH),
                defaultSize(HEIGHT, screen.getHeight() - FRAME_HEIGHT));
        projects.attach(scene);
        // the sandbox's accent is the whole window's, start page and notices included
        root.getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> sandboxAccent(root));
        sandboxAccent(root);
        ((Button) root.lookup("#inventoryButton")).setOnAction(e -> inventory(services, bundle).show(scene.getWindow()));
        bindProjectMenu((MenuButton) root.lookup("#projectMenu"));
        theme.addListener((o, old, now) -> now.apply(scene));
        theme.set(initialTheme);
    }

    private void sandboxAccent(Parent wizard) {
        var classes = scene.getRoot().getStyleClass();
        classes.remove("sandbox");
        if (wizard.getStyleClass().contains("sandbox")) {
            classes.add("sandbox");
        }
    }

    /** The wanted size, or the room the screen leaves when it is smaller (never under the window's minimum). */
    static double defaultSize(double wanted, double room) {
        return Math.max(Math.min(wanted, room), Math.min(wanted, 600));
    }

    /** Each step's controller with its view model and the services it needs. */
    private void registerSteps(ControllerFactory factory, AppServices services, ResourceBundle bundle) {
        factory.register(ConnectController.class, () -> new ConnectController(
                new ConnectViewModel(state, services.connector(), services.sandbox(), services.tasks(), bundle),
                services.browser()));
        factory.register(LayerController.class, () -> {
            LayerViewModel layer = new LayerViewModel(state, services.layers(), services.functions(),
                    services.executor(), bundle);
            return new LayerController(layer, LayerActions.of(state, services.layers(), services.tasks(), bundle,
                    layer::reload));
        });
        factory.register(ContentsController.class, () -> new ContentsController(
                new ContentsViewModel(state, services.builder(), services.tasks(), bundle)));
        factory.register(InspectController.class, () -> {
            InspectViewModel inspect = new InspectViewModel(state, InspectServices.of(services), bundle);
            // a page asked to look at a published version: Inspect opens it, even before the wizard's own layer exists
            state.inspectRequestProperty().addListener((o, was, arn) -> {
                if (arn != null) {
                    state.inspectRequestProperty().set(null);
                    wizard.look(Step.INSPECT);
                    inspect.openVersion(arn);
                }
            });
            return new InspectController(inspect);
        });
        factory.register(PublishController.class, () -> new PublishController(
                new PublishViewModel(state, PublishServices.of(services), bundle)));
        factory.register(AttachController.class, () -> new AttachController(
                new AttachViewModel(state, AttachServices.of(services), bundle)));
    }

    /**
     * The project commands, over the loaded window. The project follows connections from here on,
     * after the Layer step has heard of them, so it can choose the project's layer again.
     */
    private ProjectCommands projects(AppServices services, ResourceBundle bundle, Path settings, Parent root) {
        project.followConnections();
        project.openedProperty().addListener((o, a, b) -> wizard.open(Step.CONTENTS));
        return new ProjectCommands(project, new RecentListModel(new RecentProjects(settings), services.executor()),
                bundle, root);
    }

    /** The Layer step's "Start from version N" card, which opens the project it writes. */
    private void registerStartFromVersion(ControllerFactory factory, AppServices services, ResourceBundle bundle) {
        StartFromVersionViewModel vm = new StartFromVersionViewModel(state, services.inspector(), v -> {
            LayerContentLocation where = new LayerContentLocator().locate(state.sessionProperty().get(), v);
            return new LayerSource.Remote(where.url(), where.layerVersionArn(), where.codeSha256(), where.codeSize());
        }, services.executor(), bundle);
        vm.onProjectWritten(project::open);
        // asked before any work: the project started replaces what the wizard holds
        factory.register(StartFromVersionController.class, () -> new StartFromVersionController(vm,
                (w, then) -> projects.askThen(() -> projects.chooser().folder(w).ifPresent(then))));
    }

    private void bindProjectMenu(MenuButton menu) {
        for (MenuItem item : menu.getItems()) {
            switch (String.valueOf(item.getId())) {
                case "startPageItem" -> item.setOnAction(e -> projects.showStartPage(false));
                case "openProjectItem" -> {
                    item.setOnAction(e -> projects.openProject());
                    item.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
                }
                case "saveProjectItem" -> {
                    item.setOnAction(e -> projects.save());
                    item.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
                }
                case "saveProjectAsItem" -> {
                    item.setOnAction(e -> projects.saveAs());
                    item.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                            KeyCombination.SHIFT_DOWN));
                }
                default -> { }
            }
        }
    }

    /** The organization page, made when first opened. */
    private InventoryPage inventory(AppServices services, ResourceBundle bundle) {
        if (inventory == null) {
            inventory = new InventoryPage(new InventoryViewModel(new InventoryViewModel.Services(services.connector(),
                    services.tasks(), state.sessionProperty()::get, InventoryCache.inCache(AppDirs.current()),
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

    /** The project commands: the start page, Open, Save, Save As, the question on close. */
    public ProjectCommands projects() {
        return projects;
    }

    /** The project the window follows. */
    public ProjectViewModel project() {
        return project;
    }

    public WizardState state() {
        return state;
    }

    public WizardViewModel wizard() {
        return wizard;
    }
}
