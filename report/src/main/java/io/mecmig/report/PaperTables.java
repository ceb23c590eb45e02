package io.mecmig.report;

import io.mecmig.experiment.Figures;
import io.mecmig.experiment.RunRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tables III, IV and V, and the medians of every cell, from our runs beside the paper's figures. */
final class PaperTables {

    static final String NOT_RUN = "not run";

    private final Results results;
    private final PaperReference paper;

    PaperTables(Results results, PaperReference paper) {
        this.results = results;
        this.paper = paper;
    }

    /** Every cell's main figures at one link setting: median [min–max] n. */
    Table medians(LinkConfig link) {
        List<Metric> metrics = List.of(Metric.DOWNTIME, Metric.DOWNTIME_UE, Metric.PRE_SOURCE, Metric.PRE_TRANSFER,
                Metric.PRE_TARGET, Metric.RELOC_SOURCE, Metric.RELOC_TRANSFER, Metric.RELOC_TARGET, Metric.PRE_DATA,
                Metric.LINK_MB);
        List<String> headers = new ArrayList<>(List.of("app", "strategy", "runs"));
        metrics.forEach(m -> headers.add(m.label() + " (" + m.unit() + ")"));
        headers.add("state kept");
        Table.Builder t = new Table.Builder("medians-" + slug(link), "Medians and spread: " + link.label(), headers)
                .note("Each cell: median [smallest–largest] n=runs. Downtime (paper): from the stop on the source to"
                        + " the app started on the target; UE-observed: the longest gap seen by a probe calling the"
                        + " app every 10 ms.");
        for (String app : results.apps()) {
            for (String strategy : results.strategies()) {
                List<RunRecord> runs = results.cell(app, strategy, link);
                if (runs.isEmpty()) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(Results.display(app), Results.display(strategy),
                        Integer.toString(runs.size())));
                for (Metric m : metrics) {
                    row.add(m.over(runs).map(s -> s.format(pattern(m))).orElse("—"));
                }
                row.add(stateKept(runs));
                t.row(row);
            }
        }
        return t.build();
    }

    /** Table III: time to copy the extra state in relocation, 100 Mbit/s, no loss and 5 % loss. */
    Table tableIII() {
        List<String> strategies = results.strategies().stream().filter(s -> !s.equals("sfp")).toList();
        if (strategies.isEmpty()) {
            strategies = List.of("fccp", "fullsp");
        }
        List<String> headers = new ArrayList<>(List.of("app"));
        for (String s : strategies) {
            for (String loss : List.of("0", "5")) {
                headers.add(Results.display(s) + " " + loss + " % (ours)");
                headers.add(Results.display(s) + " " + loss + " % (paper)");
            }
        }
        Table.Builder t = new Table.Builder("table-iii", "Table III: copy of the extra state in relocation, 100 Mbit/s",
                headers).note("Seconds: our median [spread] beside the paper's average. Our value is the relocation's"
                + " LINK steps (volume and, for full-state strategies, checkpoint data).");
        for (String app : apps()) {
            List<String> row = new ArrayList<>(List.of(Results.display(app)));
            for (String s : strategies) {
                for (String loss : List.of("0", "5")) {
                    LinkConfig link = new LinkConfig("100mbit", 100_000_000L, Double.parseDouble(loss));
                    row.add(Metric.RELOC_TRANSFER.over(results.cell(app, s, link)).map(x -> x.format("%.3f"))
                            .orElse(NOT_RUN));
                    row.add(paper.text("tableIII", s, loss, app));
                }
            }
            t.row(row);
        }
        return t.build();
    }

    /** Table IV: viability, from the state checks observed on the target, beside the paper's. */
    Table tableIV() {
        List<String> strategies = results.strategies().isEmpty() ? List.of("sfp", "fccp", "fullsp") : results.strategies();
        List<String> headers = new ArrayList<>(List.of("app"));
        for (String s : strategies) {
            headers.add(Results.display(s) + " (ours)");
            headers.add(Results.display(s) + " (paper)");
        }
        Table.Builder t = new Table.Builder("table-iv", "Table IV: viability of each strategy for each app", headers)
                .note("Ours: did the app answer on the target with its state (USPA's counter continued, ASW's"
                        + " memcached entries all present), over every run and link setting; 'k/n' when runs"
                        + " disagreed.");
        for (String app : apps()) {
            List<String> row = new ArrayList<>(List.of(Results.display(app)));
            for (String s : strategies) {
                row.add(viability(results.select(r -> r.app().equals(app) && r.strategy().equals(s))));
                row.add(paper.text("tableIV", app, s));
            }
            t.row(row);
        }
        return t.build();
    }

    /** Table V: time available for a migration, from the mobility engine. */
    Table tableV(Optional<MobilityFigures> mobility) {
        Table.Builder t = new Table.Builder("table-v", "Table V: time available for migration",
                List.of("", "MEH per PoA (ours)", "MEH per PoA (paper)", "MEH per zone (ours)", "MEH per zone (paper)"))
                .note(mobility.map(m -> "Ours: " + m.source()).orElse(
                        "Ours: not computed, the mobility engine's figures were not available to this report."));
        t.row("average time available", mobility.map(m -> s3(m.perPoaAverage())).orElse("—"),
                paper.text("tableV", "perPoaAverage"), mobility.map(m -> s3(m.perZoneAverage())).orElse("—"),
                paper.text("tableV", "perZoneAverage"));
        t.row("shortest time observed", mobility.map(m -> s3(m.perPoaShortest())).orElse("—"),
                paper.text("tableV", "perPoaShortest"), mobility.map(m -> s3(m.perZoneShortest())).orElse("—"),
                paper.text("tableV", "perZoneShortest"));
        return t.build();
    }

    /** Runs that did not produce a report, grouped by cell and reason, so the report says what is missing. */
    Table notRun() {
        Map<String, List<RunRecord>> byCell = new LinkedHashMap<>();
        for (RunRecord r : results.notRun()) {
            byCell.computeIfAbsent(r.app() + "/" + r.strategy() + "/" + r.rate() + "/" + r.lossPercent() + "/"
                    + r.status() + "/" + r.reason(), k -> new ArrayList<>()).add(r);
        }
        Table.Builder t = new Table.Builder("not-run", "Runs without a result",
                List.of("app", "strategy", "link", "runs", "status", "reason"));
        for (List<RunRecord> group : byCell.values()) {
            RunRecord r = group.get(0);
            t.row(Results.display(r.app()), Results.display(r.strategy()), Results.link(r).label(),
                    Integer.toString(group.size()), r.status().name().toLowerCase(Locale.ROOT),
                    r.reason() == null ? "" : r.reason());
        }
        return t.build();
    }

    private List<String> apps() {
        return results.apps().isEmpty() ? List.of("ba", "uspa", "asw") : results.apps();
    }

    static String viability(List<RunRecord> runs) {
        List<String> labels = runs.stream().map(r -> r.text(Figures.VIABILITY)).flatMap(Optional::stream).toList();
        if (labels.isEmpty()) {
            return NOT_RUN;
        }
        Map<String, Long> counts = labels.stream().collect(Collectors.groupingBy(l -> l, LinkedHashMap::new,
                Collectors.counting()));
        if (counts.size() == 1) {
            return labels.get(0);
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "/" + labels.size())
                .collect(Collectors.joining("; "));
    }

    private static String stateKept(List<RunRecord> runs) {
        List<String> checks = runs.stream().map(r -> r.text(Figures.STATE_PRESERVED)).flatMap(Optional::stream).toList();
        if (checks.isEmpty()) {
            return "—";
        }
        long kept = checks.stream().filter("true"::equals).count();
        return kept + "/" + checks.size();
    }

    static String pattern(Metric m) {
        return switch (m.unit()) {
            case "MB" -> "%.2f";
            case "KB", "%" -> "%.1f";
            case "x" -> "%.2f";
            default -> "%.3f";
        };
    }

    static String s3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String slug(LinkConfig link) {
        return link.rate() + "-loss" + BigDecimal.valueOf(link.lossPercent()).stripTrailingZeros().toPlainString();
    }
}
