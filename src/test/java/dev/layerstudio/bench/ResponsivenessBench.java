package dev.layerstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.ui.inspect.InspectServices;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
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


    @Test
    void pulsesWhileBuildingInTheWizard(FxRobot robot) throws Exception {
        try (BenchRun run = new BenchRun()) {
            measure(robot, run);
        }
    }

    private void measure(FxRobot robot, BenchRun run) throws Exception {
        PulseProbe probe = BenchRun.idleProbe(robot);

        ContentsViewModel contents = new ContentsViewModel(state, services.builder(), executor, bundle);
        robot.interact(() -> {
            probe.mark("open Contents");
            StepPage.show(stage, Step.CONTENTS, ContentsController.class, () -> new ContentsController(contents),
                    Theme.LIGHT);
            contents.requirementsProperty().set("requests\npandas\n");
        });
        BenchRun.settle(probe);
        robot.interact(() -> {
            probe.mark("install");
            contents.install();
        });
        waitFor(15, TimeUnit.MINUTES, () -> !contents.installingProperty().get());
        BenchRun.settle(probe); // the frames that show the result belong to this phase
        assertThat(state.installationProperty().get()).as(String.join("\n", contents.log())).isNotNull();

        InspectViewModel inspect = new InspectViewModel(state, InspectServices.of(services), bundle);
        robot.interact(() -> {
            probe.mark("open Inspect");
            StepPage.show(stage, Step.INSPECT, InspectController.class, () -> new InspectController(inspect),
                    Theme.LIGHT);
        });
        // the page's first frames (styling and laying out a page just loaded) count as opening it
        BenchRun.settle(probe);
        robot.interact(() -> probe.mark("zip and inspect"));
        waitFor(10, TimeUnit.MINUTES, () -> state.reportProperty().get() != null && !inspect.busyProperty().get());
        BenchRun.settle(probe);
        robot.interact(probe::stop);
        assertThat(state.reportProperty().get().fileCount()).isGreaterThan(1_000);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("installer", state.installationProperty().get().installer());
        result.put("files", state.reportProperty().get().fileCount());
        result.put("phases", probe.summary());
        result.put("longGaps", probe.longGaps());
        run.finish(result);
    }
}
