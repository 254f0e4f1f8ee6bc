package dev.layerstudio.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The questions platform teams ask of an {@link Inventory}, as pure functions to an
 * {@link InventoryTable}. Usage is always counted over the whole inventory; the filter only
 * chooses which rows are shown (a version used from another account is not "unused" because
 * that account is filtered out).
 */
public final class InventoryAnswers {

    /** The flags that say a function's own layers no longer fit it. */
    static final Set<PlanFlag.Kind> MISMATCH = EnumSet.of(PlanFlag.Kind.RUNTIME_INCOMPATIBLE,
            PlanFlag.Kind.ARCHITECTURE_INCOMPATIBLE, PlanFlag.Kind.FOREIGN_ARCHITECTURE,
            PlanFlag.Kind.FOREIGN_PYTHON_ABI, PlanFlag.Kind.FOREIGN_OS, PlanFlag.Kind.SITE_PACKAGES_VERSION);

    private InventoryAnswers() {
    }

    /**
     * @param contents what the content of some layer versions holds (by versioned ARN), where it was read;
     *                 may be empty: then the mismatch verdict uses declared metadata alone
     */
    public static InventoryTable answer(InventoryView view, Inventory inventory, InventoryFilter filter,
                                        LocalDate today, Map<String, ContentFacts> contents) {
        InventoryTable table = switch (view) {
            case LAYERS -> layers(inventory, filter);
            case RUNTIMES -> runtimes(inventory, filter, today);
            case UNUSED -> unused(inventory, filter);
            case MISMATCHED -> mismatched(inventory, filter, contents);
        };
        List<String> notes = new ArrayList<>(table.notes());
        int failed = inventory.failed().size();
        if (failed > 0) {
            notes.add(0, failed + " of " + inventory.slices().size() + " account-region(s) could not be read;"
                    + " what they hold is missing here.");
        }
        return new InventoryTable(table.title(), table.columns(), table.rows(), notes);
    }

    /** Layer → version → the functions on it, across accounts; versions only known from a function's list too. */
    public static InventoryTable layers(Inventory inventory, InventoryFilter filter) {
        Map<String, String> names = inventory.accountNames();
        Map<String, List<InventoryFunction>> users = users(inventory);
        Map<String, InventoryLayerVersion> read = versions(inventory);
        Set<String> arns = new HashSet<>(read.keySet());
        arns.addAll(users.keySet());
        List<LayerVersionRef> refs = arns.stream().map(LayerVersionRef::tryParse).flatMap(java.util.Optional::stream)
                .filter(r -> filter.account(r.accountId(), names.get(r.accountId())) && filter.region(r.region())
                        && filter.layer(r))
                .filter(r -> filter.runtime() == null || users.getOrDefault(r.arn(), List.of()).stream()
                        .anyMatch(f -> filter.runtime(f.runtime()))
                        || read.containsKey(r.arn()) && read.get(r.arn()).compatibleRuntimes().stream()
                        .anyMatch(filter::runtime))
                .sorted(Comparator.comparing(LayerVersionRef::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(LayerVersionRef::accountId).thenComparing(LayerVersionRef::region)
                        .thenComparing(Comparator.comparingLong(LayerVersionRef::version).reversed()))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        int notRead = 0;
        for (LayerVersionRef r : refs) {
            InventoryLayerVersion v = read.get(r.arn());
            List<InventoryFunction> on = users.getOrDefault(r.arn(), List.of());
            if (v == null) {
                notRead++;
            }
            rows.add(List.of(r.name(), Long.toString(r.version()), account(r.accountId(), names), r.region(),
                    v == null ? "" : size(v.codeSize()), v == null ? "not read" : String.join(" ", v.compatibleRuntimes()),
                    v == null ? "" : String.join(" ", v.compatibleArchitectures()), v == null ? "" : date(v.created()),
                    v == null ? "" : String.join("; ", v.sharedWith()), Integer.toString(on.size()),
                    String.join("; ", on.stream().map(f -> account(f.accountId(), names) + "/" + f.region() + "/"
                            + f.name()).toList()), r.arn()));
        }
        List<String> notes = new ArrayList<>();
        if (notRead > 0) {
            notes.add(notRead + " version(s) are known only from functions' layer lists (another account's, or"
                    + " not read): their size, runtimes and grants are not shown.");
        }
        return new InventoryTable("Layer versions and the functions on them", List.of(col("layer", "Layer"),
                col("version", "Version"), col("account", "Account"), col("region", "Region"),
                col("sizeBytes", "Size (bytes)"), col("runtimes", "Runtimes"), col("architectures", "Architectures"),
                col("created", "Created"), col("sharedWith", "Shared with"), col("functions", "Functions"),
                col("usedBy", "Used by"), col("arn", "ARN")), rows, notes);
    }

    /** Every function with its runtime's deprecation and block dates, most urgent runtime first. */
    public static InventoryTable runtimes(Inventory inventory, InventoryFilter filter, LocalDate today) {
        Map<String, String> names = inventory.accountNames();
        List<InventoryFunction> fns = inventory.functions().stream()
                .filter(f -> filter.function(f, names.get(f.accountId())))
                .sorted(Comparator.comparing((InventoryFunction f) -> urgency(f.runtime(), today))
                        .thenComparing(f -> f.runtime() == null ? "" : f.runtime())
                        .thenComparing(f -> account(f.accountId(), names)).thenComparing(InventoryFunction::region)
                        .thenComparing(InventoryFunction::name))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (InventoryFunction f : fns) {
            RuntimeDates d = RuntimeDates.of(f.runtime()).orElse(null);
            String status = f.runtime() == null ? "container image" : RuntimeDates.status(f.runtime(), today).label();
            rows.add(List.of(f.runtime() == null ? "" : f.runtime(), status, d == null ? "" : day(d.deprecated()),
                    d == null ? "" : day(d.blockCreate()), d == null ? "" : day(d.blockUpdate()),
                    account(f.accountId(), names), f.region(), f.name(), f.architecture(),
                    Integer.toString(f.layers().size()), date(f.lastModified())));
        }
        Map<String, Integer> counts = new TreeMap<>();
        fns.forEach(f -> counts.merge(f.runtime() == null ? "container image" : f.runtime(), 1, Integer::sum));
        List<String> notes = new ArrayList<>();
        if (!counts.isEmpty()) {
            notes.add("Functions per runtime: " + String.join(", ", counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()) + ".");
        }
        return new InventoryTable("Functions by runtime (" + today + ")", List.of(col("runtime", "Runtime"),
                col("status", "Status"), col("deprecated", "Deprecated"), col("blockCreate", "Block create"),
                col("blockUpdate", "Block update"), col("account", "Account"), col("region", "Region"),
                col("function", "Function"), col("architecture", "Architecture"), col("layers", "Layers"),
                col("lastModified", "Last modified")), rows, notes);
    }

    /** Layer versions that no function of the inventory uses: cleanup candidates, oldest first. */
    public static InventoryTable unused(Inventory inventory, InventoryFilter filter) {
        if (!inventory.layerVersionsRead()) {
            throw new LayerStudioException("This inventory has no layer versions (" + inventory.source()
                    + " reads functions only), so unused versions cannot be found.",
                    "Read the accounts themselves (--sso-session or --profiles) for this answer.", null);
        }
        Map<String, String> names = inventory.accountNames();
        Set<String> used = users(inventory).keySet();
        List<InventoryLayerVersion> unused = inventory.layerVersions().stream()
                .filter(v -> !used.contains(v.arn()))
                .filter(v -> {
                    LayerVersionRef r = v.ref();
                    return filter.account(r.accountId(), names.get(r.accountId())) && filter.region(r.region())
                            && filter.layer(r) && (filter.runtime() == null
                            || v.compatibleRuntimes().stream().anyMatch(filter::runtime));
                })
                .sorted(Comparator.comparing((InventoryLayerVersion v) -> v.ref().name(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(v -> v.ref().accountId()).thenComparing(v -> v.ref().region())
                        .thenComparingLong(v -> v.ref().version()))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        long shared = 0;
        for (InventoryLayerVersion v : unused) {
            LayerVersionRef r = v.ref();
            boolean isShared = !v.sharedWith().isEmpty();
            shared += isShared ? 1 : 0;
            rows.add(List.of(r.name(), Long.toString(r.version()), account(r.accountId(), names), r.region(),
                    size(v.codeSize()), date(v.created()), String.join("; ", v.sharedWith()),
                    isShared ? "shared: accounts outside this inventory may use it" : "", r.arn()));
        }
        List<String> notes = new ArrayList<>();
        if (shared > 0) {
            notes.add(shared + " of these version(s) are shared beyond their account; functions in accounts this"
                    + " inventory did not read may use them.");
        }
        notes.add("Delete account by account with 'delete', which shows each version's users again before it deletes.");
        return new InventoryTable("Layer versions no function uses", List.of(col("layer", "Layer"),
                col("version", "Version"), col("account", "Account"), col("region", "Region"),
                col("sizeBytes", "Size (bytes)"), col("created", "Created"), col("sharedWith", "Shared with"),
                col("note", "Note"), col("arn", "ARN")), rows, notes);
    }

    /**
     * Functions whose layers no longer match their runtime or architecture, judged as the attach
     * planner judges a layer new to a function: each function's current list is planned onto an
     * empty one, so every layer gets the compatibility verdict (declared metadata, and content
     * where {@code contents} has it).
     */
    public static InventoryTable mismatched(Inventory inventory, InventoryFilter filter,
                                            Map<String, ContentFacts> contents) {
        Map<String, String> names = inventory.accountNames();
        Map<String, InventoryLayerVersion> read = versions(inventory);
        PlanFacts facts = PlanFacts.of(read.values().stream().map(InventoryLayerVersion::toVersionInfo).toList());
        for (Map.Entry<String, ContentFacts> c : contents.entrySet()) {
            facts = facts.withContent(c.getKey(), c.getValue());
        }
        List<List<String>> rows = new ArrayList<>();
        Set<String> unjudged = new HashSet<>();
        for (InventoryFunction f : inventory.functions()) {
            if (!filter.account(f.accountId(), names.get(f.accountId())) || !filter.region(f.region())
                    || !filter.runtime(f.runtime()) || f.layers().isEmpty()) {
                continue;
            }
            FunctionInfo bare = f.toFunctionInfo().withLayers(List.of(), null);
            FunctionPlan plan = AttachPlanner.planFor(bare, new PlanChange.SetLayers(null, f.layers()), facts);
            for (PlanFlag flag : plan.flags()) {
                if (!MISMATCH.contains(flag.kind()) || flag.layerArn() == null) {
                    continue;
                }
                LayerVersionRef r = LayerVersionRef.tryParse(flag.layerArn()).orElse(null);
                if (r == null || !filter.layer(r)) {
                    continue;
                }
                rows.add(List.of(account(f.accountId(), names), f.region(), f.name(),
                        f.runtime() == null ? "" : f.runtime(), f.architecture(), r.name() + ":" + r.version(),
                        flag.severity() == PlanFlag.Severity.INCOMPATIBLE ? "breaks" : "warning",
                        flag.kind().name().toLowerCase(java.util.Locale.ROOT), flag.message()));
            }
            f.layerRefs().stream().filter(r -> !read.containsKey(r.arn()) && !contents.containsKey(r.arn()))
                    .filter(filter::layer).forEach(r -> unjudged.add(r.arn()));
        }
        rows.sort(Comparator.comparing((List<String> r) -> r.get(6)).thenComparing(r -> r.get(0))
                .thenComparing(r -> r.get(1)).thenComparing(r -> r.get(2)));
        List<String> notes = new ArrayList<>();
        if (!unjudged.isEmpty()) {
            notes.add(unjudged.size() + " layer version(s) in use were not read (another account's, or deleted), so"
                    + " the functions on them were not judged against them.");
        }
        if (contents.isEmpty()) {
            notes.add("Judged on declared runtimes and architectures; the layers' content was not read.");
        } else {
            notes.add("Judged on what " + contents.size() + " version(s) hold (native files, CPython ABIs,"
                    + " site-packages) and on the declared runtimes and architectures of the rest.");
        }
        return new InventoryTable("Functions whose layers no longer match them", List.of(col("account", "Account"),
                col("region", "Region"), col("function", "Function"), col("runtime", "Runtime"),
                col("architecture", "Architecture"), col("layer", "Layer"), col("verdict", "Verdict"),
                col("kind", "Kind"), col("why", "Why")), rows, notes);
    }

    /** The versions this inventory read that some function of it uses (whose content the mismatch verdict can use). */
    public static List<String> usedVersions(Inventory inventory) {
        Set<String> used = users(inventory).keySet();
        return inventory.layerVersions().stream().map(InventoryLayerVersion::arn).filter(used::contains).toList();
    }

    /** Versioned layer ARN to the functions (of the whole inventory) that have it in their list. */
    static Map<String, List<InventoryFunction>> users(Inventory inventory) {
        Map<String, List<InventoryFunction>> users = new HashMap<>();
        for (InventoryFunction f : inventory.functions()) {
            for (String arn : f.layers()) {
                users.computeIfAbsent(arn, k -> new ArrayList<>()).add(f);
            }
        }
        return users;
    }

    private static Map<String, InventoryLayerVersion> versions(Inventory inventory) {
        Map<String, InventoryLayerVersion> m = new LinkedHashMap<>();
        inventory.layerVersions().forEach(v -> m.put(v.arn(), v));
        return m;
    }

    private static int urgency(String runtime, LocalDate today) {
        if (runtime == null) {
            return 5;
        }
        return switch (RuntimeDates.status(runtime, today)) {
            case UPDATE_BLOCKED -> 0;
            case CREATE_BLOCKED -> 1;
            case DEPRECATED -> 2;
            case SUPPORTED -> 3;
            case UNKNOWN -> 4;
        };
    }

    private static InventoryTable.Column col(String key, String header) {
        return new InventoryTable.Column(key, header);
    }

    private static String account(String id, Map<String, String> names) {
        String name = names.get(id);
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    private static String size(long bytes) {
        return bytes < 0 ? "" : Long.toString(bytes);
    }

    private static String date(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String day(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
