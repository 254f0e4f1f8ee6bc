package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.sandbox.SandboxSeed;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SampleLayer;
import dev.layerstudio.ui.connect.ConnectTarget;
import dev.layerstudio.ui.layer.LayerRow;
import dev.layerstudio.ui.task.AppExecutor;
import dev.layerstudio.ui.wizard.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The window fits a small laptop screen and a large one and never hides what it says: every
 * step, with the sandbox's layers and functions in moto and a realistic layer (requests and
 * pandas, about 2,400 files), at 1024×700 and at 1400×900. On each, Back and Next (Finish)
 * and the header's theme toggle are inside the window and visible, and every label, button or
 * cell whose text is cut short has a tooltip holding its whole text, at 1366×768 and with a 150%
 * font at both sizes too (column headers included). Every button or check box that shows no text
 * has an accessible name in words, and every enabled one is reached with Tab; no two controls
 * shown together answer the same Alt+letter. The treemap's key
 * is never under its divider. Each state is saved as a picture
 * (target/screenshots/fit-STEP-WxH.png).
 */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class WindowFitsTest {

    /**
     * Width, height and font scale. The large size first: the test then goes on clicking in the
     * small one, inside the headless screen.
     */
    private static final double[][] SIZES = {{1400, 900, 1.5}, {1400, 900, 1}, {1366, 768, 1}, {1024, 700, 1.5},
        {1024, 700, 1}};

    @TempDir
    static Path home;

    private static MotoServer moto;
    private static LayerContent realistic;

    private AppExecutor executor;
    private MainWindow window;
    private Stage stage;
    private double startWidth;
    private double startHeight;
    /** What every state showed wrong, said together at the end so one run names them all. */
    private final List<String> everyProblem = new ArrayList<>();

    @BeforeAll
    static void sandboxLikeAccount(MotoServer server) throws Exception {
        moto = server;
        // the sandbox's own seed: three layers with versions, a dozen functions in two regions
        new SandboxSeed(new DefaultLayerBuilder(), home.resolve("seed")).plant(server.endpoint(), ProgressListener.NONE);
        realistic = SampleLayer.requestsAndPandas(home.resolve("layer"), new DefaultLayerBuilder());
    }

    @Start
    void start(Stage s) {
        stage = s;
        AwsHome aws = new AwsHome(home.resolve("aws"))
                .config("[profile dev]\nregion = us-east-1\nendpoint_url = " + moto.endpoint() + "\n")
                .credentials("[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        executor = new AppExecutor(3);
        window = new MainWindow(AppServices.with(executor, aws.connector(), uri -> { }), Theme.LIGHT);
        stage.setScene(window.scene());
        stage.show();
        startWidth = stage.getWidth();
        startHeight = stage.getHeight();
    }

    @AfterEach
    void stop(FxRobot robot) {
        executor.close();
        // the stage is shared with the test classes after this one: give it back at its first size
        robot.interact(() -> {
            stage.setWidth(startWidth);
            stage.setHeight(startHeight);
        });
    }

    @Test
    void everyStepFitsASmallAndALargeWindow(FxRobot robot) throws Exception {
        Button next = robot.lookup("#nextButton").queryButton();

        // 1 Connect: before connecting, Next says why it is not available
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "dev".equals(c.getItem().label())).tryQuery().isPresent());
        fits(robot, "connect");
        assertThat(robot.lookup("#nextHint").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#nextHint").queryLabeled().getText()).contains("Connect");
        robot.interact(() -> window.scene().getRoot().requestFocus());
        robot.clickOn(robot.lookup(".tree-cell").match((TreeCell<ConnectTarget> c) ->
                c.getItem() != null && "dev".equals(c.getItem().label())).queryAs(Node.class));
        robot.clickOn("#connectButton");
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled());
        fits(robot, "connected");
        robot.clickOn(next);

        // 2 Layer: the listed layers, a version's details (ARN, SHA-256, usage), then a new name
        assertThat(window.wizard().current()).isEqualTo(Step.LAYER);
        TreeTableView<LayerRow> table = robot.lookup("#layerTable").query();
        waitFor(30, TimeUnit.SECONDS, () -> table.getRoot() != null && table.getRoot().getChildren().size() == 3);
        robot.interact(() -> {
            var common = table.getRoot().getChildren().stream()
                    .filter(i -> i.getValue().layer().name().equals("common-utils")).findFirst().orElseThrow();
            common.setExpanded(true);
            table.getSelectionModel().select(common.getChildren().get(common.getChildren().size() - 1));
        });
        waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#usageList").queryListView().getItems().isEmpty());
        fits(robot, "layer");
        robot.clickOn("#newLayerName").write("orders-deps");
        waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        robot.clickOn(next);

        // 3 Contents: requests and pandas as installed, and the user's folder
        assertThat(window.wizard().current()).isEqualTo(Step.CONTENTS);
        robot.interact(() -> window.state().contentProperty().set(realistic));
        waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        fits(robot, "contents");
        robot.clickOn(next);

        // 4 Inspect: zipped and inspected in the background
        assertThat(window.wizard().current()).isEqualTo(Step.INSPECT);
        waitFor(120, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null && !next.isDisabled());
        fits(robot, "inspect");
        legendClearOfTheDivider(robot);
        robot.clickOn(next);

        // 5 Publish: before and after publishing
        assertThat(window.wizard().current()).isEqualTo(Step.PUBLISH);
        fits(robot, "publish");
        robot.clickOn("#publishButton");
        waitFor(60, TimeUnit.SECONDS, () -> window.state().publishedProperty().get() != null && !next.isDisabled());
        fits(robot, "published");
        robot.clickOn(next);

        // 6 Attach: the functions of the region, two of them planned
        assertThat(window.wizard().current()).isEqualTo(Step.ATTACH);
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("orders-api").tryQuery().isPresent()
                && robot.lookup("user-signup").tryQuery().isPresent());
        robot.doubleClickOn("orders-api");
        robot.doubleClickOn("user-signup");
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#stack-orders-api").tryQuery().isPresent()
                && robot.lookup("#stack-user-signup").tryQuery().isPresent());
        fits(robot, "attach");

        // Finish: the summary
        robot.clickOn(next);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#finishSummary").tryQuery().isPresent());
        fits(robot, "finish");
        assertThat(everyProblem).isEmpty();
    }

    /** At each size: the footer's buttons and the theme toggle are in view, and nothing is cut without a tooltip. */
    private void fits(FxRobot robot, String where) throws Exception {
        for (double[] size : SIZES) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                // a larger font (150%), as a user who needs one sets it
                window.scene().getRoot().setStyle(size[2] == 1 ? "" : "-fx-font-size: " + 13 * size[2] + "px;");
            });
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(150); // the layout passes after a resize (tables and cells come a pulse later)
            WaitForAsyncUtils.waitForFxEvents();
            String at = where + " at " + (int) size[0] + "×" + (int) size[1] + (size[2] == 1 ? "" : " with a 150% font");
            AtomicReference<List<String>> problems = new AtomicReference<>();
            robot.interact(() -> {
                Scene scene = window.scene();
                assertThat(scene.getWidth()).as(at + ": scene width").isEqualTo(size[0]);
                List<String> found = new ArrayList<>();
                for (String id : List.of("#backButton", "#nextButton", "#themeButton")) {
                    inView(scene, scene.lookup(id), id, found);
                }
                cutWithoutTooltip(scene.getRoot(), found);
                unnamedOrUnreachable(scene.getRoot(), found);
                Map<Character, List<String>> keys = new TreeMap<>();
                mnemonics(scene.getRoot(), keys);
                keys.forEach((key, owners) -> {
                    if (owners.size() > 1) {
                        found.add("Alt+" + key + " belongs to " + owners);
                    }
                });
                problems.set(found);
            });
            shoot(robot, "fit-" + where + "-" + (int) size[0] + "x" + (int) size[1] + (size[2] == 1 ? "" : "-font150"));
            problems.get().forEach(p -> everyProblem.add(at + ": " + p));
        }
    }

    /** Wherever the map's divider is dragged, its grip never covers an entry of the map's key ("Caches" was under it). */
    private static void legendClearOfTheDivider(FxRobot robot) {
        SplitPane split = robot.lookup(".inspect-split").query();
        Node legend = robot.lookup("#treemapLegend").query();
        for (double position : new double[] {0, 0.62, 1}) {
            robot.interact(() -> split.setDividerPositions(position));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Node divider = split.lookup(".split-pane-divider");
                Bounds key = legend.localToScene(legend.getLayoutBounds());
                assertThat(key.getHeight()).as("the key is shown").isPositive();
                assertThat(key.intersects(divider.localToScene(divider.getLayoutBounds())))
                        .as("the key under the divider at " + position).isFalse();
            });
        }
        robot.interact(() -> split.setDividerPositions(0.62));
    }

    private static void inView(Scene scene, Node node, String id, List<String> problems) {
        if (node == null || !shown(node)) {
            problems.add(id + " is not shown");
            return;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > scene.getWidth() + 0.5
                || b.getMaxY() > scene.getHeight() + 0.5 || b.getWidth() < 1) {
            problems.add(id + " is outside the window: " + b);
        }
    }

    /** Whether the node and every parent are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    /** Every shown Labeled whose rendered text differs from its text (an ellipsis) needs a tooltip with the whole. */
    private static void cutWithoutTooltip(Node node, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String whole = l.isMnemonicParsing() ? withoutMnemonic(l.getText()) : l.getText();
            // the skin's LabeledText (not an icon font's Text in the graphic)
            Text rendered = l.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Text && n.getClass().getSimpleName().equals("LabeledText"))
                    .map(Text.class::cast).findFirst().orElse(null);
            if (rendered != null && !normal(rendered.getText()).equals(normal(whole)) && !hasTooltip(l, whole)) {
                problems.add(l.getClass().getSimpleName() + (l.getId() == null ? "" : " #" + l.getId())
                        + " shows \"" + rendered.getText() + "\" of \"" + whole + "\" with no tooltip");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                cutWithoutTooltip(child, problems);
            }
        }
    }

    /**
     * Every shown button (Button, ToggleButton, MenuButton, CheckBox) that shows no text has an accessible
     * name in words (and, but for a check box, a tooltip for the mouse), and every enabled one can be
     * reached with Tab.
     */
    private static void unnamedOrUnreachable(Node node, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase b && (b instanceof Button || b instanceof ToggleButton || b instanceof MenuButton
                || b instanceof CheckBox)) {
            String name = b.getId() == null ? b.getClass().getSimpleName() : "#" + b.getId();
            boolean noText = b.getText() == null || b.getText().isBlank()
                    || b.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY;
            if (noText && (b.getAccessibleText() == null || !b.getAccessibleText().matches(".*\\p{L}{3,}.*"))) {
                problems.add(name + " shows no text and has no accessible name in words");
            }
            if (noText && !(b instanceof CheckBox) && b.getTooltip() == null) {
                problems.add(name + " shows only an icon and no tooltip says what it does");
            }
            if (!b.isDisabled() && !b.isFocusTraversable()) {
                problems.add(name + " cannot be reached with Tab");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                unnamedOrUnreachable(child, problems);
            }
        }
    }

    /** The Alt+letter of every shown control with a mnemonic, with the controls it belongs to. */
    private static void mnemonics(Node node, Map<Character, List<String>> keys) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.isMnemonicParsing() && l.getText() != null) {
            String t = l.getText();
            int i = t.indexOf('_');
            while (i >= 0 && i + 1 < t.length() && t.charAt(i + 1) == '_') {
                i = t.indexOf('_', i + 2);
            }
            if (i >= 0 && i + 1 < t.length()) {
                keys.computeIfAbsent(Character.toUpperCase(t.charAt(i + 1)), k -> new ArrayList<>())
                        .add(withoutMnemonic(t));
            }
        }
        if (node instanceof Parent p && !(node instanceof MenuButton)) { // a menu button's skin repeats its text
            for (Node child : p.getChildrenUnmodifiable()) {
                mnemonics(child, keys);
            }
        }
    }

    /** A tooltip on the control or on one around it (it shows over the control too) that holds the whole text. */
    private static boolean hasTooltip(Node node, String whole) {
        for (Node n = node; n != null; n = n.getParent()) {
            Tooltip t = n instanceof Control c ? c.getTooltip() : null;
            if (t == null && n.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip installed) {
                t = installed;
            }
            if (t != null && t.getText() != null && normal(t.getText()).contains(normal(whole))) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The text as shown when "_" marks a mnemonic: the first single "_" goes, "__" shows one. */
    private static String withoutMnemonic(String text) {
        int i = text.indexOf('_');
        while (i >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '_') {
            i = text.indexOf('_', i + 2);
        }
        return i < 0 || i + 1 >= text.length() ? text : text.substring(0, i) + text.substring(i + 1);
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(window.scene().snapshot(null)));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(shot.get(), null), "png", out.toFile());
    }
}
