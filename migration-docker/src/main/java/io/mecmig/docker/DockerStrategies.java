package io.mecmig.docker;

import io.mecmig.core.Strategy;
import io.mecmig.core.StrategyProvider;
import java.util.List;

/** Offers SFP and FCCP to {@link io.mecmig.core.Strategies} through the service loader. */
public final class DockerStrategies implements StrategyProvider {

    @Override
    public List<Strategy> strategies() {
        return List.of(new SfpStrategy(), new FccpStrategy());
    }
}
