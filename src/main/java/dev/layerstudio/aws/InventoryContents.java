package dev.layerstudio.aws;

import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.ContentFactsReader;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryAccount;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.ProgressListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the content of an inventory's layer versions holds, for the mismatch verdict: each version
 * is located in its own account and region (GetLayerVersion, pre-signing {@code s3://} locations)
 * and read through a {@link ContentFactsReader} (Range reads, cached by SHA-256). Account-regions are
 * read a few at a time; a version whose content cannot be read is left out and judged on its
 * declared metadata.
 */
public final class InventoryContents {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryContents.class);

    private final Connector connector;
    private final List<InventoryAccount> accounts;
    private final ContentFactsReader reader;
    private final int concurrency;

    public InventoryContents(Connector connector, List<InventoryAccount> accounts, ContentFactsReader reader,
                             int concurrency) {
        this.connector = connector;
        this.accounts = List.copyOf(accounts);
        this.reader = reader;
        this.concurrency = Math.max(1, concurrency);
    }

    public Map<String, ContentFacts> read(Inventory inventory, Collection<String> arns, ProgressListener progress) {
        Map<String, List<LayerVersionRef>> groups = new LinkedHashMap<>();
        for (String arn : arns) {
            LayerVersionRef.tryParse(arn).filter(LayerVersionRef::isVersioned).ifPresent(r -> groups
                    .computeIfAbsent(r.accountId() + "/" + r.region(), k -> new ArrayList<>()).add(r));
        }
        Map<String, ContentFacts> facts = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        Bounded.map(List.copyOf(groups.values()), concurrency, "inventory-content", group -> {
            LayerVersionRef first = group.get(0);
            Optional<InventoryAccount> account = InventoryAccounts.holding(accounts, inventory, first.accountId());
            if (account.isEmpty()) {
                return null;
            }
            try (AwsSession session = connector.connect(account.get().spec().withRegion(first.region()))) {
                LayerContentLocator locator = new LayerContentLocator();
                for (LayerVersionRef r : group) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("Reading layer contents cancelled");
                    }
                    try {
                        facts.put(r.arn(), reader.read(locator.locate(session, r.arn())));
                    } catch (LayerStudioException e) {
                        if (AwsErrors.cancelled(e)) {
                            throw new CancellationException("Reading layer contents cancelled");
                        }
                        LOG.info("Could not read the content of {}: {}", r.arn(), e.getMessage());
                    }
                    progress.progress(done.incrementAndGet(), arns.size());
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                if (AwsErrors.cancelled(e)) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Reading layer contents cancelled");
                }
                LOG.info("Could not reach {} for layer contents: {}", account.get().name(), e.getMessage());
            }
            return null;
        });
        return Map.copyOf(facts);
    }
}
