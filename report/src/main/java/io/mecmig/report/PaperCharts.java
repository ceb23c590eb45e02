package io.mecmig.report;

import io.mecmig.experiment.Figures;
import io.mecmig.experiment.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The paper's figures 4 to 10, drawn from our runs at one link setting, with the paper's values where it gives them. */
final class PaperCharts {

    /** Fig. 10's layers, named as the paper's text names the parts of the downtime. */
    static final String ON_SOURCE = "source MEH";
    static final String TRANSFER = "transfer";
    static final String ON_TARGET = "target MEH";
    static final String UNTIL_ANSWER = "started until answering (not in the paper's downtime)";

    private final Results results;
    private final ChartDrawer drawer;
    private final PaperReference paper;

    PaperCharts(Results results, ChartDrawer drawer, PaperReference paper) {
        this.results = results;
        this.drawer = drawer;
        this.paper = paper;
    }

    /** Every chart that has data; a chart with no data is left out (the report lists what was not run). */
    List<Chart> draw(LinkConfig link) {
        List<Chart> charts = new ArrayList<>();
        String where = link.label() + "; bars: median, whiskers: smallest to largest run";
        grouped(charts, link, "fig4-sizes", "Fig. 4: data moved in pre-relocation (tarball + checkpoint)",
                where, Metric.PRE_DATA, new GroupedData());
        grouped(charts, link, "fig5-pre-source", "Fig. 5: pre-relocation, time on the source MEH", where,
                Metric.PRE_SOURCE, new GroupedData());
        grouped(charts, link, "fig5b-pre-transfer", "Pre-relocation, transfer time (paper: size / link rate)",
                where, Metric.PRE_TRANSFER, new GroupedData());
        grouped(charts, link, "fig6-pre-target", "Fig. 6: pre-relocation, time on the target MEH", where,
                Metric.PRE_TARGET, new GroupedData());
        grouped(charts, link, "fig7-reloc-source", "Fig. 7: relocation, time on the source MEH", where,
                Metric.RELOC_SOURCE, new GroupedData());
        grouped(charts, link, "fig8-reloc-transfer", "Fig. 8: relocation, copy of the extra state to the target",
                where + tableIIIMarks(link).map(d -> "; the paper's values: Table III").orElse(""),
                Metric.RELOC_TRANSFER, tableIIIMarks(link).orElse(new GroupedData()));
        grouped(charts, link, "fig9-reloc-target", "Fig. 9: relocation, time on the target MEH", where,
                Metric.RELOC_TARGET, new GroupedData());
        downtime(link).ifPresent(charts::add);
        return charts;
    }

    private void grouped(List<Chart> charts, LinkConfig link, String id, String title, String caption, Metric metric,
                         GroupedData data) {
        for (String app : results.apps()) {
            for (String strategy : results.strategies()) {
                metric.over(results.cell(app, strategy, link))
                        .ifPresent(s -> data.add(Results.display(app), Results.display(strategy), s));
            }
        }
        if (!data.isEmpty()) {
            charts.add(drawer.grouped(id, title, caption, metric.axisLabel(), data));
        }
    }

    /** Table III's values for this link's loss, when the paper gives them (100 Mbit/s, 0 or 5 % loss). */
    private Optional<GroupedData> tableIIIMarks(LinkConfig link) {
        if (link.rateBps() != LinkConfig.REFERENCE.rateBps() || (link.lossPercent() != 0 && link.lossPercent() != 5)) {
            return Optional.empty();
        }
        GroupedData marks = new GroupedData();
        String loss = link.lossPercent() == 0 ? "0" : "5";
        for (String strategy : List.of("fccp", "fullsp")) {
            for (String app : List.of("ba", "uspa", "asw")) {
                paper.number("tableIII", strategy, loss, app)
                        .ifPresent(v -> marks.paper(Results.display(app), Results.display(strategy), v));
            }
        }
        return Optional.of(marks);
    }

    /**
     * Fig. 10: the paper's downtime (stop on the source to the app started on the target), stacked by where its
     * steps ran, plus the wait until the app answered in grey. Each stack is one run, the cell's median by the
     * paper's downtime, so that its parts add up to a downtime that was measured.
     */
    private Optional<Chart> downtime(LinkConfig link) {
        GroupedData data = new GroupedData();
        for (String app : results.apps()) {
            for (String strategy : results.strategies()) {
                String category = Results.display(app) + " " + Results.display(strategy);
                medianRun(results.cell(app, strategy, link)).ifPresent(run -> {
                    layer(data, category, ON_SOURCE, run.number(Figures.DOWNTIME_SOURCE));
                    layer(data, category, TRANSFER, run.number(Figures.DOWNTIME_TRANSFER));
                    layer(data, category, ON_TARGET, run.number(Figures.DOWNTIME_TARGET));
                    layer(data, category, UNTIL_ANSWER, run.number(Figures.DOWNTIME_UNTIL_READY)
                            .flatMap(ready -> run.number(Figures.DOWNTIME_PAPER).map(p -> Math.max(0, ready - p))));
                });
            }
        }
        if (data.isEmpty()) {
            return Optional.empty();
        }
        String asw = Results.display("asw") + " " + Results.display("fullsp");
        boolean marked = false;
        if (link.rateBps() == LinkConfig.REFERENCE.rateBps() && (link.lossPercent() == 0 || link.lossPercent() == 5)) {
            Optional<Double> v = paper.number("downtimeAswFullspSeconds", link.lossPercent() == 0 ? "0" : "5");
            if (v.isPresent() && data.bars().stream().anyMatch(b -> b.category().equals(asw))) {
                data.paper(asw, null, v.get());
                marked = true;
            }
        }
        return Optional.of(drawer.stacked("fig10-downtime", "Fig. 10: service downtime by part",
                link.label() + "; the median run of each cell; colored parts add up to the paper's downtime"
                        + " (stop on the source to started on the target)" + (marked ? "; the paper gives ASW FullSP only" : ""),
                "downtime (s)", data, List.of(UNTIL_ANSWER)));
    }

    private static void layer(GroupedData data, String category, String part, Optional<Double> seconds) {
        seconds.ifPresent(s -> data.add(category, part, Stats.of(List.of(s))));
    }

    /** The run with the median paper downtime (the lower middle one of an even count). */
    static Optional<RunRecord> medianRun(List<RunRecord> runs) {
        List<RunRecord> timed = runs.stream().filter(r -> r.number(Figures.DOWNTIME_PAPER).isPresent())
                .sorted(Comparator.comparingDouble(r -> r.number(Figures.DOWNTIME_PAPER).orElseThrow())).toList();
        return timed.isEmpty() ? Optional.empty() : Optional.of(timed.get((timed.size() - 1) / 2));
    }
}
