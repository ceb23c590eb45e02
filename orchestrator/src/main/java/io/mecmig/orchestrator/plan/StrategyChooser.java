package io.mecmig.orchestrator.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks a strategy for one handover from the app's declared needs and the time it has:
 * <ol>
 *   <li>only strategies that carry the state the app needs (a faster one that loses state is never chosen:
 *       the user's state comes first);</li>
 *   <li>among those, the ones that finish while the UE is still with the target host (Table V's second
 *       viability metric);</li>
 *   <li>among those, the ones whose pre-relocation ends before the handover, then the lowest expected
 *       downtime (the paper: SFP/FCCP fastest, FullSP slowest but keeps everything).</li>
 * </ol>
 * The reason names the candidates, the figures and the rule that decided.
 */
public final class StrategyChooser {

    private final List<StrategyOption> strategies;
    private final CostModel costs;

    public StrategyChooser(List<StrategyOption> strategies, CostModel costs) {
        this.strategies = List.copyOf(strategies);
        this.costs = costs;
    }

    public CostModel costs() {
        return costs;
    }

    /** The strategies it chooses from. */
    public List<StrategyOption> options() {
        return strategies;
    }

    /** The strategy for moving {@code app} within {@code window}. */
    public StrategyChoice choose(AppProfile app, TimeWindow window) {
        List<StrategyOption> keeping = strategies.stream().filter(s -> s.preserves().covers(app.needs())).toList();
        List<String> losing = strategies.stream().filter(s -> !s.preserves().covers(app.needs()))
                .map(StrategyOption::name).toList();
        if (keeping.isEmpty()) {
            return new StrategyChoice(Optional.empty(), Optional.empty(), StrategyChoice.Verdict.MISSED,
                    app.name() + " needs " + label(app) + " and no available strategy keeps it"
                            + (losing.isEmpty() ? "" : " (" + String.join(", ", losing) + " would lose it)")
                            + ": add the backend that provides one (migration-criu for full state)");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (StrategyOption s : keeping) {
            candidates.add(new Candidate(s, costs.estimate(s, app), window));
        }
        String why = app.name() + " needs " + label(app) + ": " + names(keeping)
                + (keeping.size() == 1 ? " keeps" : " keep") + " it" + (losing.isEmpty() ? "" : ", " + String.join(", ", losing)
                + " would not") + ". ";
        Optional<Candidate> best = candidates.stream().filter(Candidate::fits)
                .min(Comparator.comparing(Candidate::late).thenComparing(c -> c.estimate.downtime())
                        .thenComparing(c -> c.estimate.preRelocation()));
        if (best.isEmpty()) {
            Candidate quickest = candidates.stream().min(Comparator.comparing(Candidate::finish)).orElseThrow();
            return new StrategyChoice(Optional.empty(), Optional.empty(), StrategyChoice.Verdict.MISSED,
                    why + "Even the quickest, " + quickest.strategy.name() + ", needs " + secs(quickest.finish())
                            + " to serve from the target, but the UE stays there only " + dwell(window)
                            + ": not enough time, the app stays where it is");
        }
        Candidate c = best.get();
        StrategyChoice.Verdict verdict = c.late() ? StrategyChoice.Verdict.LATE : StrategyChoice.Verdict.ON_TIME;
        String timing = c.late()
                ? "its pre-relocation (" + secs(c.estimate.preRelocation()) + ") ends after the handover (in "
                        + secs(window.lead()) + "), but the move completes " + secs(c.finish()) + " from now, within the "
                        + dwell(window) + " the UE stays"
                : "its pre-relocation (" + secs(c.estimate.preRelocation()) + ") fits in the " + secs(window.lead())
                        + " before the handover";
        String rank = candidates.size() == 1 ? c.strategy.name() + " is the only one"
                : c.strategy.name() + " has the lowest expected downtime that fits (" + secs(c.estimate.downtime()) + ")";
        return new StrategyChoice(Optional.of(c.strategy), Optional.of(c.estimate), verdict,
                why + rank + "; " + timing + " [" + c.estimate.basis() + "]");
    }

    /** A strategy with its estimate, judged against the window. */
    private record Candidate(StrategyOption strategy, CostEstimate estimate, TimeWindow window) {

        /** From now until the app serves from the target: relocation starts at the handover or when phase 1 ends. */
        Duration finish() {
            Duration start = estimate.preRelocation().compareTo(window.lead()) > 0 ? estimate.preRelocation() : window.lead();
            return start.plus(estimate.downtime());
        }

        boolean late() {
            return estimate.preRelocation().compareTo(window.lead()) > 0;
        }

        /** The move completes before the UE leaves the target host again. */
        boolean fits() {
            return finish().compareTo(window.lead().plus(window.dwell())) < 0;
        }
    }

    private static String label(AppProfile app) {
        return switch (app.needs()) {
            case NONE -> "no state";
            case USER_STATE -> "its user state";
            case FULL_STATE -> "its full state (memory too)";
        };
    }

    private static String names(List<StrategyOption> options) {
        return options.stream().map(StrategyOption::name).collect(Collectors.joining(", "));
    }

    private static String dwell(TimeWindow w) {
        return (w.dwellAtLeast() ? "at least " : "") + secs(w.dwell());
    }

    static String secs(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
