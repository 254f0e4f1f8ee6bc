package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ConfigAggregatorInventory;
import dev.layerstudio.aws.Connector;
import dev.layerstudio.aws.InventoryAccounts;
import dev.layerstudio.aws.InventoryCache;
import dev.layerstudio.aws.InventoryCleanup;
import dev.layerstudio.aws.InventoryContents;
import dev.layerstudio.inspect.ContentFactsInspector;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.aws.InventorySource;
import dev.layerstudio.aws.LambdaInventory;
import dev.layerstudio.aws.Regions;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.CleanupResult;
import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryAccount;
import dev.layerstudio.model.InventoryAnswers;
import dev.layerstudio.model.InventoryFilter;
import dev.layerstudio.model.InventoryTable;
import dev.layerstudio.model.InventoryView;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.SsoSessionInfo;
import java.io.Console;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inventory}: every function and layer version of many accounts and regions (an SSO
 * sign-in's accounts, several profiles, or an AWS Config aggregator), and the answers on top.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Every function and layer version across accounts and regions: layers and who uses them,"
                + " runtimes and their deprecation dates, unused versions, mismatched layers.")
public final class InventoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sso-session", paramLabel = "NAME",
            description = "Read every account of this IAM Identity Center sign-in.")
    String ssoSession;

    @Option(names = "--role", paramLabel = "NAME",
            description = "The role to read each SSO account with (default: the account's only role).")
    String role;

    @Option(names = "--profiles", split = ",", arity = "1..*", paramLabel = "PROFILE",
            description = "Read the accounts of these profiles.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--config-aggregator", paramLabel = "NAME",
            description = "Read every function in one query of this AWS Config aggregator (in the --profile's"
                    + " account and --region); layer versions are not read this way.")
    String aggregator;

    @Option(names = "--all-regions", description = "Every region where Lambda runs.")
    boolean allRegions;

    @Option(names = "--regions", split = ",", arity = "1..*", paramLabel = "REGION",
            description = "These regions (default: the chosen --region; for an aggregator, all).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "layers",
            description = "layers (default), runtimes, unused or mismatched.")
    String view;

    @Option(names = "--account", split = ",", arity = "1..*", paramLabel = "ACCOUNT",
            description = "Show only these accounts (id or name).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--layer", paramLabel = "NAME", description = "Show only this layer (name or ARN).")
    String layer;

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "Show only this runtime.")
    String runtime;

    @Option(names = "--csv", description = "Print the table as CSV.")
    boolean csv;

    @Option(names = "--cached", description = "Answer from the last inventory of these accounts; read nothing.")
    boolean cached;

    @Option(names = "--refresh", split = ",", arity = "1..*", paramLabel = "ACCOUNT[/REGION]",
            description = "Read only these accounts (or account/region) again; the rest comes from the cache.")
    List<String> refresh = new ArrayList<>();

    @Option(names = "--read-content", description = "With --view mismatched: read what each version in use holds"
            + " (native files, CPython ABIs), not only what it declares.")
    boolean readContent;

    @Option(names = "--delete-unused", description = "With --view unused: delete the versions shown, account by"
            + " account; each is checked for users again just before, and shared ones are kept.")
    boolean deleteUnused;

    @Option(names = "--yes", description = "Confirm --delete-unused without asking.")
    boolean yes;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + LambdaInventory.DEFAULT_CONCURRENCY,
            description = "How many account-regions are read at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        InventoryView chosen = InventoryView.parse(view);
        if (csv && options.json()) {
            throw new LayerStudioException("Choose either --csv or --json.");
        }
        int sources = (ssoSession != null ? 1 : 0) + (profiles.isEmpty() ? 0 : 1) + (aggregator != null ? 1 : 0);
        if (sources > 1) {
            throw new LayerStudioException("Choose one of --sso-session, --profiles and --config-aggregator.");
        }
        if (cached && !refresh.isEmpty()) {
            throw new LayerStudioException("--cached reads nothing; --refresh reads some accounts again. Choose one.");
        }
        Clock clock = Clock.systemUTC();
        InventoryCache cache = InventoryCache.inCache(AppDirs.current());
        Inventory inventory;
        Source sourceUsed;
        AwsSession aggregatorSession = aggregator != null && !cached ? options.session() : null;
        try {
            Source source = source(options, aggregatorSession, clock);
            sourceUsed = source;
            if (cached || !refresh.isEmpty()) {
                Inventory previous = cache.load(source.description()).orElseThrow(() -> new LayerStudioException(
                        "There is no saved inventory of " + source.description() + ".",
                        "Run the same command without --cached or --refresh first.", null));
                inventory = cached ? previous : source.open().refresh(previous, refresh, progress(out));
            } else {
                inventory = source.open().read(targetRegions(options, aggregator != null), progress(out));
            }
        } finally {
            if (aggregatorSession != null) {
                aggregatorSession.close();
            }
        }
        if (!cached) {
            cache.save(inventory);
        }
        List<String> shownRegions = allRegions ? List.of() : regions;
        Map<String, ContentFacts> contents = Map.of();
        if (readContent && chosen == InventoryView.MISMATCHED) {
            if (aggregator != null) {
                throw new LayerStudioException("--read-content needs the accounts themselves, not an aggregator.",
                        "Use --sso-session or --profiles.", null);
            }
            contents = new InventoryContents(options.connector(), sourceUsed.accounts(),
                    new ContentFactsInspector(new Inspector()), Math.max(1, concurrency))
                    .read(inventory, InventoryAnswers.usedVersions(inventory), ProgressListener.NONE);
        }
        InventoryTable table = InventoryAnswers.answer(chosen, inventory,
                InventoryFilter.of(accounts, shownRegions, layer, runtime), LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                contents);
        List<CleanupResult> cleaned = List.of();
        if (deleteUnused) {
            if (chosen != InventoryView.UNUSED) {
                throw new LayerStudioException("--delete-unused goes with --view unused.");
            }
            cleaned = cleanup(options, sourceUsed, inventory, table, out);
        }
        if (csv) {
            out.out().print(table.toCsv());
            out.out().flush();
        } else if (options.json()) {
            Map<String, Object> doc = InventoryViews.json(chosen, inventory, table);
            if (deleteUnused) {
                doc.put("cleanup", cleaned);
            }
            out.document(doc);
        } else {
            InventoryViews.print(out, inventory, table);
            cleaned.forEach(c -> out.line("%s: %s%s", c.arn(), c.outcome().name().toLowerCase(Locale.ROOT),
                    c.message().isEmpty() ? "" : " - " + c.message()));
        }
        boolean cleanFailed = cleaned.stream().anyMatch(c -> c.outcome() == CleanupResult.Outcome.FAILED);
        return inventory.complete() && !cleanFailed ? 0 : FailureHandler.FAILED;
    }

    /**
     * A source known by its description before anything is read (so --cached needs no network); the
     * accounts are listed once, when first needed.
     */
    private static final class Source {
        private final String description;
        private final Supplier<List<InventoryAccount>> lister;
        private final Function<List<InventoryAccount>, InventorySource> maker;
        private List<InventoryAccount> accounts;

        Source(String description, Supplier<List<InventoryAccount>> lister,
               Function<List<InventoryAccount>, InventorySource> maker) {
            this.description = description;
            this.lister = lister;
            this.maker = maker;
        }

        String description() {
            return description;
        }

        List<InventoryAccount> accounts() {
            if (accounts == null) {
                accounts = lister.get();
            }
            return accounts;
        }

        InventorySource open() {
            return maker.apply(accounts());
        }
    }

    private Source source(GlobalOptions options, AwsSession aggregatorSession, Clock clock) {
        Connector connector = options.connector();
        URI endpoint = options.endpoint();
        int n = Math.max(1, concurrency);
        if (aggregator != null) {
            String description = "AWS Config aggregator '" + aggregator.strip() + "'";
            return new Source(description, List::of,
                    none -> new ConfigAggregatorInventory(aggregatorSession, aggregator, clock));
        }
        String description;
        Supplier<List<InventoryAccount>> lister;
        if (ssoSession != null) {
            SsoSessionInfo session = connector.chooseSsoSession(ssoSession, null);
            description = "IAM Identity Center session '" + session.name() + "'" + (role == null ? "" : " (role "
                    + role + ")");
            lister = () -> InventoryAccounts.sso(connector, session, role, endpoint, n);
        } else if (!profiles.isEmpty()) {
            description = "profiles " + String.join(", ", profiles.stream().map(String::strip).distinct().toList());
            lister = () -> InventoryAccounts.profiles(connector, profiles, endpoint);
        } else {
            String profile = options.profile();
            String name = profile != null ? profile : connector.environment().profile() != null
                    ? connector.environment().profile() : "default";
            description = "profile " + name;
            lister = () -> List.of(new InventoryAccount(null, name, ConnectionSpec.profile(profile, null, endpoint),
                    null));
        }
        return new Source(description, lister, accounts -> new LambdaInventory(connector, accounts, description, n,
                clock));
    }

    /** Deletes the unused versions of the table through the guarded delete, once confirmed. */
    private List<CleanupResult> cleanup(GlobalOptions options, Source source, Inventory inventory,
                                        InventoryTable table, Output out) {
        if (aggregator != null) {
            throw new LayerStudioException("--delete-unused needs the accounts themselves, not an aggregator.",
                    "Use --sso-session or --profiles.", null);
        }
        List<String> arns = table.records().stream().map(r -> r.get("arn")).toList();
        if (arns.isEmpty()) {
            return List.of();
        }
        if (!yes && !ask(out, arns.size())) {
            throw new LayerStudioException("Nothing was deleted: the deletion was not confirmed.",
                    "Pass --yes to delete without asking.", null);
        }
        return new InventoryCleanup(options.connector(), source.accounts()).delete(inventory, arns,
                ProgressListener.NONE);
    }

    private static boolean ask(Output out, int count) {
        Console console = System.console();
        if (console == null) {
            out.note("Not deleting without confirmation: pass --yes.");
            return false;
        }
        String answer = console.readLine("Delete these %d version(s)? Each is checked for users again first. [y/N] ",
                count);
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private List<String> targetRegions(GlobalOptions options, boolean aggregatorSource) {
        if (allRegions) {
            return Regions.lambdaRegions();
        }
        if (!regions.isEmpty()) {
            return regions.stream().map(String::strip).distinct().toList();
        }
        if (aggregatorSource) {
            return List.of();
        }
        String region = options.region() != null ? options.region()
                : options.connector().defaultRegion(options.profile());
        return List.of(region);
    }

    /** Progress on stderr: at most about once a second, and the last step, so a long read shows it moves. */
    private static ProgressListener progress(Output out) {
        return new ProgressListener() {
            private long done;
            private long total = -1;
            private long lastNote;

            @Override
            public synchronized void progress(long d, long t) {
                done = d;
                total = t;
            }

            @Override
            public synchronized void message(String message) {
                long now = System.nanoTime();
                if (lastNote == 0 || now - lastNote >= 1_000_000_000L || total > 0 && done == total) {
                    lastNote = now;
                    out.note(message);
                }
            }
        };
    }
}
