package dev.layerstudio.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light or dark: AtlantaFX's Primer theme plus the app's own stylesheet. */
public enum Theme {
    LIGHT, DARK;

    private static final String APP_CSS = Objects.requireNonNull(
            Theme.class.getResource("/dev/layerstudio/ui/theme.css")).toExternalForm();

    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(APP_CSS);
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
    }

    public static Theme fromSetting(String value) {
        return "dark".equalsIgnoreCase(value) ? DARK : LIGHT;
    }
}
