package dev.layerstudio.ui.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.ui.publish.PublishServices;
import dev.layerstudio.ui.inspect.InspectServices;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.Severity;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.StepPage;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.contents.ContentsController;
import dev.layerstudio.ui.contents.ContentsViewModel;
import dev.layerstudio.ui.inspect.InspectController;
import dev.layerstudio.ui.inspect.InspectViewModel;
import dev.layerstudio.ui.publish.PublishChoice;
import dev.layerstudio.ui.publish.PublishViewModel;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import dev.layerstudio.ui.wizard.WizardState;
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
 * A Node.js layer through the window's steps with real npm: the Contents page installs a package
 * for the chosen Node.js runtime into {@code nodejs/node_modules}, Inspect zips and reads it
 * without a problem, and Publish offers the Node.js runtimes with the built one chosen.
 */
@ExtendWith(ApplicationExtension.class)
class NodeLayerWizardTest {

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
        state.layerProperty().set(LayerChoice.newLayer("web-deps"));
    }

    @AfterEach
    void stop() {
        executor.close();
        state.close();
    }

    @Test
    void aNodePackageIsInstalledInspectedAndOfferedTheNodeRuntimes(FxRobot robot) throws Exception {
        ContentsViewModel contents = new ContentsViewModel(state, services.builder(), executor, bundle);
        robot.interact(() -> {
            StepPage.show(stage, Step.CONTENTS, ContentsController.class, () -> new ContentsController(contents),
                    Theme.LIGHT);
            // chosen on the page, as a user does (a new layer starts on python3.12)
            state.runtimeProperty().set(Runtime.parse("nodejs22.x"));
            state.architectureProperty().set(Architecture.ARM64);
            contents.requirementsProperty().set("is-number@7.0.0\n");
        });
        assertThat(contents.isNode()).isTrue();
        assertThat(contents.problems()).isEmpty();
        robot.interact(contents::install);
        waitFor(5, TimeUnit.MINUTES, () -> !contents.installingProperty().get());
        assertThat(state.installationProperty().get()).as(String.join("\n", contents.log())).isNotNull();
        assertThat(state.installationProperty().get().packages()).extracting(p -> p.name()).contains("is-number");

        InspectViewModel inspect = new InspectViewModel(state, InspectServices.of(services), bundle);
        robot.interact(() -> StepPage.show(stage, Step.INSPECT, InspectController.class,
                () -> new InspectController(inspect), Theme.LIGHT));
        waitFor(5, TimeUnit.MINUTES, () -> state.reportProperty().get() != null && !inspect.busyProperty().get());
        InspectionReport report = state.reportProperty().get();
        assertThat(report.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(state.zipProperty().get()).isNotNull();
        try (var zip = new java.util.zip.ZipFile(state.zipProperty().get().output().toFile())) {
            assertThat(zip.getEntry("nodejs/node_modules/is-number/package.json")).isNotNull();
        }

        PublishViewModel publish = new PublishViewModel(state, PublishServices.of(services), bundle);
        robot.interact(publish::onShow);
        assertThat(publish.runtimes()).extracting(PublishChoice::id)
                .containsExactly("nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x");
        assertThat(publish.runtimes()).filteredOn(c -> c.selectedProperty().get())
                .extracting(PublishChoice::id).containsExactly("nodejs22.x");
        // pure JavaScript runs on either processor: the proposal read from the content declares both
        waitFor(60, TimeUnit.SECONDS, () -> publish.architectures().stream().allMatch(c -> c.selectedProperty().get()));
        assertThat(publish.runtimes()).filteredOn(c -> c.selectedProperty().get())
                .extracting(PublishChoice::id).containsExactly("nodejs22.x");
        assertThat(publish.problems()).as("nothing stops publishing but the missing connection").allMatch(
                p -> p.contains("onnect"));
    }
}
