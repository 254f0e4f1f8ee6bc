package dev.layerstudio.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventoryFunction;
import dev.layerstudio.model.InventorySlice;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationAggregatorException;

/**
 * The inventory's functions from an AWS Config aggregator: one {@code SelectAggregateResourceConfig}
 * query (all pages) over {@code AWS::Lambda::Function} answers for every account and region the
 * aggregator covers, instead of a call per account and region. Config does not record layer versions,
 * so the inventory holds functions only.
 */
public final class ConfigAggregatorInventory implements InventorySource {

    /** The most rows Config returns per page. */
    static final int PAGE = 100;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsSession session;
    private final String aggregator;
    private final Clock clock;

    /** @param session the account that holds the aggregator, in its region */
    public ConfigAggregatorInventory(AwsSession session, String aggregator, Clock clock) {
        if (aggregator == null || aggregator.isBlank()) {
            throw new LayerStudioException("The name of the AWS Config aggregator is missing.");
        }
        this.session = session;
        this.aggregator = aggregator.strip();
        this.clock = clock;
    }

    @Override
    public String describe() {
        return "AWS Config aggregator '" + aggregator + "'";
    }

    /** The query: every function of the chosen regions (all when none are chosen). */
    static String query(List<String> regions) {
        String where = "resourceType = 'AWS::Lambda::Function'";
        if (!regions.isEmpty()) {
            for (String r : regions) {
                if (!REGION.matcher(r).matches()) {
                    throw new LayerStudioException("'" + r + "' is not an AWS region.");
                }
            }
            where += " AND awsRegion IN (" + regions.stream().distinct().map(r -> "'" + r + "'")
                    .collect(Collectors.joining(", ")) + ")";
        }
        return "SELECT accountId, awsRegion, resourceName, arn, configuration.runtime, configuration.architectures,"
                + " configuration.layers, configuration.lastModified, configuration.codeSize,"
                + " configuration.packageType WHERE " + where;
    }

    @Override
    public Inventory read(List<String> regions, ProgressListener progress) {
        String expression = query(regions);
        Map<String, List<InventoryFunction>> bySlice = new LinkedHashMap<>();
        int[] found = {0};
        try {
            session.config().selectAggregateResourceConfigPaginator(b -> b.expression(expression)
                    .configurationAggregatorName(aggregator).limit(PAGE)).results().forEach(result -> {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new java.util.concurrent.CancellationException("Inventory cancelled");
                        }
                        InventoryFunction f = function(result);
                        if (f != null) {
                            bySlice.computeIfAbsent(f.accountId() + "/" + f.region(), k -> new ArrayList<>()).add(f);
                            progress.message(++found[0] + " functions found");
                        }
                    });
        } catch (NoSuchConfigurationAggregatorException e) {
            throw new LayerStudioException("There is no AWS Config aggregator '" + aggregator + "' in "
                    + session.region() + " for " + session.label() + ".",
                    "Check the name and the region (the aggregator's account and region).", e);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "query AWS Config aggregator '" + aggregator + "'");
        }
        Instant now = clock.instant();
        List<InventorySlice> slices = bySlice.values().stream().map(fs -> new InventorySlice(fs.get(0).accountId(),
                null, fs.get(0).region(), now, fs, List.of(), null)).toList();
        return new Inventory(describe(), false, slices);
    }

    /** One query gives everything at once, so a refresh reads the chosen slices' regions again and keeps the rest. */
    @Override
    public Inventory refresh(Inventory previous, List<String> selectors, ProgressListener progress) {
        List<InventorySlice> chosen = previous.slices().stream()
                .filter(s -> selectors.stream().anyMatch(s::matches)).toList();
        if (chosen.isEmpty()) {
            throw new LayerStudioException("Nothing in the inventory matches " + String.join(", ", selectors) + ".");
        }
        Inventory fresh = read(chosen.stream().map(InventorySlice::region).distinct().toList(), progress);
        List<InventorySlice> replacements = new ArrayList<>();
        for (InventorySlice s : chosen) {
            replacements.add(fresh.slices().stream().filter(f -> f.key().equals(s.key())).findFirst()
                    .orElse(new InventorySlice(s.accountId(), s.accountName(), s.region(), clock.instant(), List.of(),
                            List.of(), null)));
        }
        return previous.withSlices(replacements);
    }

    /** One result row (a JSON document in a string, as Config sends it); null when it is not a function. */
    static InventoryFunction function(String result) {
        JsonNode row;
        try {
            row = JSON.readTree(result);
        } catch (IOException e) {
            throw new LayerStudioException("AWS Config answered a row that is not JSON: " + result, null, e);
        }
        String account = text(row, "accountId");
        String region = text(row, "awsRegion");
        String name = text(row, "resourceName");
        if (account == null || region == null || name == null) {
            return null;
        }
        JsonNode c = row.path("configuration");
        List<String> layers = new ArrayList<>();
        c.path("layers").forEach(l -> {
            String arn = l.isTextual() ? l.asText() : text(l, "arn");
            if (arn != null) {
                layers.add(arn);
            }
        });
        JsonNode archs = c.path("architectures");
        String arch = archs.isArray() && !archs.isEmpty() ? archs.get(0).asText() : null;
        return new InventoryFunction(account, region, name, text(row, "arn"), text(c, "runtime"), arch, layers,
                LambdaMapping.date(text(c, "lastModified")), c.path("codeSize").asLong(-1), text(c, "packageType"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }
}
