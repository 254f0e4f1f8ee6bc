package dev.layerstudio.aws;

import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.ProgressListener;
import java.util.List;

/**
 * Where the organization inventory comes from: the accounts themselves, region by region
 * ({@link LambdaInventory}), or one AWS Config aggregator query ({@link ConfigAggregatorInventory}).
 * Both give the same table of functions.
 */
public interface InventorySource {

    /** What is read, for people and as the cache key: "profiles a, b". */
    String describe();

    /**
     * Reads the chosen regions (empty: every region the source knows). Parts that fail are kept as
     * failed slices with their reason; interrupting the calling thread cancels
     * ({@link java.util.concurrent.CancellationException}).
     */
    Inventory read(List<String> regions, ProgressListener progress);

    /**
     * {@code previous} with the slices {@code selectors} name ({@code ACCOUNT} or {@code ACCOUNT/REGION},
     * by id or name) read again; the rest kept as they were, with their own read times.
     */
    Inventory refresh(Inventory previous, List<String> selectors, ProgressListener progress);
}
