package dev.layerstudio.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inventory answer as a table: the same columns and cells are printed, exported as CSV and
 * JSON, and shown in the window, so every form says the same.
 *
 * @param title   what the table answers
 * @param columns the columns, in order
 * @param rows    the cells of each row, one per column (never null; empty for nothing)
 * @param notes   plain sentences about what the table cannot know (slices not read, shared versions …)
 */
public record InventoryTable(String title, List<Column> columns, List<List<String>> rows, List<String> notes) {

    /**
     * @param key    the JSON name
     * @param header the heading shown and written in CSV
     */
    public record Column(String key, String header) {
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(header, "header");
        }
    }

    public InventoryTable {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        int width = columns.size();
        rows = rows.stream().map(r -> {
            if (r.size() != width) {
                throw new IllegalArgumentException("A row has " + r.size() + " cells for " + width + " columns");
            }
            return r.stream().map(c -> c == null ? "" : c).toList();
        }).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** Each row as column key to cell, in column order (the JSON form). */
    public List<Map<String, String>> records() {
        return rows.stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i).key(), r.get(i));
            }
            return m;
        }).toList();
    }

    /** The table as CSV (RFC 4180: cells with a comma, quote or line break quoted, quotes doubled; CRLF lines). */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        line(b, headers());
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append("\r\n");
    }
}
