package io.mecmig.orchestrator.plan;

import io.mecmig.core.StateNeeds;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Time budget of a migration: before any run, a model from the app's sizes and the link rate (a tarball takes
 * about size / rate, as the paper found, plus fixed Docker work); after runs, what they measured, per strategy
 * (an exponentially weighted mean, so a slow first run does not stick). Thread-confined: one orchestrator owns it.
 */
public final class CostModel {

    /** Assumed when the link is not shaped: the veth pair between namespaces is at least this fast. */
    static final long UNSHAPED_BITS_PER_SECOND = 1_000_000_000L;
    private static final double WEIGHT_OF_NEWEST = 0.5;

    private final long bitsPerSecond;
    private final Map<String, Learned> learned = new HashMap<>();

    /** @param linkBitsPerSecond the link's rate, 0 for unshaped */
    public CostModel(long linkBitsPerSecond) {
        if (linkBitsPerSecond < 0) {
            throw new IllegalArgumentException("link rate must not be negative");
        }
        this.bitsPerSecond = linkBitsPerSecond == 0 ? UNSHAPED_BITS_PER_SECOND : linkBitsPerSecond;
    }

    private record Learned(double preSeconds, double downSeconds, int runs) {
    }

    /** The expected cost of moving {@code app} with {@code strategy}. */
    public CostEstimate estimate(StrategyOption strategy, AppProfile app) {
        Learned l = learned.get(strategy.name());
        if (l != null) {
            return new CostEstimate(seconds(l.preSeconds()), seconds(l.downSeconds()),
                    "measured, " + l.runs() + " earlier run(s)");
        }
        boolean checkpoint = strategy.preserves() == StateNeeds.FULL_STATE;
        // Fixed parts: Docker's export/commit/save/load (pre) and stop/start (downtime); a checkpoint and its
        // restore add about a second each way on this kind of machine.
        double pre = (checkpoint ? 4.0 : 2.0) + transfer(app.imageBytes() + (checkpoint ? app.memoryBytes() : 0));
        double down = (checkpoint ? 2.5 : 1.0) + transfer(app.volumeBytes() + (checkpoint ? app.memoryBytes() / 4 : 0));
        return new CostEstimate(seconds(pre), seconds(down), String.format("modelled from sizes at %s",
                rateLabel()));
    }

    /** Records what a run of {@code strategy} took. */
    public void learn(String strategy, Duration preRelocation, Duration downtime) {
        double pre = preRelocation.toNanos() / 1e9;
        double down = downtime.toNanos() / 1e9;
        learned.merge(strategy, new Learned(pre, down, 1), (old, n) -> new Learned(
                mix(old.preSeconds(), pre), mix(old.downSeconds(), down), old.runs() + 1));
    }

    /**
     * Records a phase 1 whose migration never reached phase 2 (aborted): its time is real data about the
     * hosts, so the next choices should know it. The downtime estimate stays what it was.
     */
    public void learnPreRelocation(StrategyOption strategy, AppProfile app, Duration preRelocation) {
        Learned l = learned.get(strategy.name());
        double down = l != null ? l.downSeconds() : estimate(strategy, app).downtime().toNanos() / 1e9;
        learn(strategy.name(), preRelocation, Duration.ofNanos(Math.round(down * 1e9)));
    }

    /** Records a relocation's downtime alone (its phase 1 was learned when it ended). */
    public void learnDowntime(StrategyOption strategy, AppProfile app, Duration downtime) {
        Learned l = learned.get(strategy.name());
        double pre = l != null ? l.preSeconds() : estimate(strategy, app).preRelocation().toNanos() / 1e9;
        double down = downtime.toNanos() / 1e9;
        learned.put(strategy.name(), l == null ? new Learned(pre, down, 1)
                : new Learned(pre, mix(l.downSeconds(), down), l.runs()));
    }

    private static double mix(double old, double newest) {
        return (1 - WEIGHT_OF_NEWEST) * old + WEIGHT_OF_NEWEST * newest;
    }

    private double transfer(long bytes) {
        return bytes * 8.0 / bitsPerSecond;
    }

    private String rateLabel() {
        return bitsPerSecond >= 1_000_000_000L && bitsPerSecond % 1_000_000_000L == 0
                ? bitsPerSecond / 1_000_000_000L + " Gbit/s" : bitsPerSecond / 1_000_000L + " Mbit/s";
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
