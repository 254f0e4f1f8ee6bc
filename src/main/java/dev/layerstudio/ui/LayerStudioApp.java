package dev.layerstudio.ui;

import java.io.InputStream;
import java.util.List;
import dev.layerstudio.ui.common.ErrorPresenter;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application: one window with the wizard. */
public final class LayerStudioApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(LayerStudioApp.class);
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024);

    private AppServices services;
    private UiSettings settings;
    private MainWindow window;

    /** The real services, made in {@link #init()}. */
    public LayerStudioApp() {
    }

    /** The app over given services (tests). */
    LayerStudioApp(AppServices services) {
        this.services = services;
    }

    /** Opens the window and returns when it is closed. */
    public static void launchApp(String[] args) {
        Application.launch(LayerStudioApp.class, args);
    }

    /** Runs on the launcher thread: file reads stay off the JavaFX thread. */
    @Override
    public void init() {
        if (services == null) {
            services = AppServices.production(uri -> getHostServices().showDocument(uri.toString()));
        }
        settings = new UiSettings(dev.layerstudio.model.AppDirs.current().settings());
    }

    @Override
    public void start(Stage stage) {
        String forced = System.getProperty("layerstudio.theme");
        window = new MainWindow(services, forced != null ? Theme.fromSetting(forced) : settings.theme());
        window.themeProperty().addListener((o, old, now) ->
                services.executor().execute(() -> settings.setTheme(now)));
        java.util.ResourceBundle text = java.util.ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        stage.setTitle(text.getString("app.title"));
        stage.getIcons().setAll(icons());
        stage.setScene(window.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        ErrorPresenter errors = new ErrorPresenter(text);
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) ->
                errors.show(stage, text.getString("app.title"), e));
        stage.show();
        LOG.info("Window shown");
        if (Boolean.getBoolean("layerstudio.exitWhenShown")) {
            // For start-up measurements: leave as soon as the first frame has been laid out.
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                window.scene().removePostLayoutPulseListener(once[0]);
                Platform.runLater(Platform::exit);
            };
            window.scene().addPostLayoutPulseListener(once[0]);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.state().close();
        }
        if (services != null) {
            services.close(); // background work, then the local sandbox, if it was started
        }
        LOG.info("Layer Studio closed");
    }

    /** The window, once shown (tests). */
    MainWindow window() {
        return window;
    }

    /** Every size of the app icon, so each desktop picks the one it needs. */
    public static List<Image> icons() {
        return ICON_SIZES.stream().map(size -> {
            try (InputStream in = LayerStudioApp.class.getResourceAsStream(
                    "/dev/layerstudio/icons/icon-" + size + ".png")) {
                return in == null ? null : new Image(in);
            } catch (java.io.IOException e) {
                LOG.warn("Could not read the {} px icon", size, e);
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }
}
