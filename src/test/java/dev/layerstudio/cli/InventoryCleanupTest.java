package dev.layerstudio.cli;

import static dev.layerstudio.testing.OrgInMoto.ALPHA;
import static dev.layerstudio.testing.OrgInMoto.BETA;
import static dev.layerstudio.testing.OrgInMoto.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.OrgInMoto;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Deleting the unused versions an inventory found, account by account, through the guarded delete. */
@ExtendWith(MotoExtension.class)
class InventoryCleanupTest {

    @TempDir
    static Path dir;
    private static OrgInMoto org;

    @BeforeAll
    static void setUp(MotoServer moto) {
        org = new OrgInMoto(moto, dir);
    }

    @AfterAll
    static void tearDown() {
        org.close();
    }

    private static boolean exists(LambdaClient lambda, String layer, long version) {
        try {
            lambda.getLayerVersion(b -> b.layerName(layer).versionNumber(version));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    @Test
    void deletesWhatNobodyUses_keepsWhatSomeoneStartedUsingSince_andTouchesNothingUnconfirmed() throws Exception {
        String[] inventory = {"inventory", "--sso-session", "corp", "--role", ROLE, "--regions", "us-east-1"};
        try (LambdaClient alpha = org.lambda(ALPHA, "us-east-1"); LambdaClient beta = org.lambda(BETA, "us-east-1")) {
            String spare = OrgInMoto.publish(beta, "b-tools", "python3.12");
            assertThat(spare).endsWith(":2");
            assertThat(org.run(inventory)).as(org.err()).isEqualTo(FailureHandler.FAILED);

            // unconfirmed, and no console to ask: nothing is deleted
            assertThat(org.run("inventory", "--sso-session", "corp", "--role", ROLE, "--regions", "us-east-1",
                    "--cached", "--view", "unused", "--delete-unused")).isEqualTo(FailureHandler.FAILED);
            assertThat(org.err()).contains("Nothing was deleted");
            assertThat(exists(alpha, "shared-lib", 1)).isTrue();

            // after the inventory was read, someone puts b-tools:2 on a function: the guarded delete keeps it
            OrgInMoto.function(beta, "newcomer", "python3.12", OrgInMoto.roleArn(BETA), List.of(spare));
            assertThat(org.run("--json", "inventory", "--sso-session", "corp", "--role", ROLE, "--regions",
                    "us-east-1", "--cached", "--view", "unused", "--delete-unused", "--yes"))
                    .isEqualTo(FailureHandler.FAILED); // Gamma could not be read
            JsonNode cleanup = org.document().get("cleanup");
            assertThat(cleanup).hasSize(2);
            for (JsonNode c : cleanup) {
                if (c.get("arn").asText().contains(":layer:shared-lib:1")) {
                    assertThat(c.get("outcome").asText()).isEqualTo("DELETED");
                } else {
                    assertThat(c.get("arn").asText()).endsWith(":layer:b-tools:2");
                    assertThat(c.get("outcome").asText()).isEqualTo("KEPT");
                    assertThat(c.get("message").asText()).contains("newcomer");
                }
            }
            assertThat(exists(alpha, "shared-lib", 1)).isFalse();
            assertThat(exists(alpha, "shared-lib", 2)).isTrue();
            assertThat(exists(beta, "b-tools", 2)).isTrue();
        }
    }
}
