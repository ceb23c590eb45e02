package io.mecmig.report;

import java.nio.file.Path;
import java.util.List;

/** Writes a report as Markdown, with the charts as image links relative to the report's folder. */
final class MarkdownWriter {

    private MarkdownWriter() {
    }

    static String render(ReportContent c, Path reportDir) {
        StringBuilder md = new StringBuilder("# ").append(c.title()).append("\n\n");
        c.intro().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
        for (Table t : c.tables()) {
            table(md, t);
        }
        if (!c.charts().isEmpty()) {
            md.append("## Figures\n\n");
            for (Chart chart : c.charts()) {
                String rel = reportDir.relativize(chart.png()).toString().replace('\\', '/');
                md.append("### ").append(chart.title()).append("\n\n")
                        .append("![").append(chart.title()).append("](").append(rel).append(")\n\n")
                        .append('_').append(chart.caption()).append("_\n\n");
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table t) {
        md.append("## ").append(t.title()).append("\n\n");
        if (!t.note().isEmpty()) {
            md.append(t.note()).append("\n\n");
        }
        if (t.rows().isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        row(md, t.headers());
        md.append('|').append(" --- |".repeat(t.headers().size())).append('\n');
        t.rows().forEach(r -> row(md, r));
        md.append('\n');
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        md.append('\n');
    }
}
