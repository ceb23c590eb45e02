package io.mecmig.experiment;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.StateLossPolicy;
import io.mecmig.core.StepFailedException;
import io.mecmig.core.Strategy;
import io.mecmig.core.UnknownStrategyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs an {@link ExperimentPlan} on a {@link TestbedSession}, one run at a time, and appends each run's
 * result to a {@link ResultsStore} as soon as it ends. Runs already finished in the store are skipped, so
 * running the same plan into the same folder again resumes an interrupted experiment.
 *
 * <p>Every run starts clean (the session deploys the app fresh on the source) and records state loss rather
 * than rolling it back, since which strategies lose state is one of the things measured (Table IV).
 */
public final class ExperimentRunner {

    private final TestbedSession session;
    private final ResultsStore store;
    private final ProgressListener listener;
    private final LongSupplier nanoTime;
    private final Clock clock;

    public ExperimentRunner(TestbedSession session, ResultsStore store, ProgressListener listener) {
        this(session, store, listener, System::nanoTime, Clock.systemUTC());
    }

    /** With the clocks given, for tests of the progress and ETA. */
    ExperimentRunner(TestbedSession session, ResultsStore store, ProgressListener listener, LongSupplier nanoTime,
                     Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.store = Objects.requireNonNull(store, "store");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    /** Runs every run of {@code plan} that is not finished yet in the store. */
    public ExperimentSummary run(ExperimentPlan plan) {
        long began = nanoTime.getAsLong();
        List<RunKey> keys = plan.runKeys();
        Set<String> finished = store.finishedIds();
        int kept = (int) keys.stream().filter(k -> finished.contains(k.id())).count();
        listener.resumed(kept, keys.size());

        List<Cell> cells = plan.cells();
        Map<Cell, Optional<String>> unavailable = new HashMap<>();
        Map<RunStatus, Integer> byStatus = new EnumMap<>(RunStatus.class);
        EtaEstimator eta = new EtaEstimator();
        LinkProfile shaped = null;
        int done = kept;
        for (RunKey key : keys) {
            if (finished.contains(key.id())) {
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Cell cell = key.cell();
            Optional<String> why = unavailable.computeIfAbsent(cell, this::whyUnavailable);
            int cellNo = cells.indexOf(cell) + 1;
            RunRecord record;
            long start = nanoTime.getAsLong();
            if (why.isPresent()) {
                record = record(key, RunStatus.UNAVAILABLE, clock.instant(), 0.0, why.get(), null);
            } else {
                if (!cell.link().equals(shaped)) {
                    listener.shaping(cell.link());
                    session.shape(cell.link());
                    shaped = cell.link();
                }
                listener.starting(key, new Progress(cellNo, cells.size(), key.index(), plan.runs(), done,
                        keys.size(), kept, eta.remaining(keys.size() - done)));
                record = runOne(key, start);
                eta.ran(nanoTime.getAsLong() - start);
            }
            store.append(record);
            byStatus.merge(record.status(), 1, Integer::sum);
            done++;
            listener.finished(record, new Progress(cellNo, cells.size(), key.index(), plan.runs(), done, keys.size(),
                    kept, eta.remaining(keys.size() - done)));
        }
        return new ExperimentSummary(store.dir(), keys.size(), kept, byStatus,
                Duration.ofNanos(nanoTime.getAsLong() - began));
    }

    private Optional<String> whyUnavailable(Cell cell) {
        Optional<String> why = session.whyUnavailable(cell);
        if (why.isPresent()) {
            return why;
        }
        try {
            session.strategy(cell.strategy());
            return Optional.empty();
        } catch (UnknownStrategyException e) {
            return Optional.of(e.getMessage());
        }
    }

    private RunRecord runOne(RunKey key, long startNanos) {
        Instant startedAt = clock.instant();
        PreparedRun prepared = null;
        try {
            Strategy strategy = session.strategy(key.cell().strategy());
            prepared = session.prepare(key);
            MigrationReport report = Migration.of(prepared.app())
                    .from(prepared.source()).to(prepared.target())
                    .strategy(strategy)
                    .link(key.cell().link())
                    .onStateLoss(StateLossPolicy.RECORD)
                    .preRelocate()
                    .relocate();
            return record(key, RunStatus.COMPLETED, startedAt, startNanos, null, report);
        } catch (StepFailedException e) {
            MigrationReport report = e.report();
            RunStatus status = report == null ? RunStatus.ERROR
                    : report.outcome() == io.mecmig.core.Outcome.FAILED ? RunStatus.FAILED : RunStatus.ROLLED_BACK;
            return record(key, status, startedAt, startNanos, e.getMessage(), report);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return record(key, RunStatus.ERROR, startedAt, startNanos, message, null);
        } finally {
            if (prepared != null) {
                cleanUp(key, prepared);
            }
        }
    }

    private void cleanUp(RunKey key, PreparedRun prepared) {
        try {
            session.cleanUp(prepared);
        } catch (RuntimeException e) {
            // The next run's preparation starts from a clean state anyway; say so rather than stop.
            listener.note("clean-up after " + key.id() + " failed: " + e.getMessage());
        }
    }

    private RunRecord record(RunKey key, RunStatus status, Instant startedAt, long startNanos, String reason,
                             MigrationReport report) {
        return record(key, status, startedAt, (nanoTime.getAsLong() - startNanos) / 1e9, reason, report);
    }

    private RunRecord record(RunKey key, RunStatus status, Instant startedAt, double wall, String reason,
                             MigrationReport report) {
        Cell cell = key.cell();
        return new RunRecord(key.id(), cell.app(), cell.strategy(), cell.link().rateLabel(),
                cell.link().bitsPerSecond(), cell.link().lossPercent(), key.index(), status, session.machine(),
                startedAt.toString(), wall, reason, report == null ? Map.of() : Figures.of(report),
                report == null ? null : RunRecord.tree(report));
    }
}
