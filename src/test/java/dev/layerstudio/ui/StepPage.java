package dev.layerstudio.ui;

import dev.layerstudio.ui.shell.ControllerFactory;
import dev.layerstudio.ui.shell.StepController;
import dev.layerstudio.ui.shell.ViewLoader;
import dev.layerstudio.ui.wizard.Step;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * One wizard step's page in a window of its own, loaded from its FXML with the real
 * controller factory and bundle, as the main window loads it: for tests that preset the
 * wizard's state as the earlier steps would and then drive the page.
 */
public final class StepPage<C extends StepController> {

    /** A page's room in a window of 1180×760 (the step list and header and footer taken off). */
    public static final double WIDTH = 930;
    public static final double HEIGHT = 660;

    private final Scene scene;
    private final C controller;

    private StepPage(Scene scene, C controller) {
        this.scene = scene;
        this.controller = controller;
    }

    /** Loads the step's page with {@code controller}, shows it on {@code stage}, and calls onShow. */
    public static <C extends StepController> StepPage<C> show(Stage stage, Step step, Class<C> type,
                                                              Supplier<C> controller, Theme theme) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        ControllerFactory factory = new ControllerFactory().register(type, controller);
        ViewLoader.View<C> view = new ViewLoader(factory, bundle).load(step.fxml());
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        view.controller().onShow();
        return new StepPage<>(scene, view.controller());
    }

    public Scene scene() {
        return scene;
    }

    public C controller() {
        return controller;
    }

    /** Saves what the page shows as a PNG (call on the JavaFX thread). */
    public static void snapshot(Scene scene, Path png) throws IOException {
        WritableImage image = scene.snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(png.getParent());
        ImageIO.write(buffered, "png", png.toFile());
    }
}
