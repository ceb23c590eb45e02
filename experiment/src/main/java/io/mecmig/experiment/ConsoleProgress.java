package io.mecmig.experiment;

import io.mecmig.core.LinkProfile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line-per-event progress bar for a terminal:
 * {@code [#######.............] 12/60  cell 3/12 run 2/5  uspa/fccp/100mbit/loss0  ETA 4m10s}.
 * Plain lines rather than carriage returns, so that logs of long experiments stay readable.
 */
public final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 24;

    private final PrintStream out;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void resumed(int kept, int total) {
        if (kept > 0) {
            out.printf("resuming: %d of %d runs already finished are kept%n", kept, total);
        } else {
            out.printf("%d runs to do%n", total);
        }
    }

    @Override
    public void shaping(LinkProfile link) {
        out.printf("link: shaping to %s, %s %% loss%n", link.rateLabel(), LossLabel.of(link.lossPercent()));
    }

    @Override
    public void starting(RunKey run, Progress p) {
        out.println(line(p) + "  " + run.id() + "  running");
    }

    @Override
    public void finished(RunRecord r, Progress p) {
        if (r.status() == RunStatus.UNAVAILABLE && r.run() > 1) {
            return; // said once per cell
        }
        String what = switch (r.status()) {
            case COMPLETED -> String.format(Locale.ROOT, "done: downtime %s s, state %s",
                    r.number(Figures.DOWNTIME_PAPER).map(ConsoleProgress::seconds).orElse("?"),
                    r.text(Figures.STATE_PRESERVED).map(b -> b.equals("true") ? "kept" : "lost").orElse("?"));
            case UNAVAILABLE -> "not available" + (p.runsPerCell() > 1 ? " (all " + p.runsPerCell() + " runs)" : "")
                    + ": " + r.reason();
            default -> r.status().name().toLowerCase(Locale.ROOT) + ": " + r.reason();
        };
        String id = r.status() == RunStatus.UNAVAILABLE ? r.key().cell().label() : r.id();
        out.println(line(p) + "  " + id + "  " + what);
    }

    @Override
    public void note(String message) {
        out.println("note: " + message);
    }

    /** The bar, the counts and the ETA. */
    static String line(Progress p) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String eta = p.eta().map(ConsoleProgress::duration).orElse("--");
        return String.format(Locale.ROOT, "[%s] %d/%d  cell %d/%d run %d/%d  ETA %s", bar, p.done(), p.total(),
                p.cell(), p.cells(), p.run(), p.runsPerCell(), eta);
    }

    /** A duration as the console shows it: {@code 45s}, {@code 4m10s}, {@code 1h05m}. */
    public static String duration(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
