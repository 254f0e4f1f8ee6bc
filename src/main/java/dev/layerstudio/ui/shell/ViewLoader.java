package dev.layerstudio.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads FXML views with the one controller factory and the one resource bundle. */
public final class ViewLoader {

    private final ControllerFactory controllers;
    private final ResourceBundle bundle;

    public ViewLoader(ControllerFactory controllers, ResourceBundle bundle) {
        this.controllers = controllers;
        this.bundle = bundle;
    }

    public record View<C>(Parent root, C controller) {
    }

    public <C> View<C> load(String resource) {
        URL url = ViewLoader.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Missing FXML resource " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url, bundle);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + resource, e);
        }
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
