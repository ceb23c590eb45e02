package io.mecmig.cli.faults;

import java.util.List;
import java.util.Locale;

/** Prints the fault x strategy table: outcome, downtime, state kept, and what happened. */
public final class FaultTable {

    private FaultTable() {
    }

    /** The table as fixed-width text, one line per cell, then a line counting the cells whose promise held. */
    public static String render(List<FaultResult> results) {
        StringBuilder out = new StringBuilder();
        String format = "%-48s %-13s %-12s %-9s %9s %-6s %s%n";
        out.append(String.format(Locale.ROOT, format, "fault", "strategy", "outcome", "serves", "downtime", "state",
                "what happened"));
        for (FaultResult r : results) {
            out.append(String.format(Locale.ROOT, format, r.fault().label(), r.strategy(), r.outcome(),
                    r.servingHosts() == 1 ? r.servedFrom() : r.servingHosts() + " hosts",
                    r.downtime() == null ? "-" : String.format(Locale.ROOT, "%.2f s", r.downtime().toMillis() / 1000.0),
                    r.stateKept() ? "kept" : "LOST", shorten(r.what())));
        }
        long held = results.stream().filter(FaultResult::held).count();
        out.append(held).append(" of ").append(results.size())
                .append(" cells: the app serves from exactly one host with its state intact\n");
        return out.toString();
    }

    private static String shorten(String what) {
        // Command lines are long and say less than the error after them.
        String one = what == null ? "" : what.replaceAll("`[^`]*`", "`...`").replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "..." : one;
    }
}
