package dev.layerstudio.cli;

import dev.layerstudio.model.Inventory;
import dev.layerstudio.model.InventorySlice;
import dev.layerstudio.model.InventoryTable;
import dev.layerstudio.model.InventoryView;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inventory's table for people (aligned columns) and as one JSON document, both from the same cells. */
final class InventoryViews {

    private InventoryViews() {
    }

    static Map<String, Object> json(InventoryView view, Inventory inventory, InventoryTable table) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", inventory.source());
        m.put("view", view.id());
        m.put("title", table.title());
        m.put("readAt", inventory.oldestRead() == null ? null : inventory.oldestRead().toString());
        m.put("complete", inventory.complete());
        m.put("accountRegions", inventory.slices().size());
        m.put("functions", inventory.functions().size());
        m.put("layerVersions", inventory.layerVersionsRead() ? inventory.layerVersions().size() : null);
        m.put("columns", table.columns().stream().map(c -> Map.of("key", c.key(), "header", c.header())).toList());
        m.put("rows", table.records());
        m.put("notes", table.notes());
        m.put("failed", failures(inventory));
        return m;
    }

    private static List<Map<String, String>> failures(Inventory inventory) {
        List<Map<String, String>> out = new ArrayList<>();
        for (InventorySlice s : inventory.failed()) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("account", s.accountId());
            f.put("accountName", s.accountName());
            f.put("region", s.region());
            f.put("reason", s.failure().reason().label());
            f.put("message", s.failure().message());
            out.add(f);
        }
        return out;
    }

    static void print(Output out, Inventory inventory, InventoryTable table) {
        out.line("%s: %s", inventory.source(), table.title());
        out.line("%d account-region(s), %d function(s)%s; read %s", inventory.slices().size(),
                inventory.functions().size(), inventory.layerVersionsRead() ? ", " + inventory.layerVersions().size()
                        + " layer version(s)" : "",
                inventory.oldestRead() == null ? "never" : "since " + inventory.oldestRead().truncatedTo(ChronoUnit.SECONDS));
        out.line("");
        if (table.rows().isEmpty()) {
            out.line("(nothing to show)");
        } else {
            int[] widths = new int[table.columns().size()];
            List<List<String>> all = new ArrayList<>();
            all.add(table.headers());
            all.addAll(table.rows());
            for (List<String> r : all) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], r.get(i).length());
                }
            }
            for (List<String> r : all) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    b.append(i == widths.length - 1 ? r.get(i) : String.format("%-" + widths[i] + "s  ", r.get(i)));
                }
                out.line(b.toString().stripTrailing());
            }
        }
        for (String note : table.notes()) {
            out.line("");
            out.line("Note: " + note);
        }
        for (InventorySlice s : inventory.failed()) {
            out.line("  %s in %s: %s - %s", s.accountName(), s.region(), s.failure().reason().label(),
                    s.failure().message());
        }
    }
}
