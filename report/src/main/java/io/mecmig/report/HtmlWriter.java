package io.mecmig.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

/** Writes a report as one self-contained HTML file: styles inline, charts embedded as data URIs. */
final class HtmlWriter {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.4}
            table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:0.9em}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f3f3f3} tr:nth-child(even) td{background:#fafafa}
            .note{color:#555;font-size:0.9em} figure{margin:1em 0 2em} img{max-width:100%;border:1px solid #eee}
            figcaption{color:#555;font-size:0.9em}""";

    private HtmlWriter() {
    }

    static String render(ReportContent c) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(c.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(esc(c.title())).append("</h1>\n<ul>");
        c.intro().forEach(line -> h.append("<li>").append(esc(line)).append("</li>"));
        h.append("</ul>\n");
        for (Table t : c.tables()) {
            table(h, t);
        }
        if (!c.charts().isEmpty()) {
            h.append("<h2>Figures</h2>\n");
        }
        for (Chart chart : c.charts()) {
            h.append("<figure id=\"").append(esc(chart.id())).append("\"><img alt=\"").append(esc(chart.title()))
                    .append("\" src=\"data:image/png;base64,").append(base64(chart)).append("\"><figcaption><b>")
                    .append(esc(chart.title())).append("</b>. ").append(esc(chart.caption()))
                    .append("</figcaption></figure>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<h2 id=\"").append(esc(t.id())).append("\">").append(esc(t.title())).append("</h2>\n");
        if (!t.note().isEmpty()) {
            h.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
        }
        if (t.rows().isEmpty()) {
            h.append("<p>(none)</p>\n");
            return;
        }
        h.append("<table><tr>");
        t.headers().forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            row.forEach(x -> h.append("<td>").append(esc(x)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String base64(Chart chart) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(chart.png()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chart " + chart.png(), e);
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
