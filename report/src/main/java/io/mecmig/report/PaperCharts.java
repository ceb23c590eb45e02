package io.mecmig.report;

import io.mecmig.experiment.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The paper's figures 4 to 10, drawn from our runs at one link setting. */
final class PaperCharts {

    private final Results results;
    private final ChartDrawer drawer;

    PaperCharts(Results results, ChartDrawer drawer) {
        this.results = results;
        this.drawer = drawer;
    }

    /** Every chart that has data; a chart with no data is left out (the report lists what was not run). */
    List<Chart> draw(LinkConfig link) {
        List<Chart> charts = new ArrayList<>();
        String where = link.label() + "; bars: median, whiskers: smallest to largest run";
        grouped(charts, link, "fig4-sizes", "Fig. 4: data moved in pre-relocation (tarball + checkpoint)",
                where, Metric.PRE_DATA);
        grouped(charts, link, "fig5-pre-source", "Fig. 5: pre-relocation, time on the source", where,
                Metric.PRE_SOURCE);
        grouped(charts, link, "fig5b-pre-transfer", "Pre-relocation, transfer time (paper: size / link rate)",
                where, Metric.PRE_TRANSFER);
        grouped(charts, link, "fig6-pre-target", "Fig. 6: pre-relocation, time on the target", where,
                Metric.PRE_TARGET);
        grouped(charts, link, "fig7-reloc-source", "Fig. 7: relocation, time on the source", where,
                Metric.RELOC_SOURCE);
        grouped(charts, link, "fig8-reloc-transfer", "Fig. 8: relocation, copy of the extra state", where,
                Metric.RELOC_TRANSFER);
        grouped(charts, link, "fig9-reloc-target", "Fig. 9: relocation, time on the target", where,
                Metric.RELOC_TARGET);
        downtime(link).ifPresent(charts::add);
        return charts;
    }

    private void grouped(List<Chart> charts, LinkConfig link, String id, String title, String caption, Metric metric) {
        GroupedData data = new GroupedData();
        for (String app : results.apps()) {
            for (String strategy : results.strategies()) {
                metric.over(results.cell(app, strategy, link))
                        .ifPresent(s -> data.add(Results.display(app), Results.display(strategy), s));
            }
        }
        if (!data.isEmpty()) {
            charts.add(drawer.grouped(id, title, caption, metric.unit(), data));
        }
    }

    /** Fig. 10: the paper's downtime, stacked by where its steps ran. */
    private Optional<Chart> downtime(LinkConfig link) {
        GroupedData data = new GroupedData();
        List<Metric> parts = List.of(
                Metric.seconds("source", io.mecmig.experiment.Figures.DOWNTIME_SOURCE),
                Metric.seconds("transfer", io.mecmig.experiment.Figures.DOWNTIME_TRANSFER),
                Metric.seconds("target", io.mecmig.experiment.Figures.DOWNTIME_TARGET));
        for (String app : results.apps()) {
            for (String strategy : results.strategies()) {
                List<RunRecord> runs = results.cell(app, strategy, link);
                String category = Results.display(app) + " " + Results.display(strategy);
                for (Metric part : parts) {
                    part.over(runs).ifPresent(s -> data.add(category, part.label(), s));
                }
            }
        }
        if (data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(drawer.stacked("fig10-downtime", "Fig. 10: service downtime by part",
                link.label() + "; medians of the steps inside the downtime, by side", "s", data));
    }
}
