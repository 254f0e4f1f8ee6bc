package dev.layerstudio.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime table, {@code runtimes.tsv} beside this class: read once from the
 * class path. Lines starting with {@code #} are comments; a {@code written} line gives
 * the day the dates were read from AWS; every other line is a runtime (see the file's
 * header for the columns).
 */
final class RuntimeTable {

    private static final String RESOURCE = "runtimes.tsv";

    private static final class Holder {
        static final RuntimeTable TABLE = load();
    }

    private final List<Runtime> rows;
    private final LocalDate written;

    private RuntimeTable(List<Runtime> rows, LocalDate written) {
        this.rows = List.copyOf(rows);
        this.written = written;
    }

    /** This table's rows, in order. */
    List<Runtime> list() {
        return rows;
    }

    static List<Runtime> rows() {
        return Holder.TABLE.rows;
    }

    static LocalDate written() {
        return Holder.TABLE.written;
    }

    private static RuntimeTable load() {
        try (InputStream in = RuntimeTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The runtime table " + RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the runtime table", e);
        }
    }

    /** Parses the table's lines; a malformed line fails loudly (the file ships with the app). */
    static RuntimeTable parse(List<String> lines) {
        List<Runtime> rows = new ArrayList<>();
        LocalDate written = null;
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f[0].equals("written")) {
                    written = LocalDate.parse(f[1].strip());
                    continue;
                }
                String[] version = f[2].strip().split("\\.");
                String[] glibc = f[4].strip().split("\\.");
                String os = f[3].strip();
                if (!os.equals("al2") && !os.equals("al2023")) {
                    throw new IllegalArgumentException("Amazon Linux level " + os);
                }
                rows.add(new Runtime(f[0].strip(), f[1].strip(), Integer.parseInt(version[0]),
                        version.length > 1 ? Integer.parseInt(version[1]) : 0, os.equals("al2023"),
                        Integer.parseInt(glibc[0]), Integer.parseInt(glibc[1]),
                        Arrays.stream(f[5].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                        date(f[6]), date(f[7]), date(f[8]), date(f[9]), true));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Line " + n + " of the runtime table is malformed: " + line, e);
            }
        }
        if (written == null || rows.stream().noneMatch(r -> r.language().equals("python"))) {
            throw new IllegalStateException("The runtime table has no 'written' line or no Python runtime");
        }
        rows.sort(null);
        return new RuntimeTable(rows, written);
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    }
}
