package io.mecmig.orchestrator.live;

import io.mecmig.core.MigrationReport;
import io.mecmig.orchestrator.Decision;
import io.mecmig.orchestrator.DriveSummary;
import io.mecmig.orchestrator.MigrationRecord;
import io.mecmig.orchestrator.UeObservation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a drive as it happens: the UE's handovers, each decision with its reason, each migration's source,
 * target, strategy, downtime and state check, and at the end the summary.
 */
public final class DriveLog implements DriveListener {

    private final PrintStream out;
    private final long start = System.nanoTime();

    public DriveLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onHandover(UeObservation before, UeObservation now) {
        line("UE %s  %s -> %s", now.address(), where(before), where(now));
    }

    @Override
    public void onDecision(Decision d) {
        if (d instanceof Decision.Place p) {
            line("PLACE        app on %s: %s", p.host(), p.reason());
        } else if (d instanceof Decision.PreRelocate p) {
            line("PRE-RELOCATE %s  %s -> %s  strategy %s  (handover in %s, %s)%n               why: %s",
                    p.migrationId(), p.source(), p.target(), p.strategy(), secs(p.expectedLead()),
                    p.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), p.reason());
        } else if (d instanceof Decision.Relocate r) {
            line("RELOCATE     %s  %s -> %s: %s", r.migrationId(), r.source(), r.target(), r.reason());
        } else if (d instanceof Decision.Abort a) {
            line("ABORT        %s: %s", a.migrationId(), a.reason());
        } else if (d instanceof Decision.Miss m) {
            line("MISSED       %s -> %s: %s", m.source(), m.target(), m.reason());
        }
    }

    @Override
    public void onReport(String migrationId, MigrationReport r) {
        String downtime = r.downtime() == null ? "n/a" : secs(r.downtime().paper())
                + (r.downtime().ueObserved() == null ? "" : " (UE saw " + secs(r.downtime().ueObserved().longest()) + ")");
        String state = r.stateCheck() == null ? "not checked"
                : (r.stateCheck().preserved() ? "kept" : "LOST") + " (" + r.stateCheck().detail() + ")";
        String phases = (r.preRelocation() == null ? "" : "pre-relocation " + secs(r.preRelocation().duration()) + ", ")
                + (r.relocation() == null ? "" : "relocation " + secs(r.relocation().duration()) + ", ");
        line("MIGRATION    %s  %s -> %s  strategy %s  downtime %s  state %s  [%s; %s%d MB over the link]", migrationId,
                r.source(), r.target(), r.strategy(), downtime, state, r.outcome(), phases, r.linkBytes() / 1_000_000);
    }

    @Override
    public void onFailure(String migrationId, RuntimeException failure) {
        line("FAILED       %s: %s (the app serves from the source)", migrationId, failure.getMessage());
    }

    /** The end-of-drive summary. */
    public void summary(DriveSummary s) {
        out.println();
        out.println("SUMMARY");
        out.printf(Locale.ROOT, "  migrations done            %d%n", s.completed());
        out.printf(Locale.ROOT, "  missed (lack of time)      %d%n", s.missed());
        out.printf(Locale.ROOT, "  aborted / failed           %d / %d%n", s.aborted(), s.failed());
        out.printf(Locale.ROOT, "  total downtime             %s%n", secs(s.totalDowntime()));
        out.printf(Locale.ROOT, "  state continuity           %s%n", s.stateContinuity()
                ? "yes: every migration kept the app's state" : "NO: a migration lost the app's state");
        for (MigrationRecord m : s.migrations()) {
            out.printf(Locale.ROOT, "    %-10s %-9s %s -> %s  %-7s %s%n", m.id(), m.status(), m.source(), m.target(),
                    m.strategy(), m.downtime() == null ? m.detail() : "downtime " + secs(m.downtime()));
        }
    }

    /** A free line with the drive clock, e.g. for the app's own state check. */
    public void note(String format, Object... args) {
        line(format, args);
    }

    private synchronized void line(String format, Object... args) {
        double t = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "[%7.1f s] " + format + "%n", prepend(t, args));
    }

    private static Object[] prepend(double t, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = t;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    private static String where(UeObservation o) {
        return o.connected() ? o.accessPointId() + "/" + o.zoneId() : "(no coverage)";
    }

    static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }
}
