package dev.layerstudio.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.project.ProjectFile;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.MainWindow;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.connect.ConnectTarget;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.LayerChoice;
import dev.layerstudio.ui.wizard.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with projects: the start page's recent projects (one opened from it, a missing one
 * removed), a project written by {@code ProjectFile.write} reaching Inspect with the same content
 * as {@code build --project} without any typing, and the question before closing with unsaved changes.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class ProjectWindowTest {

    @TempDir
    static Path home;

    private static MotoServer moto;

    private AppExecutor executor;
    private MainWindow window;
    private Stage stage;
    private Path settings;
    private Path repo;
    private Path projectFile;

    @BeforeAll
    static void server(MotoServer server) {
        moto = server;
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Platform.setImplicitExit(false); // a test closes the window; the toolkit stays for the next one
        settings = Files.createTempDirectory(home, "settings");
        repo = Files.createTempDirectory(home, "repo");
        Wheels wheels = new Wheels(home.resolve("wheels"));
        if (!Files.exists(home.resolve("wheels/tinypkg-1.0-py3-none-any.whl"))) {
            wheels.pure("tinypkg", "1.0", Map.of("tinypkg/__init__.py", "from tinydep import X\n"), "tinydep>=1");
            wheels.pure("tinydep", "1.2", Map.of("tinydep/__init__.py", "X = 2\n"));
        }
        Files.writeString(repo.resolve("requirements.txt"), wheels.indexLines() + "tinypkg==1.0\n");
        Files.createDirectories(repo.resolve("src/handlers"));
        Files.writeString(repo.resolve("src/handlers/app.py"), "def handler(event, context):\n    return {}\n");
        projectFile = repo.resolve(ProjectFile.DEFAULT_NAME);
        ProjectFile.write(new LayerProject("team-deps", List.of("python3.12"), Architecture.X86_64,
                LayerProject.Inputs.none().withFiles(List.of("requirements.txt")),
                List.of(new LayerProject.Code("src/handlers", null)), Set.of(), null,
                new LayerProject.Publish("Team deps", "MIT", null, List.of()), null), projectFile);
        RecentProjects recent = new RecentProjects(settings);
        recent.add(home.resolve("gone/old.toml"));
        recent.add(projectFile);

        AwsHome aws = new AwsHome(home.resolve("aws"))
                .config("[profile dev]\nregion = us-east-1\nendpoint_url = " + moto.endpoint() + "\n")
                .credentials("[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(3);
        window = new MainWindow(AppServices.with(executor, aws.connector(), uri -> { }), Theme.LIGHT, settings);
        stage.setScene(window.scene());
        window.projects().attach(stage);
        window.projects().useChooser(new ProjectChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.of(projectFile);
            }

            @Override
            public Optional<Path> save(Window owner, Path current) {
                return Optional.of(repo.resolve("saved-as.toml"));
            }

            @Override
            public Optional<Path> folder(Window owner) {
                return Optional.empty();
            }
        });
        stage.show();
        window.projects().showStartPage(true);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void aProjectOpenedFromTheRecentListReachesInspectWithTheSameContentAsTheCommandLine(FxRobot robot)
            throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#recentProjects .recent-missing").tryQuery().isPresent());
        assertThat(robot.lookup("#startPage").query().isVisible()).isTrue();
        // the missing file is shown as missing and taken off the list
        Node missingRow = robot.lookup("#recentProjects .recent-missing").query().getParent();
        robot.clickOn(robot.from(missingRow).lookup(".button").match((Labeled b) -> b.getText().equals("Remove"))
                .queryAs(Node.class));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#recentProjects .recent-missing").tryQuery().isEmpty());
        assertThat(new RecentProjects(settings).list()).extracting(RecentProjects.Entry::file)
                .containsExactly(projectFile.toAbsolutePath().normalize());

        robot.clickOn(robot.lookup("#recentProjects .recent-name").queryAs(Node.class));
        waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#startPage").query().isVisible()
                && window.state().contentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).isEqualTo("layer-studio.toml (" + repo.getFileName() + ") — Layer Studio");

        // connect (the project does not hold a connection), then every step is as the project says
        Button next = robot.lookup("#nextButton").queryButton();
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "dev".equals(c.getItem().label())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "dev".equals(c.getItem().label())).queryAs(Node.class));
        robot.clickOn("#connectButton");
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled());
        robot.clickOn(next);
        assertThat(window.wizard().current()).isEqualTo(Step.LAYER);
        waitFor(10, TimeUnit.SECONDS, () -> !next.isDisabled());
        assertThat(window.state().layerProperty().get().name()).isEqualTo("team-deps");
        robot.clickOn(next);

        assertThat(window.wizard().current()).isEqualTo(Step.CONTENTS);
        TextArea requirements = robot.lookup("#requirementsArea").queryAs(TextArea.class);
        assertThat(requirements.getText()).isEqualTo("-r " + repo.resolve("requirements.txt") + "\n");
        assertThat(window.state().contentProperty().get().contains("python/handlers/app.py")).isTrue();
        robot.clickOn("#installButton");
        waitFor(90, TimeUnit.SECONDS, () -> window.state().installationProperty().get() != null
                && !robot.lookup("#installButton").queryButton().isDisabled());
        waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        robot.clickOn(next);

        assertThat(window.wizard().current()).isEqualTo(Step.INSPECT);
        waitFor(60, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null
                && window.state().zipProperty().get() != null);
        assertThat(window.state().reportProperty().get().pkg("tinypkg")).isPresent();
        assertThat(window.project().dirtyProperty().get()).isFalse();
        // Back keeps what was set
        robot.clickOn("#backButton");
        assertThat(window.wizard().current()).isEqualTo(Step.CONTENTS);
        assertThat(requirements.getText()).isEqualTo("-r " + repo.resolve("requirements.txt") + "\n");
        assertThat(window.state().contentProperty().get().contains("python/tinypkg/__init__.py")).isTrue();

        // the command line's build of the same project holds the same files with the same bytes
        Path cliZip = home.resolve("cli-" + System.nanoTime() + ".zip");
        ProjectFile.Read read = ProjectFile.read(projectFile);
        new DefaultLayerBuilder().build(read.project().buildSpec(read.dir(), cliZip), ProgressListener.NONE);
        assertThat(entries(window.state().zipProperty().get().output())).isEqualTo(entries(cliZip));
    }

    @Test
    void closingWithUnsavedChangesAsksAndSaveKeepsThem(FxRobot robot) throws Exception {
        robot.clickOn("#newLayerButton");
        assertThat(robot.lookup("#startPage").query().isVisible()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(20, TimeUnit.SECONDS, () -> window.state().contentProperty().get() != null
                && projectFile.toAbsolutePath().normalize().equals(window.project().fileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).doesNotStartWith("•");

        robot.interact(() -> window.state().requirementsProperty().set(
                window.state().requirementsProperty().get() + "tinydep==1.2\n"));
        assertThat(stage.getTitle()).startsWith("• ");

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        answer(robot, ProjectCommands.CANCEL_ID);
        assertThat(stage.isShowing()).isTrue();
        assertThat(window.project().dirtyProperty().get()).isTrue();

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        answer(robot, ProjectCommands.SAVE_ID);
        waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(ProjectFile.read(projectFile).project().inputs().packages()).containsExactly("tinydep==1.2");
        assertThat(new ProjectRecovery(settings).find()).isEmpty();
    }

    @Test
    void discardClosesWithoutWritingAndSaveAsNamesTheNewFile(FxRobot robot) throws Exception {
        robot.clickOn("#newLayerButton");
        robot.interact(() -> window.state().layerProperty().set(LayerChoice.newLayer("fresh-layer")));
        waitFor(5, TimeUnit.SECONDS, () -> window.project().dirtyProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        Path savedAs = repo.resolve("saved-as.toml");
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(savedAs) && !window.project().dirtyProperty().get());
        assertThat(ProjectFile.read(savedAs).project().layerName()).isEqualTo("fresh-layer");
        assertThat(stage.getTitle()).startsWith("saved-as.toml");

        robot.interact(() -> window.state().layerProperty().set(LayerChoice.newLayer("fresh-layer-2")));
        waitFor(5, TimeUnit.SECONDS, () -> window.project().dirtyProperty().get());
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        answer(robot, ProjectCommands.DISCARD_ID);
        waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(ProjectFile.read(savedAs).project().layerName()).isEqualTo("fresh-layer");
    }

    @Test
    void theStartPageOffersBackTheWorkAKilledWindowLeft(FxRobot robot) throws Exception {
        LayerProject unsaved = new LayerProject("half-done", List.of("python3.12"), Architecture.ARM64,
                LayerProject.Inputs.none().withFiles(List.of(repo.resolve("requirements.txt").toString())),
                List.of(new LayerProject.Code(repo.resolve("src/handlers").toString(), "python/handlers")), Set.of(),
                null, null, null);
        new ProjectRecovery(settings).write(unsaved, null, java.time.Instant.now());
        robot.interact(() -> window.projects().showStartPage(true));
        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#recoveryText").queryLabeled().getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#restoreButton").query().getParent().getParent().isVisible()).isTrue();
        assertThat(robot.lookup("#recoveryText").queryLabeled().getText()).contains("half-done");

        robot.clickOn("#restoreButton");
        waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#startPage").query().isVisible()
                && window.state().contentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.state().layerProperty().get().name()).isEqualTo("half-done");
        assertThat(window.state().architectureProperty().get()).isEqualTo(Architecture.ARM64);
        assertThat(window.state().requirementsProperty().get()).isEqualTo("-r " + repo.resolve("requirements.txt")
                + "\n");
        assertThat(window.state().contentProperty().get().contains("python/handlers/app.py")).isTrue();
        assertThat(window.project().dirtyProperty().get()).isTrue();
        assertThat(stage.getTitle()).startsWith("• ");
    }

    /** Clicks a button of the unsaved-changes question once its window is up. */
    private static void answer(FxRobot robot, String id) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + id).tryQuery()
                .filter(b -> b.getScene() != null && b.getScene().getWindow().isShowing()).isPresent());
        robot.clickOn("#" + id);
    }

    /** Each file's path and CRC-32 (the bytes it holds, not when the zip was made). */
    private static Map<String, Long> entries(Path zip) throws Exception {
        Map<String, Long> all = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> e = z.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                all.put(entry.getName(), entry.getCrc());
            }
        }
        return all;
    }
}
