package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Layer Studio keeps its settings, cache, data and logs on each platform.
 * Pure computation from the OS name, home folder and environment: nothing is created here.
 *
 * <p>The system property {@code layerstudio.home} (used by tests) puts every folder
 * below one root instead.
 */
public record AppDirs(Path settings, Path cache, Path data, Path logs) {

    private static final String APP = "layer-studio";
    private static final String APP_TITLE = "LayerStudio";

    public static AppDirs current() {
        String root = System.getProperty("layerstudio.home");
        if (root != null && !root.isBlank()) {
            return under(Path.of(root));
        }
        return forPlatform(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")),
                System.getenv());
    }

    /** Every folder below one root: settings/, cache/, data/, logs/. */
    public static AppDirs under(Path root) {
        return new AppDirs(root.resolve("settings"), root.resolve("cache"), root.resolve("data"),
                root.resolve("logs"));
    }

    public static AppDirs forPlatform(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new AppDirs(roaming.resolve(APP_TITLE), local.resolve(APP_TITLE).resolve("Cache"),
                    local.resolve(APP_TITLE).resolve("Data"), local.resolve(APP_TITLE).resolve("Logs"));
        }
        if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            return new AppDirs(library.resolve("Application Support").resolve(APP_TITLE),
                    library.resolve("Caches").resolve(APP_TITLE),
                    library.resolve("Application Support").resolve(APP_TITLE).resolve("Data"),
                    library.resolve("Logs").resolve(APP_TITLE));
        }
        Path config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path cache = envPath(env, "XDG_CACHE_HOME", home.resolve(".cache"));
        Path data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        Path state = envPath(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"));
        return new AppDirs(config.resolve(APP), cache.resolve(APP), data.resolve(APP), state.resolve(APP).resolve("logs"));
    }

    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
