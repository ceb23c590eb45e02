package io.mecmig.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportBuilder#write} produced.
 *
 * @param html the self-contained HTML report
 * @param markdown the Markdown summary (its charts beside it in {@code charts/})
 * @param charts the PNG charts
 * @param tables the tables, for callers that want the figures themselves
 */
public record ReportFiles(Path html, Path markdown, List<Chart> charts, List<Table> tables) {

    /** The table with {@code id}, for example {@code table-iv}. */
    public Table table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + id + " in this report"));
    }
}
