package io.mecmig.core;

import java.util.List;

/**
 * Service-provider interface through which backends offer strategies to {@link Strategies}; list an
 * implementation in {@code META-INF/services/io.mecmig.core.StrategyProvider}.
 */
public interface StrategyProvider {

    /** @return the strategies this backend offers, each with a unique name */
    List<Strategy> strategies();
}
