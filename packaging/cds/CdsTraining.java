import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.application.Preloader;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Build-time only, never shipped: closes Layer Studio shortly after its window has
 * been shown, so that a training run started with -XX:DumpLoadedClassList lists the
 * classes a real start loads. JavaFX picks it up from -Djavafx.preloader, so the app
 * itself needs no switch for it.
 */
public final class CdsTraining extends Preloader {

    @Override
    public void start(Stage stage) {
        // No preloader window of its own.
    }

    @Override
    public void handleStateChangeNotification(StateChangeNotification notification) {
        if (notification.getType() == StateChangeNotification.Type.BEFORE_START) {
            // Runs after the application's start(), which shows the window; the pause
            // lets the first frames render (CSS, layout, fonts) before exiting.
            Platform.runLater(() -> {
                PauseTransition pause = new PauseTransition(Duration.seconds(2));
                pause.setOnFinished(e -> Platform.exit());
                pause.play();
            });
        }
    }
}
