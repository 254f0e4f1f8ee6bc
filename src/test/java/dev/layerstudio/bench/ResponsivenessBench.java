package dev.layerstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.contents.ContentsController;
import dev.layerstudio.ui.contents.ContentsViewModel;
import dev.layerstudio.ui.inspect.InspectController;
import dev.layerstudio.ui.inspect.InspectViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * B6 of docs/BENCHMARKS.md, run by {@code bench/run} only (its name matches none of the
 * test patterns, so {@code mvn verify} leaves it out): B1's build done in the wizard —
 * the Contents step installs requests and pandas for python3.12 x86_64 with the real
 * installer (uv when it is on PATH, else pip), then the Inspect step zips and inspects
 * it — while {@link PulseProbe} records the gaps between JavaFX pulses. It measures and
 * writes the figures to {@code -Dbench.out}; it asserts only that the build worked.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessBench {

    private final ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
    private AppExecutor executor;
    private AppServices services;
    private WizardState state;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        executor = new AppExecutor();
        services = AppServices.with(executor, new Connector(), uri -> { });
        state = new WizardState(executor::execute);
        state.layerProperty().set(LayerChoice.newLayer("b6-deps"));
        state.runtimeProperty().set(Runtime.parse("python3.12"));
        state.architectureProperty().set(Architecture.X86_64);
    }

    @AfterEach
    void stop() {
        executor.close();
        state.close();
    }

    /** Waits for three more pulses: what the last step changed has been laid out and drawn in its phase. */
    private static void settle(PulseProbe probe) throws Exception {
        int seen = probe.pulsesInPhase();
        waitFor(1, TimeUnit.MINUTES, () -> probe.pulsesInPhase() >= seen + 3);
    }

    @Test
    void pulsesWhileBuildingInTheWizard(FxRobot robot) throws Exception {
        // -Dbench.jfr=FILE: a flight recording of the run, to see what held the JavaFX thread
        String jfr = System.getProperty("bench.jfr");
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        if (jfr != null) {
            Duration period = Duration.ofMillis(Long.getLong("bench.jfrPeriodMs", 10));
            recording.enable("jdk.ExecutionSample").withPeriod(period);
            recording.enable("jdk.NativeMethodSample").withPeriod(period);
            recording.start();
        }
        PulseProbe probe = new PulseProbe();
        robot.interact(() -> {
            probe.start();
            probe.mark("idle");
        });
        Thread.sleep(1_000);

        ContentsViewModel contents = new ContentsViewModel(state, services.builder(), executor, bundle);
        robot.interact(() -> {
            probe.mark("open Contents");
            StepPage.show(stage, Step.CONTENTS, ContentsController.class, () -> new ContentsController(contents),
                    Theme.LIGHT);
            contents.requirementsProperty().set("requests\npandas\n");
        });
        settle(probe);
        robot.interact(() -> {
            probe.mark("install");
            contents.install();
        });
        waitFor(15, TimeUnit.MINUTES, () -> !contents.installingProperty().get());
        settle(probe); // the frames that show the result belong to this phase
        assertThat(state.installationProperty().get()).as(String.join("\n", contents.log())).isNotNull();

        InspectViewModel inspect = new InspectViewModel(state, services, bundle);
        robot.interact(() -> {
            probe.mark("open Inspect");
            StepPage.show(stage, Step.INSPECT, InspectController.class, () -> new InspectController(inspect),
                    Theme.LIGHT);
        });
        // the page's first frames (styling and laying out a page just loaded) count as opening it
        settle(probe);
        robot.interact(() -> probe.mark("zip and inspect"));
        waitFor(10, TimeUnit.MINUTES, () -> state.reportProperty().get() != null && !inspect.busyProperty().get());
        settle(probe);
        robot.interact(probe::stop);
        if (jfr != null) {
            recording.dump(Path.of(jfr));
        }
        recording.close();
        assertThat(state.reportProperty().get().fileCount()).isGreaterThan(1_000);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("installer", state.installationProperty().get().installer());
        result.put("files", state.reportProperty().get().fileCount());
        result.put("phases", probe.summary());
        result.put("longGaps", probe.longGaps());
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        String out = System.getProperty("bench.out");
        if (out != null) {
            java.nio.file.Files.writeString(Path.of(out), json);
        }
        System.out.println(json);
    }
}
