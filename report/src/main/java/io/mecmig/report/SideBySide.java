package io.mecmig.report;

import io.mecmig.experiment.Figures;
import io.mecmig.experiment.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The paper's figures (REFERENCE) beside ours, one claim per row. Ours are medians over the runs that bear
 * on the claim; "not run" when none did.
 */
final class SideBySide {

    private static final LinkConfig GIGABIT = new LinkConfig("1gbit", 1_000_000_000L, 0);
    private static final LinkConfig REF = LinkConfig.REFERENCE;

    private final Results results;
    private final PaperReference paper;

    SideBySide(Results results, PaperReference paper) {
        this.results = results;
        this.paper = paper;
    }

    Table table() {
        String machines = results.machines().isEmpty() ? "no runs" : String.join("; ", results.machines());
        Table.Builder t = new Table.Builder("side-by-side", "Side by side with the paper",
                List.of("what", "paper", "ours", "note"))
                .note("Paper: " + paper.source() + ". Ours: " + machines + ". Compare shapes and ratios first,"
                        + " absolute times second: our apps are Java and our hosts are namespaces on one machine.");
        t.row("container size, BA / USPA / ASW (MB)",
                paper.text("containerSizeMB", "ba") + " / " + paper.text("containerSizeMB", "uspa") + " / "
                        + paper.text("containerSizeMB", "asw"),
                perApp(app -> med(Metric.CONTAINER, runs(app, null, null)), "%.2f"), "docker inspect size of the container");
        t.row("tarball, FCCP over SFP, BA / USPA",
                paper.text("tarballFccpOverSfpPercent", "ba") + " / " + paper.text("tarballFccpOverSfpPercent", "uspa"),
                increase(Metric.TARBALL, "fccp", "sfp", List.of("ba", "uspa")), "image tarballs, all link settings pooled");
        t.row("pre-relocation data, FullSP over FCCP, BA / ASW",
                paper.text("tarballFullspOverFccpPercent", "ba") + " / " + paper.text("tarballFullspOverFccpPercent", "asw"),
                increase(Metric.PRE_DATA, "fullsp", "fccp", List.of("ba", "asw")), "tarball plus pre-relocation checkpoint");
        t.row("commit freeze, FCCP and FullSP", paper.text("commitFreezeSeconds", "ba") + " s (BA) to "
                + paper.text("commitFreezeSeconds", "asw") + " s (ASW)", commitFreeze(), "time docker commit paused the container");
        t.row("pre-relocation transfer time / (size / link rate)", "about 1", transferEfficiency(),
                "bytes on the link over the shaped rate");
        t.row("USPA volume at relocation, 1 Gbit/s / 100 Mbit/s (KB)",
                paper.text("uspaVolumeKB", "1gbit") + " / " + paper.text("uspaVolumeKB", "100mbit"),
                fmt(med(Metric.VOLUME, runs("uspa", null, GIGABIT)), "%.1f") + " / "
                        + fmt(med(Metric.VOLUME, runs("uspa", null, REF)), "%.1f"),
                "grows with the pre-relocation's length");
        t.row("checkpoint at relocation, smallest app / ASW (MB)",
                "≥ " + paper.text("checkpointMB", "atLeast") + " / " + paper.text("checkpointMB", "asw"),
                smallestCheckpoint() + " / " + fmt(med(Metric.CHECKPOINT, runs("asw", "fullsp", null)), "%.2f"),
                "FullSP");
        t.row("checkpoint data sent in relocation (MB), and how much less than the whole",
                paper.text("checkpointMB", "rsyncSent") + " MB, " + paper.text("checkpointMB", "rsyncSpeedup") + "x less (rsync)",
                checkpointSent(), "FullSP, all apps");
        t.row("time on the target in relocation", "< 1 s for every strategy; SFP fastest, FullSP slowest",
                targetTimes(), results.referenceLink().map(LinkConfig::label).orElse(""));
        t.row("downtime ASW FullSP, 100 Mbit/s, 0 % / 5 % loss (s)",
                paper.text("downtimeAswFullspSeconds", "0") + " / " + paper.text("downtimeAswFullspSeconds", "5"),
                fmt(med(Metric.DOWNTIME, runs("asw", "fullsp", REF)), "%.3f") + " / "
                        + fmt(med(Metric.DOWNTIME, runs("asw", "fullsp", new LinkConfig("100mbit", 100_000_000L, 5))), "%.3f"),
                "the paper's definition: stop on the source to started on the target");
        t.row("pre-relocation transfer at 0.1 % / 1 % loss, over no loss",
                paper.text("lossTransferIncreasePercent", "0.1") + " / " + paper.text("lossTransferIncreasePercent", "1"),
                lossIncrease(0.1) + " / " + lossIncrease(1), "100 Mbit/s, median over cells");
        t.row("pre-relocation transfer at 5 % loss, over no loss, smallest / largest tarball",
                "+" + paper.text("lossTransferIncreasePercent", "5", "smallest") + " % / +"
                        + paper.text("lossTransferIncreasePercent", "5", "largest") + " %",
                lossIncreaseBySize(), "100 Mbit/s");
        t.row("pre-relocation transfer time, 1 Gbit/s over 100 Mbit/s", "about " + paper.text("gigabitTransferRatio"),
                gigabitRatio(), "median over cells run at both rates, no loss");
        t.row("downtime over the physical floor (frozen + bytes after the freeze / rate + restore)", "—",
                fmt(med(Metric.DOWNTIME_TO_FLOOR, results.runs()), "%.2fx"), "full-state strategies; 1x is the floor");
        return t.build();
    }

    private List<RunRecord> runs(String app, String strategy, LinkConfig link) {
        Predicate<RunRecord> p = r -> (app == null || r.app().equals(app))
                && (strategy == null || r.strategy().equals(strategy))
                && (link == null || Results.link(r).equals(link));
        return results.select(p);
    }

    private static Optional<Double> med(Metric m, List<RunRecord> runs) {
        return m.over(runs).map(Stats::median);
    }

    private static String fmt(Optional<Double> v, String pattern) {
        return v.map(x -> String.format(Locale.ROOT, pattern, x)).orElse(PaperTables.NOT_RUN);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%+.2f %%", v);
    }

    private String perApp(java.util.function.Function<String, Optional<Double>> value, String pattern) {
        List<String> parts = new ArrayList<>();
        for (String app : List.of("ba", "uspa", "asw")) {
            parts.add(fmt(value.apply(app), pattern));
        }
        return String.join(" / ", parts);
    }

    private String increase(Metric m, String bigger, String smaller, List<String> apps) {
        List<String> parts = new ArrayList<>();
        for (String app : apps) {
            Optional<Double> a = med(m, runs(app, bigger, null));
            Optional<Double> b = med(m, runs(app, smaller, null));
            parts.add(a.isPresent() && b.isPresent() && b.get() > 0 ? pct((a.get() / b.get() - 1) * 100) : PaperTables.NOT_RUN);
        }
        return String.join(" / ", parts);
    }

    private String commitFreeze() {
        List<Map.Entry<String, Double>> perApp = new ArrayList<>();
        for (String app : results.apps()) {
            med(Metric.COMMIT_FREEZE, results.select(r -> r.app().equals(app)
                    && (r.strategy().equals("fccp") || r.strategy().equals("fullsp"))))
                    .ifPresent(v -> perApp.add(Map.entry(app, v)));
        }
        if (perApp.isEmpty()) {
            return PaperTables.NOT_RUN;
        }
        perApp.sort(Map.Entry.comparingByValue());
        Map.Entry<String, Double> lo = perApp.get(0);
        Map.Entry<String, Double> hi = perApp.get(perApp.size() - 1);
        return String.format(Locale.ROOT, "%.3f s (%s) to %.3f s (%s)", lo.getValue(), Results.display(lo.getKey()),
                hi.getValue(), Results.display(hi.getKey()));
    }

    private String transferEfficiency() {
        Metric ratio = new Metric("transfer / ideal", "x", r -> {
            Optional<Double> t = r.number(Figures.PRE_TRANSFER);
            Optional<Double> b = r.number(Figures.PRE_LINK_BYTES);
            if (t.isEmpty() || b.isEmpty() || r.rateBps() == 0 || b.get() == 0 || r.lossPercent() > 0) {
                return Optional.empty();
            }
            return Optional.of(t.get() / (b.get() * 8 / r.rateBps()));
        });
        return fmt(med(ratio, results.runs()), "%.2fx");
    }

    private String smallestCheckpoint() {
        return results.apps().stream().map(app -> med(Metric.CHECKPOINT, runs(app, "fullsp", null)))
                .flatMap(Optional::stream).min(Comparator.naturalOrder())
                .map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse(PaperTables.NOT_RUN);
    }

    private String checkpointSent() {
        List<RunRecord> full = runs(null, "fullsp", null);
        Optional<Double> sent = med(Metric.CHECKPOINT_SENT, full);
        Metric ratio = new Metric("whole / sent", "x", r -> r.number(Figures.CHECKPOINT_SIZE)
                .flatMap(c -> r.number(Figures.CHECKPOINT_SENT).filter(s -> s > 0).map(s -> c / s)));
        return fmt(sent, "%.2f MB") + ", " + fmt(med(ratio, full), "%.2fx less");
    }

    private String targetTimes() {
        Optional<LinkConfig> link = results.referenceLink();
        if (link.isEmpty()) {
            return PaperTables.NOT_RUN;
        }
        List<Map.Entry<String, Double>> perStrategy = new ArrayList<>();
        for (String s : results.strategies()) {
            med(Metric.RELOC_TARGET, runs(null, s, link.get())).ifPresent(v -> perStrategy.add(Map.entry(s, v)));
        }
        if (perStrategy.isEmpty()) {
            return PaperTables.NOT_RUN;
        }
        perStrategy.sort(Map.Entry.comparingByValue());
        double worst = results.apps().stream().flatMap(a -> results.strategies().stream()
                        .map(s -> med(Metric.RELOC_TARGET, results.cell(a, s, link.get()))))
                .flatMap(Optional::stream).max(Comparator.naturalOrder()).orElse(0.0);
        return String.format(Locale.ROOT, "largest median %.3f s; %s fastest, %s slowest", worst,
                Results.display(perStrategy.get(0).getKey()),
                Results.display(perStrategy.get(perStrategy.size() - 1).getKey()));
    }

    /** Median over the cells run with and without {@code loss} at 100 Mbit/s of the transfer time's increase. */
    private String lossIncrease(double loss) {
        List<Double> increases = cellIncreases(loss);
        return increases.isEmpty() ? PaperTables.NOT_RUN : pct(Stats.of(increases).median());
    }

    private List<Double> cellIncreases(double loss) {
        LinkConfig lossy = new LinkConfig("100mbit", 100_000_000L, loss);
        List<Double> out = new ArrayList<>();
        for (String app : results.apps()) {
            for (String s : results.strategies()) {
                Optional<Double> with = med(Metric.PRE_TRANSFER, results.cell(app, s, lossy));
                Optional<Double> without = med(Metric.PRE_TRANSFER, results.cell(app, s, REF));
                if (with.isPresent() && without.isPresent() && without.get() > 0) {
                    out.add((with.get() / without.get() - 1) * 100);
                }
            }
        }
        return out;
    }

    private String lossIncreaseBySize() {
        LinkConfig lossy = new LinkConfig("100mbit", 100_000_000L, 5);
        record Cell(double size, double increase) {
        }
        List<Cell> cells = new ArrayList<>();
        for (String app : results.apps()) {
            for (String s : results.strategies()) {
                Optional<Double> size = med(Metric.PRE_DATA, results.cell(app, s, REF));
                Optional<Double> with = med(Metric.PRE_TRANSFER, results.cell(app, s, lossy));
                Optional<Double> without = med(Metric.PRE_TRANSFER, results.cell(app, s, REF));
                if (size.isPresent() && with.isPresent() && without.isPresent() && without.get() > 0) {
                    cells.add(new Cell(size.get(), (with.get() / without.get() - 1) * 100));
                }
            }
        }
        if (cells.isEmpty()) {
            return PaperTables.NOT_RUN;
        }
        cells.sort(Comparator.comparingDouble(Cell::size));
        return pct(cells.get(0).increase()) + " / " + pct(cells.get(cells.size() - 1).increase());
    }

    private String gigabitRatio() {
        List<Double> ratios = new ArrayList<>();
        for (String app : results.apps()) {
            for (String s : results.strategies()) {
                Optional<Double> fast = med(Metric.PRE_TRANSFER, results.cell(app, s, GIGABIT));
                Optional<Double> slow = med(Metric.PRE_TRANSFER, results.cell(app, s, REF));
                if (fast.isPresent() && slow.isPresent() && slow.get() > 0) {
                    ratios.add(fast.get() / slow.get());
                }
            }
        }
        return ratios.isEmpty() ? PaperTables.NOT_RUN : String.format(Locale.ROOT, "%.3f", Stats.of(ratios).median());
    }
}
