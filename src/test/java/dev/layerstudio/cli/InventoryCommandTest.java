package dev.layerstudio.cli;

import static dev.layerstudio.testing.OrgInMoto.ALPHA;
import static dev.layerstudio.testing.OrgInMoto.BETA;
import static dev.layerstudio.testing.OrgInMoto.GAMMA;
import static dev.layerstudio.testing.OrgInMoto.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryAccounts;
import dev.layerstudio.aws.LambdaInventory;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryFailure;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.OrgInMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The organization inventory against moto with one account per set of role credentials and the
 * IAM Identity Center stand-in handing those out ({@link OrgInMoto}): Alpha and Beta are read,
 * Gamma's role credentials are refused.
 */
@ExtendWith(MotoExtension.class)
class InventoryCommandTest {

    @TempDir
    static Path dir;
    private static OrgInMoto org;
    private int lastExit;

    @BeforeAll
    static void setUp(MotoServer moto) {
        org = new OrgInMoto(moto, dir);
    }

    @AfterAll
    static void tearDown() {
        org.close();
    }

    static final String[] SSO = {"inventory", "--sso-session", "corp", "--role", ROLE, "--regions",
        "us-east-1,us-west-2"};

    static String[] sso(String... more) {
        List<String> all = new ArrayList<>(List.of(SSO));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        lastExit = org.run(all.toArray(String[]::new));
        return org.document();
    }

    static List<String> column(JsonNode doc, String key) {
        List<String> values = new ArrayList<>();
        doc.get("rows").forEach(r -> values.add(r.get(key).asText()));
        return values;
    }

    static JsonNode row(JsonNode doc, String key, String value) {
        for (JsonNode r : doc.get("rows")) {
            if (r.get(key).asText().equals(value)) {
                return r;
            }
        }
        throw new AssertionError("No row with " + key + " = " + value + " in " + doc.get("rows"));
    }

    @Test
    void listsEveryAccountsFunctions_andReportsTheDeniedAccountWithoutLosingTheOthers() throws Exception {
        JsonNode doc = json(sso("--view", "runtimes"));

        assertThat(lastExit).as(org.err()).isEqualTo(FailureHandler.FAILED);
        assertThat(column(doc, "function")).containsExactlyInAnyOrder("orders", "billing", "reports", "west");
        assertThat(row(doc, "function", "orders").get("account").asText()).isEqualTo("Alpha (" + ALPHA + ")");
        assertThat(row(doc, "function", "west").get("region").asText()).isEqualTo("us-west-2");
        assertThat(doc.get("accountRegions").asInt()).isEqualTo(6);
        assertThat(doc.get("complete").asBoolean()).isFalse();
        assertThat(doc.get("failed")).hasSize(2);
        doc.get("failed").forEach(f -> {
            assertThat(f.get("account").asText()).isEqualTo(GAMMA);
            assertThat(f.get("reason").asText()).isEqualTo(InventoryFailure.Reason.NO_ACCESS.label());
            assertThat(f.get("message").asText()).contains(GAMMA);
        });
        assertThat(doc.get("notes").get(0).asText()).startsWith("2 of 6 account-region(s) could not be read");
    }


    @Test
    void marksThePython39FunctionDeprecatedWithItsDates() throws Exception {
        JsonNode doc = json(sso("--view", "runtimes", "--runtime", "python3.9"));

        assertThat(column(doc, "function")).containsExactly("orders");
        JsonNode orders = row(doc, "function", "orders");
        assertThat(orders.get("status").asText()).isIn("deprecated", "create blocked", "update blocked");
        assertThat(orders.get("deprecated").asText()).isEqualTo("2025-12-15");
        assertThat(orders.get("blockUpdate").asText()).isNotEmpty();
        JsonNode all = json(sso("--view", "runtimes"));
        assertThat(row(all, "function", "billing").get("status").asText()).isEqualTo("supported");
        assertThat(column(all, "function").get(0)).as("the most urgent runtime first").isEqualTo("orders");
    }

    @Test
    void findsTheUnusedVersion_andTheLayerUsersAcrossAccounts() throws Exception {
        JsonNode unused = json(sso("--view", "unused"));
        assertThat(column(unused, "arn")).containsExactly("arn:aws:lambda:us-east-1:" + ALPHA + ":layer:shared-lib:1");

        JsonNode layers = json(sso("--view", "layers"));
        JsonNode v2 = row(layers, "arn", "arn:aws:lambda:us-east-1:" + ALPHA + ":layer:shared-lib:2");
        assertThat(v2.get("functions").asText()).isEqualTo("1");
        assertThat(v2.get("usedBy").asText()).isEqualTo("Alpha (" + ALPHA + ")/us-east-1/orders");
        assertThat(v2.get("runtimes").asText()).isEqualTo("python3.12 python3.9");
        assertThat(row(layers, "layer", "b-tools").get("account").asText()).isEqualTo("Beta (" + BETA + ")");
    }

    @Test
    void findsTheFunctionWhoseLayerNoLongerMatchesItsRuntime() throws Exception {
        JsonNode doc = json(sso("--view", "mismatched"));

        assertThat(column(doc, "function")).containsExactly("reports");
        JsonNode r = row(doc, "function", "reports");
        assertThat(r.get("layer").asText()).isEqualTo("b-tools:1");
        assertThat(r.get("kind").asText()).isEqualTo("runtime_incompatible");
        assertThat(r.get("why").asText()).contains("python3.9", "python3.12");
    }

    @Test
    void csvAndJsonHoldTheSameTable_andTheTextShowsIt() throws Exception {
        for (String view : List.of("layers", "runtimes", "unused", "mismatched")) {
            JsonNode doc = json(sso("--view", view));
            org.run(sso("--view", view, "--csv"));
            List<List<String>> csv = Csv.parse(org.out());
            List<String> headers = new ArrayList<>();
            doc.get("columns").forEach(c -> headers.add(c.get("header").asText()));
            assertThat(csv.get(0)).as(view).isEqualTo(headers);
            List<List<String>> rows = new ArrayList<>();
            doc.get("rows").forEach(r -> {
                List<String> cells = new ArrayList<>();
                doc.get("columns").forEach(c -> cells.add(r.get(c.get("key").asText()).asText()));
                rows.add(cells);
            });
            assertThat(csv.subList(1, csv.size())).as(view).isEqualTo(rows);
            org.run(sso("--view", view));
            for (List<String> r : rows) {
                assertThat(org.out()).as(view).contains(r.get(0)).contains(r.get(r.size() - 1));
            }
        }
    }

    @Test
    void answersFromTheCache_andRefreshesOneAccountRegion() throws Exception {
        JsonNode first = json(sso("--view", "runtimes"));
        String readAt = first.get("readAt").asText();
        try (LambdaClient west = org.lambda(BETA, "us-west-2")) {
            OrgInMoto.function(west, "late", "python3.13", OrgInMoto.roleArn(BETA), List.of());
        }
        try {
            answersFromTheCacheAndRefreshes(readAt);
        } finally {
            try (LambdaClient west = org.lambda(BETA, "us-west-2")) {
                west.deleteFunction(b -> b.functionName("late"));
            }
        }
    }

    private void answersFromTheCacheAndRefreshes(String readAt) throws Exception {
        JsonNode cached = json(sso("--view", "runtimes", "--cached"));
        assertThat(column(cached, "function")).doesNotContain("late");
        assertThat(cached.get("readAt").asText()).isEqualTo(readAt);

        JsonNode refreshed = json(sso("--view", "runtimes", "--refresh", "Beta/us-west-2"));
        assertThat(column(refreshed, "function")).contains("late", "orders", "reports");
        assertThat(refreshed.get("readAt").asText()).as("the other slices keep their time").isEqualTo(readAt);
        assertThat(Files.list(dir.resolve("app").resolve("cache").resolve("inventory")).count()).isEqualTo(1);
    }

    @Test
    void aMistypedRegionIsOneSentence_andNothingIsRead() {
        assertThat(org.run("inventory", "--sso-session", "corp", "--role", ROLE, "--regions", "us-east-1,us-eastt"))
                .isEqualTo(FailureHandler.FAILED);
        assertThat(org.err()).contains("'us-eastt' is not an AWS region.").doesNotContain("Exception");
    }

    @Test
    void engineReportsProgressAndStopsWhenInterrupted() {
        try (Connector connector = org.connector()) {
            var session = connector.ssoSession("corp");
            var accounts = InventoryAccounts.sso(connector, session, ROLE, org.moto().endpoint(), 4);
            LambdaInventory inventory = new LambdaInventory(connector, accounts, "test", 4, Clock.systemUTC());
            List<String> messages = new CopyOnWriteArrayList<>();
            List<long[]> steps = new CopyOnWriteArrayList<>();
            Inventory result = inventory.read(List.of("us-east-1"), new ProgressListener() {
                @Override
                public void progress(long done, long total) {
                    steps.add(new long[] {done, total});
                }

                @Override
                public void message(String message) {
                    messages.add(message);
                }
            });
            assertThat(result.slices()).hasSize(3);
            assertThat(steps.get(steps.size() - 1)).containsExactly(3, 3);
            assertThat(messages).anyMatch(m -> m.startsWith("3 of 3 account-regions read") && m.contains("functions found"));

            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> inventory.read(List.of("us-east-1", "us-west-2"), ProgressListener.NONE))
                        .isInstanceOf(CancellationException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }

    /** A small RFC 4180 reader, so the test does not trust the writer it checks. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r') {
                    continue;
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
