package dev.layerstudio.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.testing.AwsHome;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.SsoStubs;
import dev.layerstudio.ui.AppServices;
import dev.layerstudio.ui.MainWindow;
import dev.layerstudio.ui.Theme;
import dev.layerstudio.ui.task.AppExecutor;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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

/** The Connect step driven through its real controls: profiles, SSO sign-in, accounts, roles, regions. */
@ExtendWith({MotoExtension.class, ApplicationExtension.class})
class ConnectStepTest {

    private static final String START_URL = "https://corp.awsapps.com/start";

    @TempDir
    static Path home;

    private static WireMockServer sso;
    private static MotoServer moto;

    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private AppExecutor executor;

    @BeforeAll
    static void servers(MotoServer motoServer) {
        moto = motoServer;
        sso = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        sso.start();
        SsoStubs stubs = new SsoStubs(sso);
        stubs.registerClient("client-1", "secret-1", 4_000_000_000L);
        stubs.deviceAuthorization(START_URL, "device-1", "WDJB-MJHT", 1);
        stubs.tokenPolls("device-1", SsoStubs.pending(), SsoStubs.token("access-1", 28800, "refresh-1"));
        stubs.accounts("access-1", 1, List.of(new SsoStubs.Account("111111111111", "Production", "prod@corp.example"),
                new SsoStubs.Account("222222222222", "Sandbox", "sandbox@corp.example")));
        stubs.roles("access-1", "111111111111", 5, List.of("ReadOnly", "LayerAdmin"));
        stubs.roles("access-1", "222222222222", 5, List.of("Developer"));
        stubs.roleCredentials("access-1", "111111111111", "LayerAdmin", "ASIASSOTEST",
                System.currentTimeMillis() + 3_600_000);
    }

    @AfterAll
    static void stopSso() {
        sso.stop();
    }

    @Start
    void start(Stage stage) {
        AwsHome aws = new AwsHome(home)
                .config("""
                        [profile moto]
                        region = eu-west-1
                        endpoint_url = %s

                        [profile broken]
                        role_arn = arn:aws:iam::123456789012:role/deploy
                        source_profile = missing

                        [sso-session corp]
                        sso_start_url = %s
                        sso_region = us-east-1
                        sso_registration_scopes = sso:account:access
                        """.formatted(moto.endpoint(), START_URL))
                .credentials("[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        Connector connector = aws.connectorBuilder(URI.create(sso.baseUrl())).pause(d -> { }).build();
        executor = new AppExecutor(2);
        MainWindow window = new MainWindow(AppServices.with(executor, connector, opened::add), Theme.LIGHT);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void connectsThroughAProfilesEndpointInTheChosenRegion(FxRobot robot) throws Exception {
        TreeView<ConnectTarget> tree = robot.lookup("#targetTree").query();
        waitFor(10, TimeUnit.SECONDS, () -> find(tree.getRoot(), "moto") != null);

        TreeItem<ConnectTarget> broken = find(tree.getRoot(), "broken");
        assertThat(broken.getValue().detail()).contains("missing");

        clickRow(robot, "moto");
        ComboBox<String> region = robot.lookup("#regionBox").queryComboBox();
        waitFor(10, TimeUnit.SECONDS, () -> "eu-west-1".equals(region.getValue()));
        robot.interact(() -> region.setValue("eu-central-1"));

        robot.clickOn("#connectButton");
        Button next = robot.lookup("#nextButton").queryButton();
        Label identity = robot.lookup("#identityAccount").queryAs(Label.class);
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled() && MotoServer.ACCOUNT.equals(identity.getText()));
        assertThat(identity.getText()).isEqualTo(MotoServer.ACCOUNT);
        assertThat(robot.lookup("#connectStatus").queryLabeled().getText()).contains("Connected as");
    }

    @Test
    void signsInWithADeviceCodeThenConnectsToAnAccountRole(FxRobot robot) throws Exception {
        TreeView<ConnectTarget> tree = robot.lookup("#targetTree").query();
        waitFor(10, TimeUnit.SECONDS, () -> find(tree.getRoot(), "corp") != null);
        clickRow(robot, "corp");
        robot.clickOn("#signInButton");

        // The device code is shown while the browser opens the approval page; the poll then completes.
        waitFor(20, TimeUnit.SECONDS, () -> find(tree.getRoot(), "Production") != null);
        assertThat(opened).extracting(URI::toString).contains("https://device.sso.example.com/?user_code=WDJB-MJHT");

        robot.clickOn("#connectSearch").write("prod");
        waitFor(5, TimeUnit.SECONDS, () -> find(tree.getRoot(), "Sandbox") == null);
        assertThat(find(tree.getRoot(), "Production")).isNotNull();

        robot.interact(() -> find(tree.getRoot(), "Production").setExpanded(true));
        waitFor(10, TimeUnit.SECONDS, () -> find(tree.getRoot(), "LayerAdmin") != null);
        robot.interact(() -> find(tree.getRoot(), "Production").setExpanded(true));
        clickRow(robot, "LayerAdmin");
        robot.clickOn("#endpointField").write(moto.endpoint().toString());
        robot.clickOn("#connectButton");

        Label account = robot.lookup("#identityAccount").queryAs(Label.class);
        Button next = robot.lookup("#nextButton").queryButton();
        // Next and the identity are set in one JavaFX callback: wait for both, not just the first
        waitFor(30, TimeUnit.SECONDS, () -> !next.isDisabled() && MotoServer.ACCOUNT.equals(account.getText()));
        assertThat(account.getText()).isEqualTo(MotoServer.ACCOUNT);
        sso.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/federation/credentials")));
    }

    /** Clicks the visible row of the tree that shows {@code label}. */
    private static void clickRow(FxRobot robot, String label) throws java.util.concurrent.TimeoutException {
        // the tree's model fills first; its cells are drawn on a later pulse
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell")
                .match((javafx.scene.control.TreeCell<ConnectTarget> c) -> c.getItem() != null
                        && label.equals(c.getItem().label()) && c.isVisible()).tryQuery().isPresent());
        javafx.scene.Node row = robot.lookup(".tree-cell").match((javafx.scene.control.TreeCell<ConnectTarget> c) ->
                c.getItem() != null && label.equals(c.getItem().label()) && c.isVisible()).query();
        robot.clickOn(row);
    }

    private static TreeItem<ConnectTarget> find(TreeItem<ConnectTarget> item, String label) {
        if (item == null) {
            return null;
        }
        if (item.getValue() != null && label.equals(item.getValue().label())) {
            return item;
        }
        for (TreeItem<ConnectTarget> c : item.getChildren()) {
            TreeItem<ConnectTarget> found = find(c, label);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
