package io.mecmig.sandbox;

import io.mecmig.sandbox.mobility.MobilityEngine;
import io.mecmig.sandbox.mobility.MobilityEvent;
import io.mecmig.sandbox.mobility.MobilitySnapshot;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.sandbox.mobility.UeState;
import io.mecmig.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's clock and UE population: start, pause, step, reset, speed up, choose UEs.
 * Thread-safe. Readers get immutable {@link MobilitySnapshot}s without blocking the clock.
 */
public final class SandboxControl implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxControl.class);

    private final MobilityEngine engine;
    private final List<MobilityListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock;
    private volatile MobilitySnapshot snapshot;
    private UeSelection selection;
    private double timeScale;
    private ScheduledFuture<?> ticking;

    /** A paused control over {@code selection} of {@code scenario}; call {@link #start()} to let time run. */
    public SandboxControl(Scenario scenario, UeSelection selection, double timeScale, double tickSeconds) {
        checkTimeScale(timeScale);
        this.engine = new MobilityEngine(scenario, selection.resolve(scenario), tickSeconds);
        this.selection = selection;
        this.timeScale = timeScale;
        this.snapshot = engine.snapshot();
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mec-sandbox-clock");
            t.setDaemon(true);
            return t;
        });
    }

    /** Lets scenario time advance by itself, one tick every tickSeconds / timeScale of wall-clock time. */
    public synchronized void start() {
        if (ticking == null) {
            long periodMicros = Math.max(1, Math.round(engine.tickSeconds() * 1_000_000 / timeScale));
            ticking = clock.scheduleAtFixedRate(this::tickSafely, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    /** Stops time; {@link #step(int)} still advances it by hand. */
    public synchronized void pause() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    public synchronized boolean running() {
        return ticking != null;
    }

    /** Advances {@code ticks} ticks now and returns every PoA change they caused. */
    public List<MobilityEvent> step(int ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("ticks must be 0 or more, got " + ticks);
        }
        List<MobilityEvent> all = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            all.addAll(tick());
        }
        return all;
    }

    /** Back to time zero with the same UEs; a running clock keeps running. */
    public synchronized void reset() {
        engine.reset();
        snapshot = engine.snapshot();
    }

    /** Replaces the active UEs and resets time to zero. */
    public synchronized void selectUes(UeSelection newSelection) {
        engine.select(newSelection.resolve(engine.scenario()));
        selection = newSelection;
        snapshot = engine.snapshot();
    }

    /** Changes how many scenario seconds pass per wall-clock second. */
    public synchronized void timeScale(double scale) {
        checkTimeScale(scale);
        this.timeScale = scale;
        if (ticking != null) {
            pause();
            start();
        }
    }

    public synchronized double timeScale() {
        return timeScale;
    }

    /** The latest state of every active UE. */
    public MobilitySnapshot snapshot() {
        return snapshot;
    }

    /** One active UE's latest state. */
    public Optional<UeState> ue(String id) {
        return snapshot.ue(id);
    }

    public synchronized SandboxStatus status() {
        MobilitySnapshot s = snapshot;
        int connected = (int) s.ues().stream().filter(UeState::connected).count();
        return new SandboxStatus(s.tick(), s.scenarioSeconds(), ticking != null, timeScale, engine.tickSeconds(),
                s.ues().size(), connected, selection.toString());
    }

    public Scenario scenario() {
        return engine.scenario();
    }

    /** Registers a listener told after every tick. */
    public void addListener(MobilityListener listener) {
        listeners.add(listener);
    }

    public void removeListener(MobilityListener listener) {
        listeners.remove(listener);
    }

    private List<MobilityEvent> tick() {
        MobilitySnapshot after;
        List<MobilityEvent> events;
        synchronized (this) {
            events = engine.step();
            after = engine.snapshot();
            snapshot = after;
        }
        for (MobilityListener l : listeners) {
            try {
                l.onTick(after, events);
            } catch (RuntimeException e) {
                LOG.warn("mobility listener {} failed: {}", l, e.toString());
            }
        }
        return events;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("sandbox tick failed", e); // keep the clock alive
        }
    }

    private static void checkTimeScale(double scale) {
        if (!(scale > 0) || scale > 10_000) {
            throw new IllegalArgumentException("time scale " + scale + " is out of range: give a number above 0 and at most 10000");
        }
    }

    /** Stops the clock thread. */
    @Override
    public void close() {
        pause();
        clock.shutdownNow();
    }
}
