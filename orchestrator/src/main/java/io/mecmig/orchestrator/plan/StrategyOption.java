package io.mecmig.orchestrator.plan;

import io.mecmig.core.StateNeeds;
import io.mecmig.core.Strategies;
import io.mecmig.core.Strategy;
import java.util.List;
import java.util.Objects;

/**
 * A strategy the orchestrator may pick: its name and how much state it carries.
 *
 * @param name the strategy's name as {@link Strategies#named(String)} takes it
 * @param preserves the state it carries
 */
public record StrategyOption(String name, StateNeeds preserves) {

    public StrategyOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preserves, "preserves");
    }

    public static StrategyOption of(Strategy s) {
        return new StrategyOption(s.name(), s.preserves());
    }

    /** Every strategy the backends on the class path provide. */
    public static List<StrategyOption> available() {
        return Strategies.available().values().stream().map(StrategyOption::of).toList();
    }
}
