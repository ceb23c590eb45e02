package io.mecmig.orchestrator.live;

import io.mecmig.core.MigrationReport;
import io.mecmig.core.StepFailedException;
import io.mecmig.orchestrator.Decision;
import io.mecmig.orchestrator.DriveSummary;
import io.mecmig.orchestrator.Orchestrator;
import io.mecmig.orchestrator.OrchestratorEvent;
import io.mecmig.orchestrator.UeObservation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link Orchestrator} live: observations and migration outcomes go into one queue, a decision thread
 * feeds them to the orchestrator in order, and a single worker thread carries out the decisions through a
 * {@link MigrationBackend} (one migration step at a time, so phase 2 always follows its phase 1).
 */
public final class LiveOrchestrator {

    private static final Logger LOG = LoggerFactory.getLogger(LiveOrchestrator.class);

    private final Orchestrator brain;
    private final MigrationBackend backend;
    private final DriveListener listener;
    private final BlockingQueue<OrchestratorEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, MigrationBackend.Prepared> prepared = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "orchestrator-migrations"));
    private final Thread decider = new Thread(this::decide, "orchestrator-decisions");
    private volatile boolean ending;
    private volatile UeObservation last;
    private volatile DriveSummary summary;

    public LiveOrchestrator(Orchestrator brain, MigrationBackend backend, DriveListener listener) {
        this.brain = Objects.requireNonNull(brain, "brain");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts deciding. */
    public LiveOrchestrator start() {
        decider.setDaemon(true);
        decider.start();
        return this;
    }

    /** Takes an observation (thread-safe); wire it as the {@link UeFollower}'s sink. */
    public void accept(UeObservation o) {
        if (!ending) {
            events.add(new OrchestratorEvent.UeObserved(o));
        }
    }

    /**
     * Stops taking observations and starting migrations, at once and without waiting (thread-safe; a listener
     * may call it): a migration decided from now on is aborted rather than started. {@link #finish} then winds up.
     */
    public void stopIntake() {
        ending = true;
    }

    /**
     * Stops taking observations, aborts a migration that has not reached relocation, lets one in relocation
     * finish (up to {@code patience}), and returns the tally.
     */
    public DriveSummary finish(Duration patience) {
        ending = true;
        try {
            decider.join(patience.toMillis());
            if (decider.isAlive()) {
                LOG.warn("a migration was still running after {} s; stopping anyway", patience.toSeconds());
                decider.interrupt();
                decider.join(5_000);
            }
            worker.shutdown();
            worker.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary != null ? summary : brain.summary();
    }

    private void decide() {
        try {
            while (true) {
                OrchestratorEvent e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null) {
                    handle(e);
                } else if (ending) {
                    // Again on every idle turn: a relocation that ends now may have led to a new decision.
                    dispatch(brain.wrapUp());
                    if (!brain.busy() && events.isEmpty()) {
                        break;
                    }
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException re) {
            LOG.error("the orchestrator's decision loop failed", re);
        }
        summary = brain.summary();
    }

    private void handle(OrchestratorEvent e) {
        if (e instanceof OrchestratorEvent.UeObserved seen) {
            UeObservation o = seen.observation();
            UeObservation before = last;
            if (before != null && !(Objects.equals(before.accessPointId(), o.accessPointId())
                    && Objects.equals(before.zoneId(), o.zoneId()))) {
                listener.onHandover(before, o);
            }
            last = o;
        }
        dispatch(brain.handle(e));
    }

    private void dispatch(List<Decision> decisions) {
        for (Decision d : decisions) {
            listener.onDecision(d);
            if (d instanceof Decision.Place p) {
                worker.execute(() -> backend.place(p.host()));
            } else if (d instanceof Decision.PreRelocate p) {
                if (!ending) { // at the end of a drive, wrapUp() aborts it: no need to move the app first
                    worker.execute(() -> preRelocate(p));
                }
            } else if (d instanceof Decision.Relocate r) {
                worker.execute(() -> relocate(r));
            } else if (d instanceof Decision.Abort a) {
                worker.execute(() -> abort(a));
            }
        }
    }

    private void preRelocate(Decision.PreRelocate p) {
        long t0 = System.nanoTime();
        try {
            prepared.put(p.migrationId(), backend.preRelocate(p.migrationId(), p.source(), p.target(), p.strategy()));
            events.add(new OrchestratorEvent.PreRelocationDone(p.migrationId(), Duration.ofNanos(System.nanoTime() - t0)));
        } catch (RuntimeException e) {
            listener.onFailure(p.migrationId(), e);
            events.add(new OrchestratorEvent.MigrationFailed(p.migrationId(), "pre-relocation", e.getMessage()));
        }
    }

    private void relocate(Decision.Relocate r) {
        MigrationBackend.Prepared p = prepared.remove(r.migrationId());
        if (p == null) {
            events.add(new OrchestratorEvent.MigrationFailed(r.migrationId(), "relocation", "nothing prepared"));
            return;
        }
        try {
            MigrationReport report = p.relocate();
            listener.onReport(r.migrationId(), report);
            events.add(OrchestratorEvent.RelocationDone.of(r.migrationId(), report));
        } catch (StepFailedException e) {
            if (e.report() != null) {
                listener.onReport(r.migrationId(), e.report());
            }
            listener.onFailure(r.migrationId(), e);
            events.add(new OrchestratorEvent.MigrationFailed(r.migrationId(), "relocation", e.getMessage()));
        } catch (RuntimeException e) {
            listener.onFailure(r.migrationId(), e);
            events.add(new OrchestratorEvent.MigrationFailed(r.migrationId(), "relocation", e.getMessage()));
        }
    }

    private void abort(Decision.Abort a) {
        MigrationBackend.Prepared p = prepared.remove(a.migrationId());
        if (p != null) {
            try {
                p.abort();
            } catch (RuntimeException e) {
                LOG.warn("aborting {} left something on the target: {}", a.migrationId(), e.getMessage());
            }
        }
    }
}
