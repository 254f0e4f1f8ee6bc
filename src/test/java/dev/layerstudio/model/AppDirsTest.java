package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void linuxFollowsXdgWithDefaults() {
        AppDirs d = AppDirs.forPlatform("Linux", home, Map.of());
        assertThat(d.settings()).isEqualTo(home.resolve(".config/layer-studio"));
        assertThat(d.cache()).isEqualTo(home.resolve(".cache/layer-studio"));
        assertThat(d.logs()).isEqualTo(home.resolve(".local/state/layer-studio/logs"));

        AppDirs x = AppDirs.forPlatform("Linux", home, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_CACHE_HOME", "/c"));
        assertThat(x.settings()).isEqualTo(Path.of("/cfg/layer-studio"));
        assertThat(x.cache()).isEqualTo(Path.of("/c/layer-studio"));
    }

    @Test
    void macUsesLibraryFolders() {
        AppDirs d = AppDirs.forPlatform("Mac OS X", home, Map.of());
        assertThat(d.settings()).isEqualTo(home.resolve("Library/Application Support/LayerStudio"));
        assertThat(d.cache()).isEqualTo(home.resolve("Library/Caches/LayerStudio"));
        assertThat(d.logs()).isEqualTo(home.resolve("Library/Logs/LayerStudio"));
    }

    @Test
    void windowsUsesAppData() {
        AppDirs d = AppDirs.forPlatform("Windows 11", home,
                Map.of("APPDATA", "/r", "LOCALAPPDATA", "/l"));
        assertThat(d.settings()).isEqualTo(Path.of("/r/LayerStudio"));
        assertThat(d.cache()).isEqualTo(Path.of("/l/LayerStudio/Cache"));
        assertThat(d.logs()).isEqualTo(Path.of("/l/LayerStudio/Logs"));
    }
}
