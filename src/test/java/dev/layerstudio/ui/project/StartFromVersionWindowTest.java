package dev.layerstudio.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.MainWindow;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.connect.ConnectTarget;
import dev.layerstudio.ui.layer.LayerRow;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * "Start from version N" on the Layer step of a version published in moto (read through its
 * download link): the project is written into the folder chosen, and Contents is filled from it.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class StartFromVersionWindowTest {

    @TempDir
    static Path home;

    private static MotoFront front;

    private AppExecutor executor;
    private MainWindow window;

    @BeforeAll
    static void published(MotoServer moto) throws Exception {
        Path zip = home.resolve("v1.zip");
        Map<String, String> files = new TreeMap<>();
        files.put("python/six.py", "X = 1\n");
        files.put("python/six-1.16.0.dist-info/RECORD", "six.py,,\nsix-1.16.0.dist-info/RECORD,,\n"
                + "six-1.16.0.dist-info/METADATA,,\n");
        files.put("python/six-1.16.0.dist-info/METADATA", "Name: six\nVersion: 1.16.0\n");
        files.put("python/handlers/app.py", "import six\n");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        front = new MotoFront(moto);
        try (AwsSession direct = moto.session()) {
            direct.s3().createBucket(b -> b.bucket("start-layers"));
            direct.s3().putObject(b -> b.bucket("start-layers").key("v1.zip"), RequestBody.fromFile(zip));
            var v1 = direct.lambda().publishLayerVersion(b -> b.layerName("started-deps").description("deps v1")
                    .content(c -> c.s3Bucket("start-layers").s3Key("v1.zip"))
                    .compatibleRuntimesWithStrings("python3.11").compatibleArchitecturesWithStrings("arm64"));
            front.layerLocation("started-deps", v1.version(), "s3://start-layers/v1.zip");
        }
    }

    @AfterAll
    static void closeFront() {
        front.close();
    }

    @Start
    void start(Stage stage) {
        AwsHome aws = new AwsHome(home.resolve("aws"))
                .config("[profile front]\nregion = us-east-1\n")
                .credentials("[front]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(3);
        window = new MainWindow(AppServices.with(executor, aws.connector(), uri -> { }), Theme.LIGHT,
                home.resolve("settings"));
        window.projects().useChooser(new ProjectChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(Window owner, Path current) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> folder(Window owner) {
                return Optional.of(home.resolve("projects/started-deps"));
            }
        });
        stage.setScene(window.scene());
        window.projects().attach(stage);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPublishedVersionBecomesAProjectAndFillsContents(FxRobot robot) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "front".equals(c.getItem().label())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "front".equals(c.getItem().label())).queryAs(Node.class));
        // the endpoint typed (a profile's endpoint_url does not reach the presigned download link)
        robot.clickOn("#endpointField").write(front.endpoint().toString());
        robot.clickOn("#connectButton");
        Button next = robot.lookup("#nextButton").queryButton();
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled());
        robot.clickOn(next);
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".tree-table-row-cell").match((TreeTableRow<LayerRow> r) ->
                r.getItem() != null && r.getItem().layer().name().equals("started-deps")).tryQuery().isPresent());
        assertThat(robot.lookup("#startFromVersion").query().isVisible()).isFalse(); // nothing chosen yet
        robot.clickOn(robot.lookup(".tree-table-row-cell").match((TreeTableRow<LayerRow> r) ->
                r.getItem() != null && r.getItem().layer().name().equals("started-deps")).queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#startFromVersion").query().isVisible());
        assertThat(robot.lookup("#startFromVersionButton").queryButton().getText()).isEqualTo("Start from version 1…");

        robot.interact(() -> { // the card is at the foot of the side panel: scrolled into view
            for (Node n = robot.lookup("#startFromVersion").query(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                    break;
                }
            }
        });
        robot.clickOn("#startFromVersionButton");
        // choosing the layer is a change not saved in any project: asked before anything is written
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#" + ProjectCommands.DISCARD_ID).tryQuery()
                .filter(b -> b.getScene() != null && b.getScene().getWindow().isShowing()).isPresent());
        robot.clickOn("#" + ProjectCommands.DISCARD_ID);

        Path dir = home.resolve("projects/started-deps");
        waitFor(30, TimeUnit.SECONDS, () -> window.wizard().current() == Step.CONTENTS
                && robot.lookup("#requirementsArea").tryQuery().isPresent());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.project().fileProperty().get()).isEqualTo(dir.resolve(ProjectFile.DEFAULT_NAME));
        assertThat(dir.resolve("requirements.txt")).content().contains("six==1.16.0");
        assertThat(dir.resolve("layer-code/python/handlers/app.py")).hasContent("import six");
        TextArea requirements = robot.lookup("#requirementsArea").queryAs(TextArea.class);
        assertThat(requirements.getText()).isEqualTo("-r " + dir.resolve("requirements.txt") + "\n");
        assertThat(window.state().contentProperty().get().contains("python/handlers/app.py")).isTrue();
        assertThat(window.state().layerProperty().get().isNew()).isFalse();
        assertThat(window.state().runtimeProperty().get().id()).isEqualTo("python3.11");
        assertThat(window.project().dirtyProperty().get()).isFalse();
    }
}
