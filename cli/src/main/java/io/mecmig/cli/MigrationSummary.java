package io.mecmig.cli;

import io.mecmig.core.Downtime;
import io.mecmig.core.Measures;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Medians over several runs of one cell (app, strategy, link): the table {@code migrate --runs N} ends with. */
final class MigrationSummary {

    private MigrationSummary() {
    }

    static String of(List<MigrationReport> reports) {
        MigrationReport first = reports.get(0);
        List<MigrationReport> done = reports.stream().filter(r -> r.outcome() == Outcome.COMPLETED).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nmedians of %d completed run(s) of %d: %s, %s, link %s, loss %.1f %%%n",
                done.size(), reports.size(), first.app(), first.strategy(), first.link().rateLabel(),
                first.link().lossPercent()));
        row(out, "downtime, UE-observed (s)", done, r -> seconds(r.downtime() == null || r.downtime().ueObserved() == null
                ? null : r.downtime().ueObserved().longest()));
        row(out, "downtime, paper (s)", done, r -> seconds(downtime(r, Downtime::paper)));
        row(out, "downtime, until ready (s)", done, r -> seconds(downtime(r, Downtime::untilReady)));
        row(out, "pre-relocation (s)", done, r -> r.preRelocation() == null ? null : seconds(r.preRelocation().duration()));
        row(out, "relocation (s)", done, r -> r.relocation() == null ? null : seconds(r.relocation().duration()));
        row(out, "commit freeze (s)", done, r -> r.measures().get(Measures.COMMIT_FREEZE));
        row(out, "tarball (MB)", done, r -> mb(r.measures().get(Measures.TARBALL_SIZE)));
        row(out, "container size (MB)", done, r -> mb(r.measures().get(Measures.CONTAINER_SIZE)));
        row(out, "link bytes (MB)", done, r -> r.linkBytes() / 1e6);
        return out.toString();
    }

    /** One line per app: median downtimes over its completed runs, UE-observed first (the benchmark's figure). */
    static String downtimeTable(List<List<MigrationReport>> perApp) {
        StringBuilder out = new StringBuilder(String.format("%n%-6s %-9s %-10s %5s %14s %14s %14s%n", "app", "strategy",
                "link", "runs", "UE median (s)", "paper med (s)", "ready med (s)"));
        for (List<MigrationReport> runs : perApp) {
            MigrationReport first = runs.get(0);
            List<MigrationReport> done = runs.stream().filter(r -> r.outcome() == Outcome.COMPLETED).toList();
            out.append(String.format("%-6s %-9s %-10s %2d/%-2d %14s %14s %14s%n", first.app(), first.strategy(),
                    first.link().rateLabel(), done.size(), runs.size(),
                    format(median(done, r -> seconds(r.downtime() == null || r.downtime().ueObserved() == null
                            ? null : r.downtime().ueObserved().longest()))),
                    format(median(done, r -> seconds(downtime(r, Downtime::paper)))),
                    format(median(done, r -> seconds(downtime(r, Downtime::untilReady))))));
        }
        return out.toString();
    }

    private static String format(Double value) {
        return value == null ? "-" : String.format("%.3f", value);
    }

    private static Double median(List<MigrationReport> runs, Function<MigrationReport, Double> value) {
        List<Double> values = new ArrayList<>(runs.stream().map(value).filter(Objects::nonNull).toList());
        if (values.isEmpty()) {
            return null;
        }
        values.sort(Double::compare);
        return values.size() % 2 == 1 ? values.get(values.size() / 2)
                : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
    }

    private static Duration downtime(MigrationReport r, Function<Downtime, Duration> part) {
        return r.downtime() == null ? null : part.apply(r.downtime());
    }

    private static Double seconds(Duration d) {
        return d == null ? null : d.toNanos() / 1e9;
    }

    private static Double mb(Double bytes) {
        return bytes == null ? null : bytes / 1e6;
    }

    private static void row(StringBuilder out, String label, List<MigrationReport> runs, Function<MigrationReport, Double> value) {
        List<Double> values = new ArrayList<>(runs.stream().map(value).filter(Objects::nonNull).toList());
        if (values.isEmpty()) {
            return;
        }
        values.sort(Double::compare);
        double median = values.size() % 2 == 1 ? values.get(values.size() / 2)
                : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
        out.append(String.format("  %-28s median %9.3f   min %9.3f   max %9.3f%n", label, median, values.get(0),
                values.get(values.size() - 1)));
    }
}
