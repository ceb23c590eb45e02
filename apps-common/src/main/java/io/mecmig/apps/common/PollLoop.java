package io.mecmig.apps.common;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one poll step at a fixed period on a single thread. A failing step never stops the loop: the failure is
 * logged when it first happens (and when its message changes), then once every {@link #REPEAT_EVERY}, and the
 * recovery is logged too, so a down gateway produces a clear, bounded log instead of a crash or a flood.
 */
public final class PollLoop implements AutoCloseable {

    /** How often a failure that goes on is logged again. */
    public static final Duration REPEAT_EVERY = Duration.ofSeconds(10);
    /**
     * A step that comes due this much later than its period says the process was frozen meanwhile (a CRIU checkpoint
     * restored here, a suspended host): that step is skipped and the loop polls one period later.
     */
    static final Duration FROZEN = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

    private final String name;
    private final Runnable step;
    private final ScheduledExecutorService timer;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private String lastError;
    private long lastErrorLoggedNanos;
    private long failuresInARow;
    private final LongSupplier nanoClock;
    private volatile long periodNanos;
    private long lastStepEndNanos;

    /** A loop named {@code name} (thread and log name) around {@code step}; call {@link #start} to run it. */
    public PollLoop(String name, Runnable step) {
        this(name, step, System::nanoTime);
    }

    PollLoop(String name, Runnable step, LongSupplier nanoClock) {
        this.name = name;
        this.step = step;
        this.nanoClock = nanoClock;
        this.lastStepEndNanos = nanoClock.getAsLong();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Polls every {@code period} (measured from the end of the previous step), the first time one period from now:
     * a starting app then answers its first {@code /health} before its first poll loads the HTTP client, which on a
     * small host competes with that answer for the CPU (a migrated app's downtime ends with that answer).
     */
    public PollLoop start(Duration period) {
        arm(period);
        timer.scheduleWithFixedDelay(this::onSchedule, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Sets the period that {@link #onSchedule} measures lateness against, counted from now. */
    synchronized void arm(Duration period) {
        periodNanos = period.toNanos();
        lastStepEndNanos = nanoClock.getAsLong();
    }

    /**
     * The timer's call: one step, unless it comes due long after its time. A restored app resumes with every timer
     * expired at once, and its downtime ends with its first {@code /health} answer, which the poll's HTTP call (15-20 ms
     * of CPU on a restored ASW, measured) would share the two cores with, beside runc and CRIU finishing the restore.
     *
     * @return whether the step ran
     */
    boolean onSchedule() {
        long now = nanoClock.getAsLong();
        long sinceLast;
        synchronized (this) {
            sinceLast = now - lastStepEndNanos;
            if (sinceLast - periodNanos > FROZEN.toNanos()) {
                lastStepEndNanos = now;
                sinceLast = -sinceLast;
            }
        }
        if (sinceLast < 0) {
            LOG.debug("{}: resumed {} ms after the last poll; polling one period later", name, -sinceLast / 1_000_000);
            return false;
        }
        runOnce();
        synchronized (this) {
            lastStepEndNanos = nanoClock.getAsLong();
        }
        return true;
    }

    /** Steps run so far. */
    public long polls() {
        return polls.get();
    }

    /** Steps that failed so far. */
    public long failures() {
        return failures.get();
    }

    /** Whether the latest step failed. */
    public synchronized boolean failing() {
        return failuresInARow > 0;
    }

    /** Runs one step and handles its failure; public so that tests can step without timing. */
    public void runOnce() {
        polls.incrementAndGet();
        try {
            step.run();
            recovered();
        } catch (RuntimeException | Error e) { // an Error here is most likely a bad answer; never let it kill the loop
            failed(e);
        }
    }

    private synchronized void recovered() {
        if (failuresInARow > 0) {
            LOG.info("{}: MEC API answers again after {} failed polls", name, failuresInARow);
        }
        failuresInARow = 0;
        lastError = null;
    }

    private synchronized void failed(Throwable e) {
        failures.incrementAndGet();
        failuresInARow++;
        String message = Objects.toString(e.getMessage(), e.toString());
        long now = System.nanoTime();
        boolean repeat = now - lastErrorLoggedNanos >= REPEAT_EVERY.toNanos();
        if (!message.equals(lastError) || repeat) {
            String suffix = failuresInARow > 1 ? " (" + failuresInARow + " failed polls in a row; still retrying)" : " (retrying)";
            if (e instanceof MecApiException) {
                LOG.error("{}: {}{}", name, message, suffix);
            } else {
                LOG.error("{}: poll failed{}", name, suffix, e);
            }
            lastError = message;
            lastErrorLoggedNanos = now;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
