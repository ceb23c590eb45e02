package io.mecmig.cli.faults;

import io.mecmig.core.AppSpec;
import io.mecmig.core.AppState;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationEvent;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.StepFailedException;
import io.mecmig.docker.DockerHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the fault table on the testbed: for each fault and strategy, the app is deployed fresh on the source,
 * migrated with the fault injected at its moment, the fault undone, and then checked: on how many hosts it
 * runs, whether its state is at least what it was, and what the report (or recovery) says happened.
 */
public final class FaultMatrix {

    /** Every strategy of the table. */
    public static final List<String> STRATEGIES = List.of("sfp", "fccp", "fullsp", "fullsp-delta");

    private final FaultBench bench;
    private final Consumer<String> progress;

    public FaultMatrix(FaultBench bench, Consumer<String> progress) {
        this.bench = bench;
        this.progress = progress;
    }

    /** Every cell of {@code faults} x {@code strategies}, in that order; a cell that throws is recorded, not fatal. */
    public List<FaultResult> run(List<FaultCase> faults, List<String> strategies) {
        bench.buildImage();
        List<FaultResult> results = new ArrayList<>();
        for (FaultCase fault : faults) {
            for (String strategy : strategies) {
                progress.accept("== " + fault.label() + " x " + strategy);
                long t0 = System.nanoTime();
                FaultResult r = runGuarded(fault, strategy);
                progress.accept("   " + r.outcome() + ", serves from " + r.servedFrom() + ", state "
                        + (r.stateKept() ? "kept" : "LOST") + " (" + (System.nanoTime() - t0) / 1_000_000_000 + " s): "
                        + r.what());
                results.add(r);
            }
        }
        return results;
    }

    private FaultResult runGuarded(FaultCase fault, String strategy) {
        try {
            return run(fault, strategy);
        } catch (RuntimeException e) {
            bench.restore();
            Check c = check(null);
            return new FaultResult(fault, strategy, "ERROR", c.servedFrom, c.serving, null, false,
                    "the cell itself failed: " + e);
        } finally {
            bench.removeEverywhere();
        }
    }

    /** One cell. */
    public FaultResult run(FaultCase fault, String strategy) {
        AppState before = bench.deployFresh();
        if (fault == FaultCase.ORCHESTRATOR_KILLED) {
            CrashAndRecover.Result crash = new CrashAndRecover(bench).run(strategy);
            bench.restore();
            Check c = check(before);
            return new FaultResult(fault, strategy, crash.resolution(), c.servedFrom, c.serving, crash.downtime(),
                    c.stateKept, crash.what());
        }
        MigrationReport report;
        String what;
        try (Injector injector = new Injector(fault, bench)) {
            injector.beforeMigration();
            AppSpec spec = bench.spec();
            try {
                report = Migration.of(spec).from(bench.source).to(bench.target).strategy(strategy)
                        .onEvent(MigrationEvent.StepStarted.class, injector::onStarted)
                        .onEvent(MigrationEvent.StepCompleted.class, injector::onCompleted)
                        .migrate();
            } catch (StepFailedException e) {
                report = e.report();
            }
            injector.close();
            what = injector.describe() + " -> " + happened(report);
        }
        bench.restore();
        Check c = check(before);
        Duration downtime = report.downtime() == null || report.downtime().ueObserved() == null ? null
                : report.downtime().ueObserved().longest();
        return new FaultResult(fault, strategy, String.valueOf(report.outcome()), c.servedFrom, c.serving, downtime,
                c.stateKept, what);
    }

    /** The report's own account: its failure, what rollback did and its notes, or that it completed. */
    static String happened(MigrationReport r) {
        StringBuilder s = new StringBuilder(String.valueOf(r.outcome()).toLowerCase(java.util.Locale.ROOT));
        if (r.failure() != null) {
            s.append(": ").append(r.failure());
        }
        if (r.rollback() != null) {
            s.append("; rollback: ").append(String.join(", ", r.rollback().actions()));
        }
        // where the rolled-back source's state came from (its final checkpoint, an older one, or none)
        r.notes().stream().filter(n -> n.startsWith("rollback: ")).forEach(n -> s.append("; ").append(n));
        if (r.stateCheck() != null && !r.stateCheck().preserved()) {
            s.append("; state check: ").append(r.stateCheck().detail());
        }
        return s.toString();
    }

    private record Check(int serving, String servedFrom, boolean stateKept) {
    }

    /** Where the app runs now and whether its state is at least {@code before}. */
    private Check check(AppState before) {
        AppSpec spec = bench.spec();
        List<DockerHost> running = new ArrayList<>();
        for (DockerHost h : List.of(bench.source, bench.target)) {
            if (h.isRunning(spec.container())) {
                running.add(h);
            }
        }
        if (running.size() != 1) {
            return new Check(running.size(), running.isEmpty() ? "nowhere" : "both", false);
        }
        DockerHost host = running.get(0);
        Optional<AppState> after = readState(spec, host);
        boolean kept = before != null && after.isPresent() && spec.stateProbe().compare(before, after.get()).preserved();
        return new Check(1, host == bench.source ? "source" : "target", kept);
    }

    /** The state from the host the app runs on, waiting up to 20 s for it to answer after a restart. */
    private static Optional<AppState> readState(AppSpec spec, DockerHost host) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Optional<AppState> s = spec.stateProbe().read(host.serviceAddress(spec));
            if (s.isPresent() || System.nanoTime() > deadline) {
                return s;
            }
            FaultBench.sleep(200);
        }
    }
}
