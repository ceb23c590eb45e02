package io.mecmig.core;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The UE's view of downtime: calls the app every {@code interval} (10 ms by default) on its own thread and
 * keeps the longest time between two good answers, with its start and end.
 *
 * <pre>{@code
 * try (DowntimeProbe probe = DowntimeProbe.start(() -> readiness.isReady(address), Duration.ofMillis(10))) {
 *     ... move the app ...
 *     ProbeResult seen = probe.stop();
 * }
 * }</pre>
 */
public final class DowntimeProbe implements AutoCloseable {

    private final BooleanSupplier served;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;

    // Written by the probe thread only; read after join().
    private long checks;
    private long failures;
    private boolean lastOk;
    /** A check under way: one that hangs past the stop (a frozen app holding the connection) is an outage. */
    private volatile boolean checking;
    private long lastGoodNanos = -1;
    private Instant lastGoodAt;
    private long longestNanos;
    private Gap longestGap;
    private final java.util.concurrent.CountDownLatch firstAnswer = new java.util.concurrent.CountDownLatch(1);

    private DowntimeProbe(BooleanSupplier served, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new InvalidMigrationException("probe interval must be positive, got " + interval);
        }
        this.served = served;
        this.interval = interval;
        this.thread = new Thread(this::loop, "mecmig-downtime-probe");
        this.thread.setDaemon(true);
    }

    /**
     * Starts probing {@code served}, which answers whether the UE got a good answer right now.
     *
     * @param served one check: true when the UE got a good answer
     * @param interval the time between two checks
     * @return the running probe; stop it with {@link #stop()}
     */
    public static DowntimeProbe start(BooleanSupplier served, Duration interval) {
        DowntimeProbe probe = new DowntimeProbe(served, interval);
        probe.thread.start();
        return probe;
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            check();
            next += interval.toNanos();
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime(); // a slow check: do not burst to catch up
            }
        }
    }

    private void check() {
        boolean ok;
        checking = true;
        try {
            ok = served.getAsBoolean();
        } catch (RuntimeException e) {
            ok = false;
        } finally {
            checking = false;
        }
        checks++;
        lastOk = ok;
        if (!ok) {
            failures++;
            return;
        }
        long now = System.nanoTime();
        Instant nowAt = Instant.now();
        firstAnswer.countDown();
        if (lastGoodNanos >= 0 && now - lastGoodNanos > longestNanos) {
            longestNanos = now - lastGoodNanos;
            longestGap = new Gap(lastGoodAt, nowAt);
        }
        lastGoodNanos = now;
        lastGoodAt = nowAt;
    }

    /**
     * Waits until the probe got its first good answer, at most {@code timeout}. Call it before the service
     * stops: a probe whose first calls are slow (a cold HTTP client on a busy machine) would otherwise miss
     * the last answer before the outage and under-report it.
     *
     * @param timeout how long to wait at most
     * @return whether an answer came in time
     */
    public boolean awaitFirstAnswer(Duration timeout) {
        try {
            return firstAnswer.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops probing and returns what it saw. An outage still open at stop counts up to the stop.
     *
     * @return the longest gap, with its start and end, and the number of checks and failures
     */
    public ProbeResult stop() {
        return stop(Duration.ofSeconds(5));
    }

    /** {@link #stop()}, waiting at most {@code checkWait} for a check under way to end. */
    ProbeResult stop(Duration checkWait) {
        running = false; // no interrupt: an interrupted check would look like an outage
        try {
            thread.join(Math.max(1, checkWait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long now = System.nanoTime();
        boolean outageOpen = !lastOk || checking;
        if (lastGoodNanos >= 0 && now - lastGoodNanos > longestNanos && outageOpen) {
            longestNanos = now - lastGoodNanos;
            longestGap = new Gap(lastGoodAt, Instant.now());
        }
        return new ProbeResult(interval, checks, failures, longestGap, Duration.ofNanos(longestNanos));
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }
}
