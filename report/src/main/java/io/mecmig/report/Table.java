package io.mecmig.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of the report, rendered as HTML and as Markdown.
 *
 * @param id anchor name
 * @param title heading
 * @param note how it was computed, where the figures come from; may be empty
 * @param headers column headings
 * @param rows cells, each row as long as {@code headers}
 */
public record Table(String id, String title, String note, List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table " + id + ": row " + row + " has " + row.size()
                        + " cells for " + headers.size() + " columns");
            }
        }
    }

    /** The cell in the row whose first cell is {@code first}, under {@code header}; for tests and lookups. */
    public String cell(String first, String header) {
        int col = headers.indexOf(header);
        for (List<String> row : rows) {
            if (row.get(0).equals(first)) {
                return row.get(col);
            }
        }
        throw new IllegalArgumentException("table " + id + " has no row " + first);
    }

    /** Builds a table row by row. */
    static final class Builder {
        private final String id;
        private final String title;
        private String note = "";
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();

        Builder(String id, String title, List<String> headers) {
            this.id = id;
            this.title = title;
            this.headers = headers;
        }

        Builder note(String note) {
            this.note = note;
            return this;
        }

        Builder row(List<String> cells) {
            rows.add(cells);
            return this;
        }

        Builder row(String... cells) {
            return row(List.of(cells));
        }

        Table build() {
            return new Table(id, title, note, headers, rows);
        }
    }
}
