package dev.layerstudio.aws;

import dev.layerstudio.model.CleanupResult;
import dev.layerstudio.model.CleanupResult.Outcome;
import dev.layerstudio.model.DeletePlan;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryAccount;
import dev.layerstudio.model.InventoryLayerVersion;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Deletes unused layer versions an inventory found, account by account and region by region,
 * each through the guarded delete ({@link SdkLayerService#prepareDelete} then
 * {@link SdkLayerService#delete}): the version's functions are read again just before, and a version
 * someone started using since, one whose usage could not be read completely, or one shared beyond
 * its account (other accounts' functions are not visible here) is kept, with why.
 */
public final class InventoryCleanup {

    private final Connector connector;
    private final List<InventoryAccount> accounts;

    public InventoryCleanup(Connector connector, List<InventoryAccount> accounts) {
        this.connector = connector;
        this.accounts = List.copyOf(accounts);
    }

    /** @param arns the versions to delete, as the inventory's unused answer listed them */
    public List<CleanupResult> delete(Inventory inventory, List<String> arns, ProgressListener progress) {
        Map<String, List<LayerVersionRef>> byAccountRegion = new LinkedHashMap<>();
        List<CleanupResult> results = new ArrayList<>();
        for (String arn : arns) {
            Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(arn).filter(LayerVersionRef::isVersioned);
            if (ref.isEmpty()) {
                results.add(new CleanupResult(arn, Outcome.FAILED, "'" + arn + "' is not a layer version ARN."));
                continue;
            }
            byAccountRegion.computeIfAbsent(ref.get().accountId() + "/" + ref.get().region(), k -> new ArrayList<>())
                    .add(ref.get());
        }
        Map<String, InventoryLayerVersion> known = new LinkedHashMap<>();
        inventory.layerVersions().forEach(v -> known.put(v.arn(), v));
        int done = 0;
        for (List<LayerVersionRef> group : byAccountRegion.values()) {
            LayerVersionRef first = group.get(0);
            Optional<InventoryAccount> account = InventoryAccounts.holding(accounts, inventory, first.accountId());
            if (account.isEmpty()) {
                group.forEach(r -> results.add(new CleanupResult(r.arn(), Outcome.FAILED, "Account "
                        + r.accountId() + " is not one of this inventory's readable accounts.")));
                continue;
            }
            try (AwsSession session = connector.connect(account.get().spec().withRegion(first.region()))) {
                SdkLayerService layers = new SdkLayerService(session);
                for (LayerVersionRef r : group) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("Cleanup cancelled");
                    }
                    results.add(deleteOne(layers, r, known.get(r.arn())));
                    progress.progress(++done, arns.size());
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                String why = AwsErrors.translate(e, "connect to " + account.get().name()).getMessage();
                group.stream().filter(r -> results.stream().noneMatch(x -> x.arn().equals(r.arn())))
                        .forEach(r -> results.add(new CleanupResult(r.arn(), Outcome.FAILED, why)));
            }
        }
        return results;
    }

    private static CleanupResult deleteOne(SdkLayerService layers, LayerVersionRef r, InventoryLayerVersion known) {
        if (known != null && !known.sharedWith().isEmpty()) {
            return new CleanupResult(r.arn(), Outcome.KEPT, "It is shared (" + String.join("; ", known.sharedWith())
                    + "); functions in other accounts may use it. Delete it with 'delete' if you are sure.");
        }
        try {
            DeletePlan plan = layers.prepareDelete(r.name(), r.version());
            if (plan.inUse()) {
                return new CleanupResult(r.arn(), Outcome.KEPT, plan.usedBy().size()
                        + " function(s) use it now: " + String.join(", ", plan.usedBy().stream()
                        .map(u -> u.functionName()).toList()) + ".");
            }
            if (!plan.complete()) {
                return new CleanupResult(r.arn(), Outcome.KEPT, "Not every function of " + r.region()
                        + " could be read, so it may still be in use.");
            }
            layers.delete(plan, true);
            return new CleanupResult(r.arn(), Outcome.DELETED, "");
        } catch (LayerStudioException e) {
            if (AwsErrors.cancelled(e)) {
                throw new CancellationException("Cleanup cancelled");
            }
            return new CleanupResult(r.arn(), Outcome.FAILED, e.getMessage());
        }
    }
}
