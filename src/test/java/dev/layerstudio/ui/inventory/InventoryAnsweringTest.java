package dev.layerstudio.ui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryCache;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryFunction;
import dev.layerstudio.model.InventoryLayerVersion;
import dev.layerstudio.model.InventorySlice;
import dev.layerstudio.model.InventoryView;
import dev.layerstudio.ui.task.QueuedTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organization page's table is answered off the JavaFX thread: until the newest question's
 * answer arrives the page says so, an answer to a question asked over meanwhile is never shown,
 * and nothing can be deleted from a table that answers an older question.
 */
class InventoryAnsweringTest {

    private static final String ACCOUNT = "111111111111";
    private static final String USED = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":layer:shared-lib:2";
    private static final String UNUSED = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":layer:shared-lib:1";

    @TempDir
    Path dir;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final Connector connector = new Connector();
    private InventoryViewModel vm;

    @AfterEach
    void close() {
        connector.close();
    }

    private InventoryViewModel viewModel() {
        return new InventoryViewModel(new InventoryViewModel.Services(connector, executor, () -> null,
                new InventoryCache(dir.resolve("cache")), Clock.systemUTC()),
                ResourceBundle.getBundle("dev.layerstudio.ui.messages"));
    }

    private static Inventory inventory() {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        InventoryFunction orders = new InventoryFunction(ACCOUNT, "us-east-1", "orders",
                "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:orders", "python3.12", "x86_64", List.of(USED),
                now, 1000, "Zip");
        List<InventoryLayerVersion> versions = List.of(
                new InventoryLayerVersion(UNUSED, 2000, List.of("python3.12"), List.of("x86_64"), now, List.of()),
                new InventoryLayerVersion(USED, 2000, List.of("python3.12"), List.of("x86_64"), now, List.of()));
        return new Inventory("profiles dev", true, List.of(new InventorySlice(ACCOUNT, "dev", "us-east-1", now,
                List.of(orders), versions, null)));
    }

    @Test
    void theTableArrivesFromTheWorkerAndTheWaitIsShown() {
        vm = viewModel();
        vm.inventoryProperty().set(inventory());

        assertThat(vm.answeringProperty().get()).isTrue();
        assertThat(vm.tableProperty().get()).isNull();
        assertThat(executor.waiting()).isEqualTo(1);

        executor.runAll();
        assertThat(vm.answeringProperty().get()).isFalse();
        assertThat(vm.tableProperty().get().title()).isEqualTo("Layer versions and the functions on them");
    }

    @Test
    void anAnswerToAQuestionAskedOverIsNeverShown() {
        vm = viewModel();
        vm.inventoryProperty().set(inventory());
        vm.viewProperty().set(InventoryView.UNUSED); // asked before the first answer came

        executor.runAll();
        assertThat(vm.tableProperty().get().title()).isEqualTo("Layer versions no function uses");
        assertThat(vm.tableProperty().get().records()).extracting(r -> r.get("arn")).containsExactly(UNUSED);
        assertThat(vm.answeringProperty().get()).isFalse();
    }

    @Test
    void nothingIsDeletedFromATableAnsweringAnOlderQuestion() {
        vm = viewModel();
        vm.sourceKindProperty().set(InventoryViewModel.SourceKind.PROFILES);
        vm.viewProperty().set(InventoryView.UNUSED);
        vm.inventoryProperty().set(inventory());
        executor.runAll();
        assertThat(vm.canDeleteShown()).isTrue();

        vm.layerFilterProperty().set("other-lib"); // the unused table shown no longer answers the filters
        assertThat(vm.canDeleteShown()).isFalse();
        executor.runAll();
        assertThat(vm.tableProperty().get().rows()).isEmpty();
        assertThat(vm.canDeleteShown()).isFalse();
    }
}
