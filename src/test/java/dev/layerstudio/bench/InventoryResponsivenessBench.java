package dev.layerstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryCache;
import dev.layerstudio.ui.inventory.InventoryPage;
import dev.layerstudio.ui.inventory.InventoryViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
    private InventoryPage page;

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
        page = new InventoryPage(vm, bundle, owner -> dir.resolve("export.csv").toFile(), q -> false);
        stage.setScene(new Scene(page.root(), 1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        session.close();
        connector.close();
    }


    @Test
    void pulsesWhileReadingTheOrganization(FxRobot robot) throws Exception {
        try (BenchRun run = new BenchRun()) {
            measure(robot, run);
        }
    }

    private void measure(FxRobot robot, BenchRun run) throws Exception {
        PulseProbe probe = BenchRun.idleProbe(robot);
        robot.interact(() -> {
            probe.mark("read");
            vm.sourceKindProperty().set(InventoryViewModel.SourceKind.PROFILES);
            vm.profilesProperty().set(System.getProperty("bench.profiles"));
            vm.regionsProperty().set(System.getProperty("bench.regions"));
            vm.read();
        });
        waitFor(30, TimeUnit.MINUTES, () -> !vm.runningProperty().get());
        // the table's answer is made on a worker after the read ends, and its columns come a few per
        // frame: those frames belong to the read too (without this wait the probe could stop before them)
        TableView<?> table = robot.lookup("#inventoryTable").queryAs(TableView.class);
        waitFor(5, TimeUnit.MINUTES, () -> !table.getItems().isEmpty() && page.columnsComplete());
        BenchRun.settle(probe); // the frames that show the table belong to the read
        robot.interact(probe::stop);
        assertThat(vm.errorProperty().get()).isEmpty();
        int accounts = System.getProperty("bench.profiles").split(",").length;
        assertThat(vm.inventoryProperty().get().failed()).isEmpty();
        assertThat(vm.inventoryProperty().get().functions()).hasSizeGreaterThanOrEqualTo(accounts);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("functions", vm.inventoryProperty().get().functions().size());
        result.put("accountRegions", vm.inventoryProperty().get().slices().size());
        result.put("phases", probe.summary());
        result.put("longGaps", probe.longGaps());
        run.finish(result);
    }
}
