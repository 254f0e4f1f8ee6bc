package dev.layerstudio.ui.inventory;

import static dev.layerstudio.testing.OrgInMoto.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryCache;
import dev.layerstudio.model.InventoryView;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.OrgInMoto;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
 * The organization page against moto's accounts and the SSO stand-in ({@link OrgInMoto}): the read
 * shows every readable account's functions and the denied one with why; the runtime view marks the
 * python3.9 function; the export is the table as shown; one account-region is read again.
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class InventoryPageTest {

    @TempDir
    static Path dir;
    private static OrgInMoto org;
    private static MotoServer moto;

    private AppExecutor executor;
    private Connector connector;
    private AwsSession session;
    private InventoryViewModel vm;
    private InventoryPage page;
    private final List<String> questions = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void organization(MotoServer server) {
        moto = server;
        org = new OrgInMoto(server, dir);
    }

    @AfterAll
    static void close() {
        org.close();
    }

    @Start
    void start(Stage stage) {
        executor = new AppExecutor(2);
        connector = org.connector();
        session = moto.session();
        ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
        vm = new InventoryViewModel(new InventoryViewModel.Services(connector, executor, () -> session,
                new InventoryCache(dir.resolve("cache")), Clock.systemUTC()), bundle);
        page = new InventoryPage(vm, bundle, owner -> dir.resolve("export.csv").toFile(),
                question -> questions.add(question));
        Scene scene = new Scene(page.root(), 1100, 700);
        Theme.LIGHT.apply(scene); // the app's look: its paddings and fonts decide what fits
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        session.close();
        connector.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<List<String>> table(FxRobot robot) {
        return robot.lookup("#inventoryTable").queryAs(TableView.class);
    }

    /**
     * The column's cells as shown, read on the JavaFX thread (the table changes there), once every
     * column of the answer shown is in the table (new columns come one per frame).
     */
    private List<String> column(FxRobot robot, String header) {
        try {
            waitFor(10, TimeUnit.SECONDS, page::columnsComplete);
            return WaitForAsyncUtils.asyncFx(() -> cells(robot, header)).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> cells(FxRobot robot, String header) {
        TableView<List<String>> t = table(robot);
        int at = -1;
        for (int i = 0; i < t.getColumns().size(); i++) {
            if (t.getColumns().get(i).getText().equals(header)) {
                at = i;
            }
        }
        int index = at;
        return index < 0 ? List.of() : t.getItems().stream().map(r -> r.get(index)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsEveryAccount_marksTheDeprecatedRuntime_exportsAsShown_andRefreshesOneAccountRegion(FxRobot robot)
            throws Exception {
        assertThat(vm.ssoSessionProperty().get()).as("the only SSO session is chosen").isEqualTo("corp");
        robot.clickOn("#inventoryRole").write(OrgInMoto.ROLE);
        robot.interact(() -> robot.lookup("#inventoryRegions").queryAs(TextField.class).clear());
        robot.clickOn("#inventoryRegions").write("us-east-1,us-west-2");
        robot.clickOn("#inventoryRead");
        waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !table(robot).getItems().isEmpty());

        assertThat(robot.lookup("#inventoryError").queryAs(Label.class).getText()).isEmpty();
        assertThat(column(robot, "Layer")).contains("shared-lib", "b-tools");
        ListView<String> failures = robot.lookup("#inventoryFailures").queryAs(ListView.class);
        assertThat(failures.getItems()).hasSize(2).allMatch(f -> f.startsWith("Gamma / ") && f.contains("no access"));
        assertThat(robot.lookup("#inventoryStatus").queryAs(Label.class).getText())
                .contains("6 account-region(s) read", "2 could not be read");

        ChoiceBox<InventoryView> view = robot.lookup("#inventoryView").queryAs(ChoiceBox.class);
        robot.interact(() -> view.setValue(InventoryView.RUNTIMES));
        robot.clickOn("#inventoryRuntimeFilter").write("python3.9");
        waitFor(10, TimeUnit.SECONDS, () -> column(robot, "Function").equals(List.of("orders")));
        assertThat(column(robot, "Status").get(0)).isIn("deprecated", "create blocked", "update blocked");
        assertThat(column(robot, "Deprecated")).containsExactly("2025-12-15");

        robot.clickOn("#inventoryExportCsv");
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("export.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("export.csv"));
        List<String> headers = new ArrayList<>();
        for (TableColumn<List<String>, ?> c : table(robot).getColumns()) {
            headers.add(c.getText());
        }
        assertThat(lines.get(0)).isEqualTo(String.join(",", headers));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).split(",")).containsExactlyElementsOf(table(robot).getItems().get(0));

        // a new function in Beta's us-west-2 shows after reading that account-region again
        try (var west = org.lambda(BETA, "us-west-2")) {
            OrgInMoto.function(west, "late", "python3.9", OrgInMoto.roleArn(BETA), List.of());
        }
        ComboBox<String> slice = robot.lookup("#inventorySlice").queryAs(ComboBox.class);
        robot.interact(() -> slice.setValue(BETA + "/us-west-2"));
        robot.clickOn("#inventoryRefresh");
        waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && column(robot, "Function").size() == 2);
        assertThat(column(robot, "Function")).containsExactlyInAnyOrder("orders", "late");

        // the unused version is deleted through the guarded delete, once confirmed, and the table read again
        robot.interact(() -> {
            robot.lookup("#inventoryRuntimeFilter").queryAs(TextField.class).clear();
            view.setValue(InventoryView.UNUSED);
        });
        waitFor(10, TimeUnit.SECONDS, () -> column(robot, "Layer").equals(List.of("shared-lib")));
        robot.clickOn("#inventoryDelete");
        waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && table(robot).getItems().isEmpty());
        assertThat(questions).singleElement().asString().startsWith("Delete the 1 version(s) shown");
        ListView<String> cleaned = robot.lookup("#inventoryCleanup").queryAs(ListView.class);
        assertThat(cleaned.getItems()).singleElement().asString().contains(":layer:shared-lib:1: deleted");
        try (var alpha = org.lambda(OrgInMoto.ALPHA, "us-east-1")) {
            assertThat(alpha.listLayerVersions(b -> b.layerName("shared-lib")).layerVersions())
                    .extracting(v -> v.version()).containsExactly(2L);
        }
    }

    @Test
    void atALaptopsNarrowestWidthTheFieldsNarrow_notTheWordsOfLabelsButtonsAndChoices(FxRobot robot) throws Exception {
        Stage stage = (Stage) page.root().getScene().getWindow();
        double width = stage.getWidth();
        double height = stage.getHeight();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            for (String row : List.of("#inventorySource", "#inventoryView")) {
                javafx.scene.Parent parent = robot.lookup(row).query().getParent();
                for (javafx.scene.Node n : parent.lookupAll("*")) {
                    if (!(n instanceof javafx.scene.control.Labeled l)) {
                        continue;
                    }
                    String shown = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text)
                            .map(c -> ((javafx.scene.text.Text) c).getText()).findFirst().orElse(l.getText());
                    String whole = l.getText() == null ? "" : l.isMnemonicParsing()
                            ? l.getText().replaceFirst("_(?=.)", "") : l.getText(); // "_Read" reads "Read"
                    if (!whole.isEmpty() && l.isVisible() && !whole.equals(shown)) {
                        found.add(whole + " shown as " + shown);
                    }
                }
            }
            return found;
        }).get();
        robot.interact(() -> { // the window is shared by the tests that follow
            stage.setWidth(width);
            stage.setHeight(height);
        });
        assertThat(cut).isEmpty();
    }

    @Test
    void atItsOwnSizeAndWiderEveryFieldShowsItsWholePrompt(FxRobot robot) throws Exception {
        Stage stage = (Stage) page.root().getScene().getWindow();
        double width = stage.getWidth();
        double height = stage.getHeight();
        try {
            // the page's own size, and the headless screen's whole width
            for (double[] size : new double[][] {{1100, 700}, {1280, 768}}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(promptsCut(robot, size[0])).isEmpty();
            }
        } finally {
            robot.interact(() -> { // the window is shared by the tests that follow
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
    }

    /** The text fields whose prompt does not fit inside them; each field must have a tooltip too. */
    private List<String> promptsCut(FxRobot robot, double width) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            for (javafx.scene.Node n : page.root().lookupAll(".text-field")) {
                if (n instanceof TextField f && f.isVisible() && f.getPromptText() != null
                        && !(f.getParent() instanceof javafx.scene.control.ComboBoxBase<?>)) { // a combo's editor
                    javafx.scene.text.Text probe = new javafx.scene.text.Text(f.getPromptText());
                    probe.setFont(f.getFont());
                    double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
                    if (probe.getLayoutBounds().getWidth() > room) {
                        found.add(f.getPromptText() + " in " + Math.round(room) + " px at " + width);
                    }
                    if (f.getTooltip() == null || f.getTooltip().getText().isBlank()) {
                        found.add(f.getId() + " has no tooltip");
                    }
                }
            }
            return found;
        }).get();
    }

    @Test
    void aCancelledReadKeepsWhatWasShownAndFreesTheButtons(FxRobot robot) throws Exception {
        robot.clickOn("#inventoryRole").write(OrgInMoto.ROLE);
        robot.interact(() -> robot.lookup("#inventoryRegions").queryAs(TextField.class).clear());
        robot.clickOn("#inventoryRegions").write("us-east-1");
        robot.clickOn("#inventoryRead");
        waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !table(robot).getItems().isEmpty());
        List<List<String>> shown = List.copyOf(table(robot).getItems());

        // a second read, cancelled at once: what was shown stays, and nothing is left running
        robot.interact(() -> {
            robot.lookup("#inventoryRead").queryAs(javafx.scene.control.Button.class).fire();
            assertThat(vm.runningProperty().get()).isTrue();
            robot.lookup("#inventoryCancel").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        robot.interact(() -> { }); // the cancelled task's last updates
        assertThat(robot.lookup("#inventoryStatus").queryAs(Label.class).getText())
                .isEqualTo("Cancelled; the previous results are still shown.");
        assertThat(robot.lookup("#inventoryError").queryAs(Label.class).getText()).isEmpty();
        assertThat(table(robot).getItems()).isEqualTo(shown);
        assertThat(robot.lookup("#inventoryRead").queryAs(javafx.scene.control.Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#inventoryCancel").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
    }

    @Test
    void aProfileThatDoesNotExistIsOneSentence_andTheReadEnds(FxRobot robot) throws Exception {
        // the AWS files are read on the worker, so the answer comes from there
        robot.interact(() -> {
            vm.sourceKindProperty().set(InventoryViewModel.SourceKind.PROFILES);
            vm.profilesProperty().set("no-such-profile");
            vm.regionsProperty().set("us-east-1");
            vm.read();
        });
        waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        robot.interact(() -> { });
        assertThat(robot.lookup("#inventoryError").queryAs(Label.class).getText())
                .startsWith("There is no profile named 'no-such-profile'");
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(robot.lookup("#inventoryRead").queryAs(javafx.scene.control.Button.class).isDisabled()).isFalse();
    }
}
