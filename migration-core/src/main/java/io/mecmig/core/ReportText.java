package io.mecmig.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link MigrationReport} for a terminal: the step table, then downtime, sizes and state. */
final class ReportText {

    private ReportText() {
    }

    static String render(MigrationReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s  %s -> %s  strategy %s  link %s, %.1f %% loss  %s%n",
                r.app(), r.source(), r.target(), r.strategy(), r.link().rateLabel(), r.link().lossPercent(),
                r.outcome()));
        out.append(String.format(Locale.ROOT, "%-15s %-34s %-7s %10s %12s %s%n",
                "phase", "step", "side", "seconds", "link bytes", "downtime"));
        appendPhase(out, r.preRelocation());
        appendPhase(out, r.relocation());
        if (r.downtime() != null) {
            Downtime d = r.downtime();
            out.append(String.format(Locale.ROOT, "downtime: paper %s s, until ready %s s", secs(d.paper()),
                    secs(d.untilReady())));
            if (d.ueObserved() != null) {
                out.append(String.format(Locale.ROOT, ", UE-observed %s s (%d checks every %d ms)",
                        secs(d.ueObserved().longest()), d.ueObserved().checks(), d.ueObserved().interval().toMillis()));
            }
            out.append('\n');
        }
        Map<String, Double> measures = new TreeMap<>(r.measures());
        measures.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-32s %s%n", k, format(k, v))));
        out.append(String.format(Locale.ROOT, "link bytes: %d%n", r.linkBytes()));
        if (r.stateCheck() != null) {
            out.append(String.format(Locale.ROOT, "state: %s (%s)%n",
                    r.stateCheck().preserved() ? "preserved" : "LOST", r.stateCheck().detail()));
        }
        if (r.viability() != null) {
            out.append("viability: ").append(r.viability().label()).append('\n');
        }
        if (r.failure() != null) {
            out.append("failure: ").append(r.failure()).append('\n');
        }
        if (r.rollback() != null) {
            out.append("rollback: ").append(r.rollback().sourceState()).append(' ')
                    .append(r.rollback().actions()).append('\n');
        }
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        r.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        return out.toString();
    }

    private static void appendPhase(StringBuilder out, PhaseReport phase) {
        if (phase == null) {
            return;
        }
        for (StepTiming s : phase.steps()) {
            out.append(String.format(Locale.ROOT, "%-15s %-34s %-7s %10s %12d %s%s%n",
                    phase.phase().name().toLowerCase(Locale.ROOT), s.step(), s.side().name().toLowerCase(Locale.ROOT),
                    secs(s.duration()), s.linkBytes(), s.inDowntime() ? "yes" : "", s.succeeded() ? "" : "  FAILED"));
        }
        out.append(String.format(Locale.ROOT, "%-15s %-34s %-7s %10s%n", "", "total", "", secs(phase.duration())));
    }

    /** Seconds with three decimals; "-" for a figure the run never reached (a failed relocation). */
    private static String secs(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private static String format(String key, double value) {
        if (key.endsWith(".bytes")) {
            return String.format(Locale.ROOT, "%.0f B (%.2f MB)", value, value / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
