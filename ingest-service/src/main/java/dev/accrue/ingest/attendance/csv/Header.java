package dev.accrue.ingest.attendance.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A header row: column positions by normalised name (trimmed, lower case). */
final class Header {

    private final int line;
    private final int width;
    private final Map<String, Integer> columns = new HashMap<>();

    Header(CsvDocument.Line line) {
        this.line = line.number();
        this.width = line.cells().size();
        for (int i = 0; i < line.cells().size(); i++) {
            columns.putIfAbsent(normalize(line.cells().get(i)), i);
        }
    }

    static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    int line() {
        return line;
    }

    int width() {
        return width;
    }

    boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The first of the names (aliases of one column) that the header has. */
    Optional<Integer> find(List<String> names) {
        return names.stream().filter(columns::containsKey).map(columns::get).findFirst();
    }

    /** The trimmed cell at a column, or "" when the row is shorter. */
    static String cell(CsvDocument.Line row, Integer column) {
        if (column == null || column >= row.cells().size()) {
            return "";
        }
        return row.cells().get(column).trim();
    }
}
