package io.mecmig.criu;

import io.mecmig.core.Strategy;
import io.mecmig.core.StrategyProvider;
import java.util.List;

/** Offers FullSP and the page-delta full-state strategy to {@link io.mecmig.core.Strategies}. */
public final class CriuStrategies implements StrategyProvider {

    @Override
    public List<Strategy> strategies() {
        return List.of(new FullSpStrategy(), new PageDeltaStrategy());
    }
}
