package io.mecmig.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the experiment report from an experiment's output folder.
 *
 * <pre>{@code
 * ReportFiles files = ReportBuilder.from(Path.of("results/run1")).mobility(tableV).write(Path.of("report"));
 * }</pre>
 *
 * <p>Writes {@code report.html} (self-contained), {@code REPORT.md} and {@code charts/*.png} into the output
 * folder. Figures 4-10 use the paper's reference link (100 Mbit/s, no loss) when it was run.
 */
public final class ReportBuilder {

    public static final String HTML = "report.html";
    public static final String MARKDOWN = "REPORT.md";
    public static final String CHARTS = "charts";

    private final Path resultsDir;
    private final Results results;
    private Optional<MobilityFigures> mobility = Optional.empty();
    private Instant now = Instant.now();

    private ReportBuilder(Path resultsDir, Results results) {
        this.resultsDir = resultsDir;
        this.results = results;
    }

    /**
     * Reads the results in {@code resultsDir}.
     *
     * @throws IllegalArgumentException when the folder holds no results, saying which command writes them
     */
    public static ReportBuilder from(Path resultsDir) {
        return new ReportBuilder(resultsDir, Results.read(resultsDir));
    }

    /** Table V's figures from the mobility engine; without them Table V says they were not computed. */
    public ReportBuilder mobility(MobilityFigures figures) {
        this.mobility = Optional.of(Objects.requireNonNull(figures, "figures"));
        return this;
    }

    /** The time stamped on the report (now by default). */
    public ReportBuilder generatedAt(Instant instant) {
        this.now = instant;
        return this;
    }

    /** Draws the charts, builds the tables and writes both report files into {@code outDir}. */
    public ReportFiles write(Path outDir) {
        PaperReference paper = PaperReference.load();
        Optional<LinkConfig> reference = results.referenceLink();
        List<Chart> charts = reference.map(l -> new PaperCharts(results, new ChartDrawer(outDir.resolve(CHARTS)), paper).draw(l))
                .orElse(List.of());
        PaperTables tables = new PaperTables(results, paper);
        List<Table> all = new ArrayList<>();
        all.add(new SideBySide(results, paper).table());
        all.add(tables.tableIII());
        all.add(tables.tableIV());
        all.add(tables.tableV(mobility));
        results.links().forEach(l -> all.add(tables.medians(l)));
        all.add(tables.notRun());
        ReportContent content = new ReportContent("mecmig: migration strategies measured, beside the paper",
                intro(reference), charts, all);
        Path html = outDir.resolve(HTML);
        Path md = outDir.resolve(MARKDOWN);
        try {
            Files.createDirectories(outDir);
            Files.writeString(html, HtmlWriter.render(content), StandardCharsets.UTF_8);
            Files.writeString(md, MarkdownWriter.render(content, outDir), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir + " (" + e.getMessage()
                    + "): check that the folder is writable", e);
        }
        return new ReportFiles(html, md, charts, all);
    }

    private List<String> intro(Optional<LinkConfig> reference) {
        List<String> lines = new ArrayList<>();
        lines.add("Machine: " + (results.machines().isEmpty() ? "no finished runs" : String.join("; ", results.machines())));
        lines.add("Results: " + resultsDir.toAbsolutePath().normalize() + " (" + results.runs().size()
                + " finished runs, " + results.notRun().size() + " without a result)");
        lines.add("Apps: " + names(results.apps()) + "; strategies: " + names(results.strategies()) + "; links: "
                + (results.links().isEmpty() ? "none"
                : String.join("; ", results.links().stream().map(LinkConfig::label).toList())));
        lines.add(reference.map(l -> "Figures 4-10 at " + l.label()
                + (l.equals(LinkConfig.REFERENCE) ? " (the paper's reference configuration)"
                : " (the paper's reference, 100 Mbit/s with no loss, was not run)")).orElse("No figures: no finished runs."));
        lines.add("Generated " + now.truncatedTo(ChronoUnit.SECONDS));
        return lines;
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names.stream().map(Results::display).toList());
    }
}
