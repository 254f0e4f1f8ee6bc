package dev.layerstudio.ui.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.RegionLayers;
import dev.layerstudio.model.ShareTarget;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.task.QueuedTaskExecutor;
import dev.layerstudio.ui.task.SameThreadTaskExecutor;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Layer page's version actions, permissions and all-regions view models against moto, without a window. */
@ExtendWith(MotoExtension.class)
class LayerActionsViewModelTest {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.layerstudio.ui.messages");
    private static MotoServer moto;
    private static MotoFixtures fixtures;
    private static AwsSession fixtureSession;

    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private WizardState state;
    private final AtomicInteger reloads = new AtomicInteger();
    private LayerActions actions;

    @BeforeAll
    static void fixtures(MotoServer server) {
        moto = server;
        fixtureSession = server.session();
        fixtures = new MotoFixtures(server, fixtureSession.lambda());
    }

    @org.junit.jupiter.api.AfterAll
    static void closeFixtures() {
        fixtureSession.close();
    }

    @BeforeEach
    void model() {
        state = new WizardState(Runnable::run);
        state.sessionProperty().set(moto.session());
        actions = LayerActions.of(state, SdkLayerService::new, new AllRegionsViewModel(state,
                AllRegionsViewModel.EVERY_REGION, s -> List.of("us-east-1", "eu-west-1"), executor, TEXT), executor,
                TEXT, reloads::incrementAndGet);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aUsedVersionIsNamedWithItsUsersAndKeptUntilConfirmedAnUnusedOneIsDeleted() {
        String used = fixtures.publishLayer("vm-del", Map.of("python/d.py", "D = 1\n"), "python3.12")
                .layerVersionArn();
        fixtures.publishLayer("vm-del", Map.of("python/d.py", "D = 2\n"), "python3.12");
        fixtures.createFunction("vm-del-user", "python3.12", List.of(used));
        SdkLayerService layers = new SdkLayerService(fixtureSession);
        VersionActionsViewModel versions = actions.versions();

        versions.delete(layers.getVersion("vm-del", 1));
        Confirmation q = versions.confirmationProperty().get();
        assertThat(q).isNotNull();
        assertThat(q.header()).isEqualTo("Delete vm-del version 1 in us-east-1, although it is still used by"
                + " 1 function?");
        assertThat(q.lines()).containsExactly("vm-del-user uses it (layer 1 of 1).");
        assertThat(q.yes()).isEqualTo("Delete, although used by 1 function");
        assertThat(versions.statusProperty().get())
                .isEqualTo("vm-del version 1 is still used by 1 function: vm-del-user. It is deleted only if you"
                        + " confirm.");
        // the user says no: nothing is sent
        versions.confirmationProperty().set(null);
        assertThat(layers.listVersions("vm-del")).extracting(LayerVersionInfo::version).containsExactly(2L, 1L);
        assertThat(reloads).hasValue(0);

        versions.delete(layers.getVersion("vm-del", 2));
        Confirmation unused = versions.confirmationProperty().get();
        assertThat(unused.header()).isEqualTo("Delete vm-del version 2 in us-east-1?");
        assertThat(unused.lines()).isEmpty();
        assertThat(unused.notes()).first().isEqualTo("No function in us-east-1 uses it.");
        assertThat(unused.yes()).isEqualTo("Delete version 2");
        unused.onYes().run();
        assertThat(versions.statusProperty().get()).isEqualTo("Deleted vm-del version 2.");
        assertThat(versions.failedProperty().get()).isFalse();
        assertThat(layers.listVersions("vm-del")).extracting(LayerVersionInfo::version).containsExactly(1L);
        assertThat(reloads).hasValue(1);

        // a version deleted meanwhile: its plan fails with the engine's sentence
        LayerVersionInfo gone = layers.listVersions("vm-del").get(0);
        versions.confirmationProperty().set(null);
        new SdkLayerService(fixtureSession).delete(layers.prepareDelete("vm-del", 1), true);
        versions.delete(gone);
        assertThat(versions.confirmationProperty().get()).isNull();
        assertThat(versions.failedProperty().get()).isTrue();
        assertThat(versions.statusProperty().get()).contains("has no version 1");
    }

    @Test
    void sharesWithTheCommandsValidationListsAndRevokes() {
        fixtures.publishLayer("vm-share", Map.of("python/s.py", "S = 1\n"), "python3.12");
        LayerVersionInfo v = new SdkLayerService(fixtureSession).getVersion("vm-share", 1);
        PermissionsViewModel p = actions.permissions();
        p.open(v);
        assertThat(p.grants()).isEmpty();
        assertThat(p.statusProperty().get()).isEqualTo("vm-share version 1 is not shared with other accounts.");

        p.idProperty().set("12345");
        p.share();
        assertThat(p.failedProperty().get()).isTrue();
        assertThat(p.statusProperty().get()).isEqualTo("'12345' is not an AWS account id (12 digits).");
        assertThat(p.idProperty().get()).isEqualTo("12345"); // what was typed stays, to be corrected

        p.idProperty().set(" 111122223333 ");
        p.share();
        assertThat(p.failedProperty().get()).isFalse();
        assertThat(p.statusProperty().get()).isEqualTo("Shared vm-share version 1 with Account 111122223333.");
        assertThat(p.idProperty().get()).isEmpty();

        p.kindProperty().set(ShareTarget.Kind.ORGANIZATION);
        p.idProperty().set("o-abcdefghij");
        p.share();
        p.kindProperty().set(ShareTarget.Kind.EVERYONE);
        assertThat(p.needsIdProperty().get()).isFalse();
        p.share();
        Confirmation publicly = p.confirmationProperty().get();
        assertThat(publicly.header()).isEqualTo("Let every AWS account use vm-share version 1?");
        assertThat(p.grants()).hasSize(2); // nothing public before the answer
        publicly.onYes().run();
        assertThat(p.grants()).extracting(p::describe).containsExactlyInAnyOrder("Account 111122223333",
                "Organization o-abcdefghij", "Everyone (public)");
        assertThat(new SdkLayerService(fixtureSession).permissions("vm-share", 1)).hasSize(3);

        LayerPermission account = p.grants().stream().filter(g -> g.target().kind() == ShareTarget.Kind.ACCOUNT)
                .findFirst().orElseThrow();
        p.revoke(account);
        Confirmation revoke = p.confirmationProperty().get();
        assertThat(revoke.header()).isEqualTo("Stop sharing with Account 111122223333: vm-share version 1?");
        assertThat(revoke.lines()).containsExactly("Statement layer-studio-account-111122223333 is removed from the"
                + " version's policy.");
        revoke.onYes().run();
        assertThat(p.statusProperty().get()).isEqualTo("Revoked the grant to Account 111122223333 on vm-share"
                + " version 1.");
        assertThat(p.grants()).extracting(p::describe).containsExactlyInAnyOrder("Organization o-abcdefghij",
                "Everyone (public)");
        assertThat(new SdkLayerService(fixtureSession).permissions("vm-share", 1)).hasSize(2);
    }

    @Test
    void everyRegionListsEachRegionsLayersAndNamesTheRegionsThatFailed() {
        try (AwsSession eu = moto.session("eu-west-1")) {
            new MotoFixtures(moto, eu.lambda()).publishLayer("vm-eu-only", Map.of("python/e.py", "E = 1\n"),
                    "python3.12");
        }
        fixtures.publishLayer("vm-us-only", Map.of("python/u.py", "U = 1\n"), "python3.12");
        AllRegionsViewModel all = actions.allRegions();
        assertThat(all.layers()).isEmpty(); // nothing is read while off

        all.onProperty().set(true);
        assertThat(all.loadingProperty().get()).isFalse();
        assertThat(all.layers()).extracting(LayerInfo::name, LayerInfo::region)
                .contains(org.assertj.core.groups.Tuple.tuple("vm-us-only", "us-east-1"),
                        org.assertj.core.groups.Tuple.tuple("vm-eu-only", "eu-west-1"));
        assertThat(all.statusProperty().get()).endsWith("in 2 of the 2 regions read.");
        all.searchProperty().set("eu-west");
        assertThat(all.layers()).extracting(LayerInfo::name).containsExactly("vm-eu-only");

        all.onProperty().set(false);
        assertThat(all.layers()).isEmpty();

        List<String> asked = new ArrayList<>();
        AllRegionsViewModel failing = new AllRegionsViewModel(state, (session, regions) -> {
            asked.addAll(regions);
            List<RegionLayers> read = new ArrayList<>(AllRegionsViewModel.EVERY_REGION.list(session,
                    List.of("us-east-1")));
            read.add(new RegionLayers("ap-east-1", List.of(), "The security token included in the request is"
                    + " invalid."));
            return read;
        }, s -> List.of("us-east-1", "ap-east-1"), executor, TEXT);
        failing.onProperty().set(true);
        assertThat(asked).containsExactly("us-east-1", "ap-east-1");
        assertThat(failing.failedProperty().get()).isTrue();
        assertThat(failing.statusProperty().get()).endsWith("in 1 of the 1 regions read. One region could not be"
                + " read: ap-east-1 (The security token included in the request is invalid.).");
    }

    @Test
    void aVersionOfAnotherRegionIsDeletedAndSharedInItsOwnRegion() {
        LayerVersionInfo eu;
        try (AwsSession there = moto.session("eu-west-1")) {
            new MotoFixtures(moto, there.lambda()).publishLayer("vm-eu-del", Map.of("python/e.py", "E = 1\n"),
                    "python3.12");
            eu = new SdkLayerService(there).getVersion("vm-eu-del", 1);
        }
        PermissionsViewModel p = actions.permissions();
        p.open(eu);
        p.idProperty().set("111122223333");
        p.share();
        assertThat(p.statusProperty().get()).isEqualTo("Shared vm-eu-del version 1 with Account 111122223333.");

        actions.versions().delete(eu);
        Confirmation q = actions.versions().confirmationProperty().get();
        assertThat(q.header()).isEqualTo("Delete vm-eu-del version 1 in eu-west-1?");
        assertThat(q.notes()).first().isEqualTo("No function in eu-west-1 uses it.");
        q.onYes().run();
        assertThat(actions.versions().statusProperty().get()).isEqualTo("Deleted vm-eu-del version 1.");
        try (AwsSession there = moto.session("eu-west-1")) {
            assertThat(new SdkLayerService(there).listVersions("vm-eu-del")).isEmpty();
        }
    }

    @Test
    void aNewerActionTakesTheLineAndALateFailureOfTheOlderOneIsDropped() {
        fixtures.publishLayer("vm-late", Map.of("python/l.py", "L = 1\n"), "python3.12");
        SdkLayerService layers = new SdkLayerService(fixtureSession);
        LayerVersionInfo gone = layers.getVersion("vm-late", 1);
        layers.delete(layers.prepareDelete("vm-late", 1), true);
        QueuedTaskExecutor queued = new QueuedTaskExecutor();
        VersionActionsViewModel versions = new VersionActionsViewModel(state, SdkLayerService::new, queued, TEXT,
                reloads::incrementAndGet);

        // the check fails while it is still the page's last action: the line says why, as a failure
        versions.delete(gone);
        assertThat(versions.statusProperty().get()).isEqualTo("Looking up which functions use vm-late version 1…");
        queued.runAll();
        assertThat(versions.failedProperty().get()).isTrue();
        assertThat(versions.statusProperty().get()).contains("has no version 1");

        // a copy made while the check runs is newer: its sentence stays, the check's late failure is dropped
        versions.delete(gone);
        versions.copied(gone.arn());
        queued.runAll();
        assertThat(versions.statusProperty().get()).isEqualTo("Copied " + gone.arn() + " to the clipboard.");
        assertThat(versions.failedProperty().get()).isFalse();
        assertThat(versions.busyProperty().get()).isFalse();
        assertThat(versions.confirmationProperty().get()).isNull();

        // the permissions' line: a failed read is a failure; another kind of target empties what was said
        PermissionsViewModel p = new PermissionsViewModel(state, SdkLayerService::new, queued, TEXT);
        p.open(gone);
        queued.runAll();
        assertThat(p.failedProperty().get()).isTrue();
        p.kindProperty().set(ShareTarget.Kind.ORGANIZATION);
        assertThat(p.statusProperty().get()).isEmpty();
        assertThat(p.failedProperty().get()).isFalse();
    }
}
