package dev.layerstudio.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window's own preferences (theme), in {@code ui.properties} in the settings folder. */
public final class UiSettings {

    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);
    private static final String THEME = "theme";

    private final Path file;
    private final Properties values = new Properties();

    public UiSettings(Path settingsFolder) {
        this.file = settingsFolder.resolve("ui.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                LOG.warn("Could not read {}; using defaults", file, e);
            }
        }
    }

    public Theme theme() {
        return Theme.fromSetting(values.getProperty(THEME, "light"));
    }

    public void setTheme(Theme theme) {
        values.setProperty(THEME, theme.name().toLowerCase(java.util.Locale.ROOT));
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "ui", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Layer Studio window settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save {}", file, e);
        }
    }
}
