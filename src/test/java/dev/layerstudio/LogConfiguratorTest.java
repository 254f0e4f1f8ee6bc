package dev.layerstudio;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogConfiguratorTest {

    @TempDir
    Path dir;

    @Test
    void logsGoToARollingFileWithTheSdkQuieter() throws IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's service provider gives the real one
        LogConfigurator.install(context, dir, "layer-studio");

        context.getLogger("dev.layerstudio.Example").info("hello from the app");
        context.getLogger("dev.layerstudio.Example").debug("not at INFO");
        context.getLogger("software.amazon.awssdk.core.Retry").info("sdk chatter");
        context.getLogger("software.amazon.awssdk.core.Retry").warn("sdk warning");
        assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.WARN);
        context.stop();

        String log = Files.readString(dir.resolve("layer-studio.log"));
        assertThat(log).contains("INFO", "dev.layerstudio.Example - hello from the app", "sdk warning")
                .doesNotContain("not at INFO", "sdk chatter");
    }

    @Test
    void theApplicationsConfigurationIsRegisteredWithLogback() throws IOException {
        try (var in = getClass().getResourceAsStream("/META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
            assertThat(new String(in.readAllBytes()).trim()).isEqualTo(LogConfigurator.class.getName());
        }
    }
}
