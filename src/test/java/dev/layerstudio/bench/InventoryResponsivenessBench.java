package dev.layerstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryCache;
import dev.layerstudio.ui.inventory.InventoryPage;
import dev.layerstudio.ui.inventory.InventoryViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * B10's responsiveness half, run by {@code bench/run} only (its name matches none of the test
 * patterns): the organization page reads every account and region of the organization that
 * {@code bench/inventory_seed.py} put in moto (profiles from {@code AWS_CONFIG_FILE}), while
 * {@link PulseProbe} records the gaps between JavaFX pulses. Inputs: {@code -Dbench.endpoint},
 * {@code -Dbench.profiles}, {@code -Dbench.regions}; figures to {@code -Dbench.out}. It asserts
 * only that the read found functions in every account.
 */
@ExtendWith(ApplicationExtension.class)
class InventoryResponsivenessBench {

    @TempDir
    Path dir;
    private final ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
    private AppExecutor executor;
    private Connector connector;
    private AwsSession session;
    private InventoryViewModel vm;

    @Start
    void start(Stage stage) {
        executor = new AppExecutor();
        connector = new Connector();
        // the session names the endpoint only; every account's credentials come from its profile
        session = AwsSession.builder().credentials(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("bench", "bench"))).region("us-east-1")
                .endpoint(URI.create(System.getProperty("bench.endpoint"))).build();
        vm = new InventoryViewModel(new InventoryViewModel.Services(connector, executor, () -> session,
                new InventoryCache(dir.resolve("cache")), Clock.systemUTC()), bundle);
        InventoryPage page = new InventoryPage(vm, bundle, owner -> dir.resolve("export.csv").toFile(), q -> false);
        stage.setScene(new Scene(page.root(), 1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        session.close();
        connector.close();
    }

    private static void settle(PulseProbe probe) throws Exception {
        int seen = probe.pulsesInPhase();
        waitFor(1, TimeUnit.MINUTES, () -> probe.pulsesInPhase() >= seen + 3);
    }

    @Test
    void pulsesWhileReadingTheOrganization(FxRobot robot) throws Exception {
        // -Dbench.jfr=FILE: a flight recording of the run, to see what held the JavaFX thread
        String jfr = System.getProperty("bench.jfr");
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        if (jfr != null) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
        }
        PulseProbe probe = new PulseProbe();
        robot.interact(() -> {
            probe.start();
            probe.mark("idle");
        });
        Thread.sleep(1_000);
        robot.interact(() -> {
            probe.mark("read");
            vm.sourceKindProperty().set(InventoryViewModel.SourceKind.PROFILES);
            vm.profilesProperty().set(System.getProperty("bench.profiles"));
            vm.regionsProperty().set(System.getProperty("bench.regions"));
            vm.read();
        });
        waitFor(30, TimeUnit.MINUTES, () -> !vm.runningProperty().get());
        settle(probe); // the frames that show the table belong to the read
        robot.interact(probe::stop);
        if (jfr != null) {
            recording.dump(Path.of(jfr));
        }
        recording.close();
        assertThat(vm.errorProperty().get()).isEmpty();
        int accounts = System.getProperty("bench.profiles").split(",").length;
        assertThat(vm.inventoryProperty().get().failed()).isEmpty();
        assertThat(vm.inventoryProperty().get().functions()).hasSizeGreaterThanOrEqualTo(accounts);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("functions", vm.inventoryProperty().get().functions().size());
        result.put("accountRegions", vm.inventoryProperty().get().slices().size());
        result.put("phases", probe.summary());
        result.put("longGaps", probe.longGaps());
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), json);
        }
        System.out.println(json);
    }
}
