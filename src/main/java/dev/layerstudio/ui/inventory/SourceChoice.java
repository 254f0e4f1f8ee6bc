package dev.layerstudio.ui.inventory;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ConfigAggregatorInventory;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryAccounts;
import dev.layerstudio.aws.InventorySource;
import dev.layerstudio.aws.LambdaInventory;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryAccount;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.ui.inventory.InventoryViewModel.SourceKind;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The organization page's source as its fields chose it (read on the JavaFX thread, as typed):
 * the words that name it for the cache and the command line, the reader of its accounts and
 * regions, and the accounts it reaches. A field the source needs left empty is one sentence.
 *
 * @param ssoSession the IAM Identity Center session's name (SSO)
 * @param role       the role to read with, or blank for the session's choice (SSO)
 * @param profiles   profile names, separated by commas or spaces (PROFILES)
 * @param aggregator the AWS Config aggregator's name (AGGREGATOR)
 */
record SourceChoice(SourceKind kind, String ssoSession, String role, String profiles, String aggregator,
                    ResourceBundle text) {

    /** What is read, in the words the cache and the command line use. */
    String describe() {
        return switch (kind) {
            case SSO -> "IAM Identity Center session '" + required(ssoSession, "inventory.needSso") + "'"
                    + (role.isBlank() ? "" : " (role " + role.strip() + ")");
            case PROFILES -> "profiles " + String.join(", ",
                    InventoryViewModel.split(required(profiles, "inventory.needProfiles")));
            case AGGREGATOR -> "AWS Config aggregator '" + required(aggregator, "inventory.needAggregator") + "'";
        };
    }

    /**
     * The reader of this source; an aggregator is read through the connected {@code session}.
     * Accounts are listed (the AWS files parsed, an SSO session's accounts asked for) when it
     * reads, on the worker thread, not here on the JavaFX thread.
     */
    InventorySource source(Connector connector, AwsSession session, URI endpoint, Clock clock) {
        String description = describe();
        int n = LambdaInventory.DEFAULT_CONCURRENCY;
        return switch (kind) {
            case SSO, PROFILES -> lazy(description,
                    () -> new LambdaInventory(connector, accounts(connector, endpoint), description, n, clock));
            case AGGREGATOR -> {
                if (session == null) {
                    throw new LayerStudioException(text.getString("inventory.needConnection"));
                }
                yield new ConfigAggregatorInventory(session, aggregator, clock);
            }
        };
    }

    /** The accounts read directly (SSO or profiles), listed where this is called: on a worker thread. */
    List<InventoryAccount> accounts(Connector connector, URI endpoint) {
        return kind == SourceKind.SSO
                ? InventoryAccounts.sso(connector, connector.ssoSession(ssoSession.strip()), roleOrNull(), endpoint,
                LambdaInventory.DEFAULT_CONCURRENCY)
                : InventoryAccounts.profiles(connector, InventoryViewModel.split(profiles), endpoint);
    }

    private String roleOrNull() {
        return role.isBlank() ? null : role.strip();
    }

    /** A source whose accounts are listed on the worker thread, not here on the JavaFX thread. */
    private static InventorySource lazy(String description, Supplier<InventorySource> make) {
        return new InventorySource() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public Inventory read(List<String> regions, ProgressListener p) {
                return make.get().read(regions, p);
            }

            @Override
            public Inventory refresh(Inventory previous, List<String> selectors, ProgressListener p) {
                return make.get().refresh(previous, selectors, p);
            }
        };
    }

    private String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new LayerStudioException(text.getString(key));
        }
        return value.strip();
    }
}
