package dev.layerstudio.aws;

import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryAccount;
import dev.layerstudio.model.InventoryFailure;
import dev.layerstudio.model.InventoryFunction;
import dev.layerstudio.model.InventoryLayerVersion;
import dev.layerstudio.model.InventorySlice;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.LayerPermission;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The inventory read from the accounts themselves: every (account, region) slice on its own,
 * a few at a time, each with its own Lambda client in the SDK's adaptive retry mode (it slows
 * down when AWS throttles the account). Credentials come once per account from the connector
 * (an SSO sign-in's role credentials, or a profile), never a prompt per account.
 */
public final class LambdaInventory implements InventorySource {

    /** How many slices are read at once. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private static final Logger LOG = LoggerFactory.getLogger(LambdaInventory.class);
    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private final Connector connector;
    private final List<InventoryAccount> accounts;
    private final String description;
    private final int concurrency;
    private final Clock clock;

    public LambdaInventory(Connector connector, List<InventoryAccount> accounts, String description, int concurrency,
                           Clock clock) {
        this.connector = connector;
        this.accounts = List.copyOf(accounts);
        this.description = description;
        this.concurrency = Math.max(1, concurrency);
        this.clock = clock;
    }

    @Override
    public String describe() {
        return description;
    }

    private record Task(InventoryAccount account, String region) {
    }

    @Override
    public Inventory read(List<String> regions, ProgressListener progress) {
        if (regions.isEmpty()) {
            throw new LayerStudioException("No region was chosen for the inventory.",
                    "Pass --regions R1,R2 or --all-regions.", null);
        }
        for (String r : regions) {
            if (!REGION.matcher(r).matches()) {
                throw new LayerStudioException("'" + r + "' is not an AWS region.",
                        "Use region ids such as us-east-1 or eu-west-1, separated by commas.", null);
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (InventoryAccount a : accounts) {
            regions.stream().distinct().forEach(r -> tasks.add(new Task(a, r)));
        }
        return new Inventory(description, true, readSlices(tasks, progress));
    }

    @Override
    public Inventory refresh(Inventory previous, List<String> selectors, ProgressListener progress) {
        List<Task> tasks = new ArrayList<>();
        for (InventorySlice s : previous.slices()) {
            if (selectors.stream().noneMatch(s::matches)) {
                continue;
            }
            accounts.stream().filter(a -> s.accountId().equals(a.accountId()) || s.accountName().equals(a.name()))
                    .findFirst().ifPresent(a -> tasks.add(new Task(a, s.region())));
        }
        if (tasks.isEmpty()) {
            throw new LayerStudioException("Nothing in the inventory matches " + String.join(", ", selectors) + ".",
                    "Name an account (id or name) or ACCOUNT/REGION that the inventory holds.", null);
        }
        return previous.withSlices(readSlices(tasks, progress));
    }

    private List<InventorySlice> readSlices(List<Task> tasks, ProgressListener progress) {
        Map<InventoryAccount, AccountConnection> connections = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger functions = new AtomicInteger();
        progress.progress(0, tasks.size());
        try {
            return Bounded.map(tasks, concurrency, "inventory", t -> {
                AccountConnection c = connections.computeIfAbsent(t.account(), AccountConnection::new);
                InventorySlice slice = read(c, t.region());
                int n = done.incrementAndGet();
                int found = functions.addAndGet(slice.functions().size());
                progress.progress(n, tasks.size());
                progress.message(n + " of " + tasks.size() + " account-regions read, " + found + " functions found");
                return slice;
            });
        } finally {
            connections.values().forEach(AccountConnection::close);
        }
    }

    private InventorySlice read(AccountConnection c, String region) {
        InventoryAccount account = c.account;
        InventoryFailure opened = c.open(region);
        if (opened != null) {
            return InventorySlice.failed(c.accountId(), account.name(), region, clock.instant(), opened);
        }
        String accountId = c.accountId();
        try (AwsSession session = c.session.inRegion(region, RetryMode.ADAPTIVE_V2)) {
            List<InventoryFunction> functions = functions(session.lambda(), accountId, region);
            List<InventoryLayerVersion> versions = new ArrayList<>();
            SdkLayerService layers = new SdkLayerService(session, new SdkLayerService.Options(
                    SdkLayerService.Options.defaults().directUploadBytes(),
                    SdkLayerService.Options.defaults().partSize(), 1));
            for (LayerInfo layer : layers.listLayers()) {
                for (LayerVersionInfo v : layer.versions()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("Inventory cancelled");
                    }
                    versions.add(InventoryLayerVersion.of(v, sharedWith(layers, v)));
                }
            }
            return new InventorySlice(accountId, account.name(), region, clock.instant(), functions, versions, null);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (AwsErrors.cancelled(e)) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Inventory cancelled");
            }
            LOG.warn("Inventory of {} in {} failed: {}", account.name(), region, e.getMessage());
            LOG.debug("Why the inventory of {} in {} failed", account.name(), region, e);
            return InventorySlice.failed(accountId, account.name(), region, clock.instant(),
                    InventoryFailures.classify(e, "read " + account.name() + " in " + region, true));
        }
    }

    /** Who may use a version besides its account; one cell saying why when the policy could not be read. */
    private static List<String> sharedWith(SdkLayerService layers, LayerVersionInfo v) {
        try {
            return layers.permissions(v.name(), v.version()).stream().map(LayerPermission::describe).distinct()
                    .toList();
        } catch (LayerStudioException e) {
            if (AwsErrors.cancelled(e)) {
                throw e;
            }
            return List.of("not read (" + e.getMessage().replaceAll("\\.$", "") + ")");
        }
    }

    static List<InventoryFunction> functions(LambdaClient lambda, String accountId, String region) {
        List<InventoryFunction> out = new ArrayList<>();
        try {
            for (FunctionConfiguration f : lambda.listFunctionsPaginator(b -> b.maxItems(SdkFunctionService.PAGE_SIZE))
                    .functions()) {
                List<String> archs = f.architecturesAsStrings();
                out.add(new InventoryFunction(accountId, region, f.functionName(), f.functionArn(),
                        f.runtimeAsString(), archs == null || archs.isEmpty() ? null : archs.get(0),
                        f.layers() == null ? List.of() : f.layers().stream().map(l -> l.arn()).toList(),
                        LambdaMapping.date(f.lastModified()), f.codeSize() == null ? -1 : f.codeSize(),
                        f.packageTypeAsString()));
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "list the functions in " + region);
        }
        return out;
    }

    /** One account's connection, opened once by the first slice that needs it and shared by its regions. */
    private final class AccountConnection {
        private final InventoryAccount account;
        private AwsSession session;
        private String accountId;
        private InventoryFailure failure;
        private boolean opened;

        AccountConnection(InventoryAccount account) {
            this.account = account;
            this.accountId = account.accountId();
        }

        synchronized InventoryFailure open(String region) {
            if (opened) {
                return failure;
            }
            opened = true;
            if (account.failure() != null) {
                failure = account.failure();
                return failure;
            }
            try {
                ConnectionSpec spec = account.spec().withRegion(region);
                session = connector.connect(spec);
                if (accountId == null) {
                    accountId = session.whoAmI().accountId();
                } else {
                    session.credentials().resolveCredentials();
                }
            } catch (RuntimeException e) {
                if (AwsErrors.cancelled(e)) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Inventory cancelled");
                }
                LOG.warn("Could not connect to {}: {}", account.name(), e.getMessage());
                LOG.debug("Why {} could not be reached", account.name(), e);
                failure = InventoryFailures.classify(e, "connect to " + account.name(), false);
                close();
            }
            return failure;
        }

        synchronized String accountId() {
            return accountId != null ? accountId : account.name();
        }

        synchronized void close() {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }
}
